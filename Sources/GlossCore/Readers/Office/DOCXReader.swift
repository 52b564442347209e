extension DocumentFormat {
    public static let docx = DocumentFormat(rawValue: "docx")
}

/// Reads Word documents (Office Open XML, `.docx`): the package with ZIPFoundation, each part with a
/// streaming XML reader. Parts are found through the package's relationships, as Word finds them.
///
/// - The title and headings come from paragraph styles (Title, Heading 1–9, or a style whose outline
///   level says so, localised names included) and paragraphs' own outline levels.
/// - Paragraphs, list items (numbered paragraphs and list styles), quotes, code and captions by style;
///   tables by row (a Key Points table gives key points).
/// - Tracked changes are read as accepted; comments become notes on the span they cover, with their
///   author; footnotes and endnotes become `footnote` passages in a Notes section at the end, marked
///   `[1]` (endnotes `[i]`) where they are referenced.
/// - Core properties (title, creator, created, modified, language, description) become metadata.
public struct DOCXReader: DocumentReader {
    public init() {}

    public var name: String { "DOCX" }
    public var summary: String {
        "Word documents: title and headings from paragraph styles and outline levels, paragraphs, lists, quotes, "
            + "tables (Key Points tables too), footnotes and endnotes, hyperlinks' text, tracked changes as accepted, "
            + "comments as notes with their author, core properties"
    }
    public var extensions: [String] { ["docx"] }
    public var mediaTypes: [String] { ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] }
    public var format: DocumentFormat { .docx }

    public func claims(head: UnsafeBufferPointer<UInt8>) -> Bool {
        ZipPackage.head(head, mentions: "[Content_Types].xml") && ZipPackage.head(head, mentions: "word/")
    }

    public func read(_ source: ReaderSource, into builder: inout DocumentBuilder) throws(GlossError) {
        var package = try ZipPackage(bytes: source.bytes, name: source.name)
        let root = try PackageRelationships(of: "", in: &package)
        let main = root.part(ofType: "officeDocument") ?? "word/document.xml"
        guard package.contains(main) else {
            throw GlossError("\(source.name): not a Word document (no \(main) in the archive)")
        }
        let links = try PackageRelationships(of: main, in: &package)

        var styles = DOCXStyles()
        if let part = links.part(ofType: "styles"), let stream = try package.xml(part) {
            styles = try DOCXStyles(stream)
        }
        var walker = DOCXDocumentWalker(styles: styles, writer: OfficeBlockWriter(builder: builder))
        if let part = links.part(ofType: "comments"), let stream = try package.xml(part) {
            walker.writer.comments = try Self.comments(stream)
        }
        for (type, element) in [("footnotes", "footnote"), ("endnotes", "endnote")] {
            guard let part = links.part(ofType: type), let stream = try package.xml(part) else { continue }
            let notes = try Self.notes(stream, element: element)
            if element == "footnote" { walker.footnotes = notes } else { walker.endnotes = notes }
        }
        try walker.walk(try package.requireXML(main, of: "a Word document"))
        builder = walker.finish()

        let core = root.part(ofType: "core-properties") ?? "docProps/core.xml"
        if let stream = try package.xml(core) { try Self.coreProperties(stream, into: &builder) }
    }

    /// Comments by id: their author and their paragraphs' text.
    static func comments(_ stream: XMLStream) throws(GlossError) -> [String: (author: String?, text: String)] {
        var comments: [String: (author: String?, text: String)] = [:]
        for (id, author, text) in try paragraphsOfItems(stream, element: "comment", extra: "author") {
            comments[id] = (author.flatMap { $0.isEmpty ? nil : $0 }, text)
        }
        return comments
    }

    /// Footnotes or endnotes by id (separators and continuation marks left out).
    static func notes(_ stream: XMLStream, element: String) throws(GlossError) -> [String: String] {
        var notes: [String: String] = [:]
        for (id, type, text) in try paragraphsOfItems(stream, element: element, extra: "type")
        where type == nil || type == "normal" {
            notes[id] = text
        }
        return notes
    }

    /// The items of a part of comments or notes: each one's id, one attribute, and its paragraphs' text
    /// (one line each).
    private static func paragraphsOfItems(
        _ stream: XMLStream, element: String, extra: String
    ) throws(GlossError) -> [(String, String?, String)] {
        var items: [(String, String?, String)] = []
        var current: (id: String, extra: String?, text: ParagraphText)?
        while let event = try stream.next() {
            let name = stream.name
            guard name.namespace == .word else { continue }
            switch (event, name.local) {
            case (.start, element):
                current = (stream.attribute("id", .word) ?? "", stream.attribute(extra, .word), ParagraphText())
            case (.start, "p") where current != nil:
                var paragraph = ParagraphText()
                _ = try DOCXParagraph.read(stream, into: &paragraph) { _ in nil }
                current?.text.append(paragraph, separator: 0x0A)
            case (.end, element):
                if let current { items.append((current.id, current.extra, current.text.finished().text)) }
                current = nil
            default:
                break
            }
        }
        return items
    }

    /// Title, creator, created, modified, language and description of `docProps/core.xml`; the title
    /// becomes the document's when its body has none.
    static func coreProperties(_ stream: XMLStream, into builder: inout DocumentBuilder) throws(GlossError) {
        while let event = try stream.next() {
            guard event == .start else { continue }
            let name = stream.name
            guard
                name.namespace == .dublinCore || name.namespace == .dublinCoreTerms || name.namespace == .coreProperties
            else { continue }
            switch name.local {
            case "title":
                let title = try stream.elementText().trimmingWhitespace()
                if !builder.hasTitle, !title.isEmpty { builder.setTitle(title, lines: LineRange(line: 1)) }
            case "creator": builder.addMetadata(.author, try stream.elementText())
            case "created": builder.addMetadata(.published, try stream.elementText())
            case "modified": builder.addMetadata(.modified, try stream.elementText())
            case "language": builder.addMetadata(.language, try stream.elementText())
            case "description": builder.addMetadata(.description, try stream.elementText())
            default: break
            }
        }
    }
}
