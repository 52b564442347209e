/// One item of a target list as typed: `s3.p1-3`, `doc:kp2`, `doc:`, `#4`, `#2-5` or `@`.
public enum TargetItem: Hashable, Sendable {
    /// `@`: every passage of the working view.
    case view
    /// `#n` or `#n-m`: rows of the last listing (find, suggest, similar).
    case results(ClosedRange<Int>)
    /// An element of a document; `document` is nil for the current document.
    case element(document: String?, ElementPattern)
    /// `m3` or `m2-4`: marks (quoted spans), by id.
    case marks(ClosedRange<Int>)
}

/// What a tag or a note can be attached to: an element, or a marked span.
public enum CodingTarget: Hashable, Sendable {
    case element(ElementRef)
    case mark(Int)
}

/// The element part of an address, with ranges kept as typed.
public enum ElementPattern: Hashable, Sendable {
    case document
    case title
    case sections(ClosedRange<Int>)
    case passages(section: Int, ClosedRange<Int>)
    case faq(ClosedRange<Int>)
    case keyPoints(ClosedRange<Int>)
}

/// A resolved element: which loaded document (by index in the workspace) and where in it.
public struct ElementRef: Hashable, Sendable, Comparable {
    public var document: Int
    public var address: ElementAddress

    public init(document: Int, address: ElementAddress) {
        self.document = document
        self.address = address
    }

    public static func < (lhs: ElementRef, rhs: ElementRef) -> Bool {
        (lhs.document, lhs.address) < (rhs.document, rhs.address)
    }
}

extension ElementPattern {
    /// The one element a pattern names, or nil for a range.
    var singleAddress: ElementAddress? {
        switch self {
        case .document: return .document
        case .title: return .title
        case .sections(let range) where range.count == 1: return .section(range.lowerBound)
        case .passages(let s, let range) where range.count == 1: return .passage(section: s, number: range.lowerBound)
        case .faq(let range) where range.count == 1: return .faq(range.lowerBound)
        case .keyPoints(let range) where range.count == 1: return .keyPoint(range.lowerBound)
        default: return nil
        }
    }
}
