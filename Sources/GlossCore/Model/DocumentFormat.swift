/// The shape a document was read as: its reader's name for it, shown in `outline` and JSON.
///
/// A value rather than a closed enum, so a new reader declares its formats in its own file.
public struct DocumentFormat: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// One paragraph per line, no blank lines.
    public static let linePerParagraph = DocumentFormat(rawValue: "plain-lines")
    /// Paragraphs separated by blank lines, possibly hard-wrapped.
    public static let wire = DocumentFormat(rawValue: "plain-wire")
    public static let markdown = DocumentFormat(rawValue: "markdown")
}
