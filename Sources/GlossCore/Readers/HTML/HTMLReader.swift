/// Reads web pages: the article's text (navigation, headers and footers, sidebars, related links,
/// share bars, banners, comments, ads and scripts left out), its structure (title, lead, sections from
/// h2–h6 with their levels, paragraphs, list items, quotes, code, table rows, figure captions, FAQ
/// entries and key points) and its metadata (`HTMLMetadata`).
///
/// Steps: the bytes become UTF-8 (`HTMLCharset`), libxml2 parses them (`HTMLTreeParser`), boilerplate
/// is marked by its markup (`HTMLBoilerplate`), the text is laid out in blocks (`HTMLLayout`), the
/// article's element is chosen by its paragraphs (`HTMLContentSelector`), and the blocks in it that
/// are still not the article (link lists, ad labels, time stamps, pull quotes) are dropped before the
/// rest goes to the builder.
public struct HTMLReader: DocumentReader {
    public init() {}

    public var name: String { "HTML" }
    public var summary: String {
        "the article only (navigation, sidebars, comments and ads left out): title, headings, paragraphs, lists, "
            + "quotes, captions, tables, FAQ and key takeaways; metadata from JSON-LD, OpenGraph and meta tags"
    }
    public var extensions: [String] { ["html", "htm", "xhtml"] }
    public var mediaTypes: [String] { ["text/html", "application/xhtml+xml"] }
    public var format: DocumentFormat { .html }

    public func claims(head: UnsafeBufferPointer<UInt8>) -> Bool {
        // Skip a byte-order mark, whitespace, an XML declaration and comments, then look for a tag.
        var text = String(decoding: head, as: UTF8.self).lowercased()
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("<?xml") || rest.hasPrefix("<!--") {
                guard let end = rest.range(of: rest.hasPrefix("<!--") ? "-->" : "?>") else { return false }
                rest = rest[end.upperBound...]
                continue
            }
            break
        }
        return ["<!doctype html", "<html", "<head", "<body"].contains { rest.hasPrefix($0) }
    }

    public func read(_ source: ReaderSource, into builder: inout DocumentBuilder) throws(GlossError) {
        let decoded = HTMLCharset.decode(source.bytes, name: source.name, serverCharset: source.charset)
        if let warning = decoded.warning { builder.warn(warning) }
        let tree = HTMLTreeParser.parse(decoded.bytes)
        let article = HTMLArticle(tree: tree)
        article.write(into: &builder)
    }
}

extension DocumentFormat {
    public static let html = DocumentFormat(rawValue: "html")
}
