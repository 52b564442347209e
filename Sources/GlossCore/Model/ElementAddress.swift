/// The address of one element inside a document, as the user types it (`s3.p2`, `kp4`, `q2`).
///
/// Numbers are those shown to the user: sections from 0 (the lead), passages, FAQ entries and key
/// points from 1.
public enum ElementAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The whole document, written `DOC:`.
    case document
    /// The document's title alone, written `DOC:title` (a title hit tags the title, not the document).
    case title
    case section(Int)
    case passage(section: Int, number: Int)
    case faq(Int)
    case keyPoint(Int)

    public var description: String {
        switch self {
        case .document: return ""
        case .title: return "title"
        case .section(let s): return "s\(s)"
        case .passage(let s, let p): return "s\(s).p\(p)"
        case .faq(let q): return "q\(q)"
        case .keyPoint(let k): return "kp\(k)"
        }
    }

    /// The kind of element, for messages and JSON.
    public var elementKind: String {
        switch self {
        case .document: return "document"
        case .title: return "title"
        case .section: return "section"
        case .passage: return "passage"
        case .faq: return "faq"
        case .keyPoint: return "keypoint"
        }
    }

    private var sortKey: (Int, Int, Int) {
        switch self {
        case .document: return (0, 0, 0)
        case .title: return (0, 1, 0)
        case .section(let s): return (1, s, 0)
        case .passage(let s, let p): return (1, s, p)
        case .faq(let q): return (2, q, 0)
        case .keyPoint(let k): return (3, k, 0)
        }
    }

    public static func < (lhs: ElementAddress, rhs: ElementAddress) -> Bool {
        lhs.sortKey < rhs.sortKey
    }
}
