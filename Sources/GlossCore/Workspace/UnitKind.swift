/// The kind of a searchable unit: every passage, heading, title, FAQ question and answer, and key point
/// is one unit of the index and of the working view.
public enum UnitKind: UInt8, Sendable, CaseIterable {
    case title
    case heading
    case paragraph
    case list
    case quote
    case code
    case tableRow
    case question
    case answer
    case keyPoint

    public init(_ kind: PassageKind) {
        switch kind {
        case .paragraph: self = .paragraph
        case .list: self = .list
        case .quote: self = .quote
        case .code: self = .code
        case .tableRow: self = .tableRow
        }
    }

    public var name: String {
        switch self {
        case .title: return "title"
        case .heading: return "heading"
        case .paragraph: return "paragraph"
        case .list: return "list"
        case .quote: return "quote"
        case .code: return "code"
        case .tableRow: return "table-row"
        case .question: return "question"
        case .answer: return "answer"
        case .keyPoint: return "keypoint"
        }
    }
}

/// One searchable unit: where it lives and what it is.
public struct Unit: Hashable, Sendable {
    public var document: Int32
    public var section: Int32
    public var kind: UnitKind
    public var element: ElementAddress

    public var ref: ElementRef { ElementRef(document: Int(document), address: element) }
}
