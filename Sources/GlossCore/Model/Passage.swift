/// A unit of reading: a paragraph, a list item, a block quote, a code block or a table row.
public struct Passage: Hashable, Sendable {
    public var kind: PassageKind
    public var text: String
    public var lines: LineRange

    public init(kind: PassageKind, text: String, lines: LineRange) {
        self.kind = kind
        self.text = text
        self.lines = lines
    }
}
