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
    case caption
    case footnote

    public init(_ kind: PassageKind) {
        switch kind {
        case .paragraph: self = .paragraph
        case .list: self = .list
        case .quote: self = .quote
        case .code: self = .code
        case .tableRow: self = .tableRow
        case .caption: self = .caption
        case .footnote: self = .footnote
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
        case .caption: return "caption"
        case .footnote: return "footnote"
        }
    }
}

/// One searchable unit: where it lives and what it is. Kept in 16 bytes (a corpus has hundreds of
/// thousands): the element's address follows from the kind, the section and one number.
public struct Unit: Hashable, Sendable {
    public var document: Int32
    public var section: Int32
    /// Passage number in its section, FAQ entry or key point number; 0 for titles and headings.
    private(set) var number: Int32
    public var kind: UnitKind

    public init(document: Int32, section: Int32, kind: UnitKind, element: ElementAddress) {
        self.document = document
        self.section = section
        self.kind = kind
        switch element {
        case .document, .title, .section: number = 0
        case .passage(_, let p): number = Int32(p)
        case .faq(let q): number = Int32(q)
        case .keyPoint(let k): number = Int32(k)
        }
    }

    public var element: ElementAddress {
        switch kind {
        case .title: return .title
        case .heading: return .section(Int(section))
        case .paragraph, .list, .quote, .code, .tableRow, .caption, .footnote:
            return .passage(section: Int(section), number: Int(number))
        case .question, .answer: return .faq(Int(number))
        case .keyPoint: return .keyPoint(Int(number))
        }
    }

    public var ref: ElementRef { ElementRef(document: Int(document), address: element) }
}
