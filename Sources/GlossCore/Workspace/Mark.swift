/// A quoted span inside one unit, tagged. Kept as its quote with some text either side plus offsets,
/// so it can be found again when the document changes.
public struct Mark: Hashable, Sendable {
    public var id: Int
    public var element: ElementRef
    /// Which unit of the element holds the span (a FAQ entry has a question and an answer).
    public var part: UnitKind
    public var quote: String
    /// Offsets of the quote in the unit's text, in Unicode scalars.
    public var start: Int
    public var end: Int
    public var before: String
    public var after: String
    /// Tag keys.
    public var tags: [String]

    public init(
        id: Int, element: ElementRef, part: UnitKind, quote: String, start: Int, end: Int,
        before: String, after: String, tags: [String]
    ) {
        self.id = id
        self.element = element
        self.part = part
        self.quote = quote
        self.start = start
        self.end = end
        self.before = before
        self.after = after
        self.tags = tags
    }
}
