/// The shape a document was read as.
public enum DocumentFormat: String, Sendable, Codable {
    /// One paragraph per line, no blank lines.
    case linePerParagraph = "plain-lines"
    /// Paragraphs separated by blank lines, possibly hard-wrapped.
    case wire = "plain-wire"
    case markdown
}
