/// A unit of reading: a paragraph, a list item, a block quote, a code block, a table row, a caption or a footnote.
public struct Passage: Hashable, Sendable {
    public var kind: PassageKind
    /// The text, kept in a chunk shared with the rest of its load.
    public var storedText: StoredText
    public var lines: LineRange

    public var text: String {
        get { storedText.string }
        set { storedText = StoredText(newValue) }
    }

    public init(kind: PassageKind, text: String, lines: LineRange) {
        self.init(kind: kind, storedText: StoredText(text), lines: lines)
    }

    init(kind: PassageKind, storedText: StoredText, lines: LineRange) {
        self.kind = kind
        self.storedText = storedText
        self.lines = lines
    }
}
