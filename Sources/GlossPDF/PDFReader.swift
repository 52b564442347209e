import Foundation
import GlossCore

extension DocumentFormat {
    public static let pdf = DocumentFormat(rawValue: "pdf")
}

/// Reads PDFs with poppler (poppler-glib, GPL-2.0-or-later), which gives each character with its box
/// and font; the structure is read from the layout, as a reader sees the page:
///
/// - Reading order is worked out from the boxes (`PDFPageLayout`): two-column pages read column by
///   column, tables row by row (a Key Points table gives key points).
/// - Running headers, footers and page numbers are dropped (`PDFRunningText`).
/// - Lines are joined into paragraphs across line, column and page breaks; a word hyphenated at a line's
///   end is made whole (a compound keeps its hyphen).
/// - Headings come from font size and weight against the body text's, with levels by size; the title is
///   the one run of the largest type at the top of the first page; list items from their markers.
/// - Footnotes (small type at the foot of a page, starting with their mark) become `footnote` passages in
///   a Notes section at the end; raised marks in the text read `[3]`.
/// - Every element knows its page (`page` in JSON and exports, `p. 12` in `show`).
/// - Metadata: the document information's author, dates and subject (and its title when the page has none).
///
/// This reader lives outside GlossCore so that the core does not link poppler; the `gloss` executable
/// adds it to its registry.
public struct PDFReader: DocumentReader {
    public init() {}

    public var name: String { "PDF" }
    public var summary: String {
        "reading order (two columns, tables by row), paragraphs joined across lines and pages, hyphenation undone, "
            + "running headers, footers and page numbers dropped, headings and levels from type size and weight, "
            + "lists, footnotes, a page number for every passage, document information as metadata"
    }
    public var extensions: [String] { ["pdf"] }
    public var mediaTypes: [String] { ["application/pdf"] }
    public var format: DocumentFormat { .pdf }

    public func claims(head: UnsafeBufferPointer<UInt8>) -> Bool {
        let signature = Array("%PDF-".utf8)
        guard head.count >= signature.count else { return false }
        return (0...(head.count - signature.count)).contains { start in
            head[start..<(start + signature.count)].elementsEqual(signature)
        }
    }

    /// Documents longer than this are refused: reading them would take minutes and gigabytes.
    static let maximumPages = 20_000

    public func read(_ source: ReaderSource, into builder: inout DocumentBuilder) throws(GlossError) {
        let file = try PDFFile(source.bytes, name: source.name)
        guard file.pageCount <= Self.maximumPages else {
            throw GlossError(
                "\(source.name): the PDF has \(file.pageCount) pages; gloss reads at most \(Self.maximumPages)")
        }
        var pages: [PDFPage] = []
        pages.reserveCapacity(file.pageCount)
        var unreadable = 0
        for index in 0..<file.pageCount {
            guard let glyphs = file.glyphs(ofPage: index) else {
                unreadable += 1
                continue
            }
            pages.append(
                PDFPage(
                    number: index + 1, width: glyphs.width, height: glyphs.height,
                    lines: PDFLine.lines(of: glyphs, number: index + 1)))
        }
        let blank = pages.filter(\.lines.isEmpty).count
        if pages.allSatisfy(\.lines.isEmpty) {
            throw GlossError(
                "\(source.name): the PDF has no text layer (a scan?); run OCR on it first (for example ocrmypdf) and load the result"
            )
        }
        if unreadable > 0 { builder.warn("\(source.name): \(unreadable) of \(file.pageCount) pages could not be read") }
        if blank * 2 > pages.count {
            builder.warn("\(source.name): \(blank) of \(pages.count) pages have no text (scanned pages need OCR first)")
        }
        pages = PDFRunningText.removing(from: pages)
        let typography = PDFTypography(pages: pages)
        var writer = PDFStructureWriter(builder: builder, typography: typography)
        for page in pages { writer.add(page) }
        builder = writer.finish()
        Self.metadata(of: file, into: &builder)
    }

    private static func metadata(of file: PDFFile, into builder: inout DocumentBuilder) {
        if let author = file.author { builder.addMetadata(.author, author) }
        let format = ISO8601DateFormatter()
        if let created = file.created { builder.addMetadata(.published, format.string(from: created)) }
        if let modified = file.modified { builder.addMetadata(.modified, format.string(from: modified)) }
        if let subject = file.subject { builder.addMetadata(.description, subject) }
        if !builder.hasTitle, let title = file.title, !isFileName(title) {
            builder.setTitle(title, lines: LineRange(line: 1))
        }
    }

    /// A title that only names the file it was made from ("Microsoft Word - report.docx", "draft.pdf").
    static func isFileName(_ title: String) -> Bool {
        let lowered = title.lowercased()
        return lowered.hasPrefix("microsoft word - ") || lowered.hasPrefix("microsoft powerpoint - ")
            || [".doc", ".docx", ".odt", ".pdf", ".indd", ".tex", ".rtf", ".ppt", ".pptx"].contains {
                lowered.hasSuffix($0)
            }
    }
}
