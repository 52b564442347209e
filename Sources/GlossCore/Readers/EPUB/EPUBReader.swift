extension DocumentFormat {
    public static let epub = DocumentFormat(rawValue: "epub")
}

/// Reads e-books (EPUB 2 and 3) as one document: `META-INF/container.xml` names the package document,
/// whose spine gives the chapters' order; each chapter (XHTML) is read whole by the HTML reading
/// (`HTMLWholeDocument`: no boilerplate removal); the navigation document (EPUB 3) or NCX (EPUB 2)
/// gives the section titles and levels; footnotes and endnotes become `footnote` passages in a Notes
/// section at the end; the package's Dublin Core metadata (title, creator, date, language, publisher,
/// description) becomes the document's. A book whose chapters are encrypted (DRM) is refused.
public struct EPUBReader: DocumentReader {
    public init() {}

    public var name: String { "EPUB" }
    public var summary: String {
        "e-books (EPUB 2 and 3): chapters in spine order read whole, sections from the table of contents, "
            + "headings, paragraphs, lists, quotes, tables, footnotes and endnotes, Dublin Core metadata; DRM-encrypted books refused"
    }
    public var extensions: [String] { ["epub"] }
    public var mediaTypes: [String] { ["application/epub+zip"] }
    public var format: DocumentFormat { .epub }

    public func claims(head: UnsafeBufferPointer<UInt8>) -> Bool {
        ZipPackage.storedMimetype(head) == "application/epub+zip"
    }

    public func read(_ source: ReaderSource, into builder: inout DocumentBuilder) throws(GlossError) {
        var archive = try ZipPackage(bytes: source.bytes, name: source.name)
        try Self.read(&archive, into: &builder)
    }

    static func read(_ archive: inout ZipPackage, into builder: inout DocumentBuilder) throws(GlossError) {
        let package = try EPUBPackage(&archive)
        let navigation = try EPUBNavigation(package, in: &archive)
        var book = EPUBBookWriter(title: package.title, metadata: package.metadata.map(\.value))
        for item in package.spine where item.path != package.navigationPath && Self.isChapter(item) {
            guard let bytes = try archive.read(item.path) else { continue }
            let chapter = HTMLWholeDocument(bytes: bytes, name: "\(archive.name): \(item.path)")
            if let warning = chapter.warning { builder.warn(warning) }
            book.add(chapter, path: item.path, entries: navigation.entries(in: item.path))
        }
        book.finish(into: &builder)
        builder.addMetadata(package.metadata.map { MetadataField(key: $0.key, value: $0.value) })
    }

    /// Whether a spine item is a chapter of text (not an image or an SVG page).
    private static func isChapter(_ item: EPUBPackage.SpineItem) -> Bool {
        switch item.mediaType {
        case "application/xhtml+xml", "text/html": return true
        case "": return [".xhtml", ".html", ".htm"].contains { item.path.lowercased().hasSuffix($0) }
        default: return false
        }
    }
}
