/// The block kinds a passage can have, whatever format it was read from.
public enum PassageKind: String, Sendable, Codable, CaseIterable {
    case paragraph
    case list
    case quote
    case code
    case tableRow = "table-row"
    /// A figure's caption (a photo's, a chart's).
    case caption
    /// A footnote's or endnote's text (an office document's, a PDF's), kept in a section at the end.
    case footnote
}
