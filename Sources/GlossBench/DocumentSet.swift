import Foundation

/// One folder of generated documents of one format, and what reading them should give: written by
/// `DocumentSetWriter`, listed in `documents.json`, measured by `FormatBenchmark`.
struct DocumentSet: Codable {
    /// "docx", "odt", "epub", "pdf", or "markdown" for the plain-text peer of a size.
    var format: String
    /// The size it stands for: MB of text ("5 MB") or pages ("200 pages").
    var size: String
    var folder: String
    var documents: Int
    /// Text written (UTF-8 bytes of titles, headings, passages and notes), pages for a PDF.
    var textBytes: Int
    var pages: Int
    var expected: GeneratedDocument.Outline
    var comments: Int
}
