extension DocumentFormat {
    public static let odt = DocumentFormat(rawValue: "odt")
}

/// Reads OpenDocument texts (`.odt`, LibreOffice's and others'): `content.xml` for the text with the
/// styles of `styles.xml`, `meta.xml` for the metadata.
///
/// - Headings are `text:h` with their outline level; the title, quotes, code and captions come from
///   paragraph styles (Title, Quotations, Preformatted Text, Caption…); list items, tables by row (a Key
///   Points table gives key points).
/// - Footnotes and endnotes become `footnote` passages in a Notes section at the end, marked with their
///   citation where they are referenced; annotations become notes on the span they cover, with their
///   author; tracked changes are read as accepted.
/// - Metadata: title, initial creator (else creator), creation date, date, language, description.
public struct ODTReader: DocumentReader {
    public init() {}

    public var name: String { "ODT" }
    public var summary: String {
        "OpenDocument texts: headings with outline levels, title, paragraphs, lists, quotes, tables (Key Points "
            + "tables too), footnotes and endnotes, tracked changes as accepted, annotations as notes with their "
            + "author, metadata"
    }
    public var extensions: [String] { ["odt"] }
    public var mediaTypes: [String] { ["application/vnd.oasis.opendocument.text"] }
    public var format: DocumentFormat { .odt }

    public func claims(head: UnsafeBufferPointer<UInt8>) -> Bool {
        ZipPackage.storedMimetype(head) == "application/vnd.oasis.opendocument.text"
    }

    public func read(_ source: ReaderSource, into builder: inout DocumentBuilder) throws(GlossError) {
        var package = try ZipPackage(bytes: source.bytes, name: source.name)
        let content = try package.requireXML("content.xml", of: "an OpenDocument text")
        var styles = ODTStyles()
        if let stream = try package.xml("styles.xml") { try styles.add(stream) }
        var walker = ODTDocumentWalker(styles: styles, writer: OfficeBlockWriter(builder: builder))
        try walker.walk(content)
        builder = walker.finish()
        if let stream = try package.xml("meta.xml") { try Self.metadata(stream, into: &builder) }
    }

    static func metadata(_ stream: XMLStream, into builder: inout DocumentBuilder) throws(GlossError) {
        var creator: String?
        var initialCreator: String?
        while let event = try stream.next() {
            guard event == .start else { continue }
            switch (stream.name.namespace, stream.name.local) {
            case (.dublinCore, "title"):
                let title = try stream.elementText().trimmingWhitespace()
                if !builder.hasTitle, !title.isEmpty { builder.setTitle(title, lines: LineRange(line: 1)) }
            case (.dublinCore, "creator"): creator = try stream.elementText()
            case (.odfMeta, "initial-creator"): initialCreator = try stream.elementText()
            case (.odfMeta, "creation-date"): builder.addMetadata(.published, try stream.elementText())
            case (.dublinCore, "date"): builder.addMetadata(.modified, try stream.elementText())
            case (.dublinCore, "language"): builder.addMetadata(.language, try stream.elementText())
            case (.dublinCore, "description"): builder.addMetadata(.description, try stream.elementText())
            default: break
            }
        }
        let author = [initialCreator, creator].compactMap { $0?.trimmingWhitespace() }.first { !$0.isEmpty }
        if let author { builder.addMetadata(.author, author) }
    }
}
