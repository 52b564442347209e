/// One word of a command line, unquoted, with the column where it starts (1-based).
public struct CommandWord: Hashable, Sendable {
    public var text: String
    public var column: Int
    /// Column just past the word's last character (quotes included).
    public var endColumn: Int
    public var quoted: Bool

    public init(text: String, column: Int, endColumn: Int, quoted: Bool) {
        self.text = text
        self.column = column
        self.endColumn = endColumn
        self.quoted = quoted
    }

    /// True for an unquoted `--name` or `--name=value`.
    public var isOption: Bool { !quoted && text.hasPrefix("--") && text.count > 2 }
}
