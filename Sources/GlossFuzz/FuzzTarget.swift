import GlossCore
import GlossPDF

/// The fuzz targets. Each takes one input (raw bytes) and drives an entry point of the core;
/// anything but a crash, a hang or a sanitizer report is fine (errors are expected results).
enum FuzzTarget: String, CaseIterable {
    /// Bytes → `SourceDecoder` → `PlainTextReader` → a workspace (units and search index).
    case plaintext
    /// Bytes → `SourceDecoder` → `MarkdownReader` → a workspace.
    case markdown
    /// Bytes → `HTMLReader` (charset sniffing, libxml2, main-content extraction, metadata) → a workspace.
    case html
    /// A query → `QueryParser`; when it parses, `find` and `kwic` with it against the fixture.
    case query
    /// Up to 16 command lines → tokenizer, parser, then `Session.execute`, in one fresh session.
    case commandline
    /// A script → `ScriptRunner.commands(in:)`, then the first 32 commands run (keep going on errors).
    case script
    /// A DOCX → `DOCXReader` → a workspace. Bytes starting `PK` are the whole archive (the ZIP layer);
    /// others are `word/document.xml` in a fixed package (the XML layer).
    case docx
    /// An ODT → `ODTReader` → a workspace, the same way (`content.xml` in a fixed package).
    case odt
    /// An EPUB → `EPUBReader` → a workspace: the whole archive when the bytes start `PK`, else a
    /// chapter's XHTML in a fixed book (with a navigation document and notes).
    case epub
    /// A PDF's bytes → `PDFReader` (poppler and the layout analysis) → a workspace.
    case pdf

    /// The target named by `GLOSS_FUZZ_TARGET`.
    static let environmentVariable = "GLOSS_FUZZ_TARGET"

    func run(_ bytes: [UInt8]) {
        switch self {
        case .plaintext: Self.read(bytes, name: "fuzz.txt") { PlainTextReader().read($0) }
        case .markdown: Self.read(bytes, name: "fuzz.md") { MarkdownReader().read($0) }
        case .html: Self.readPage(bytes)
        case .query: Self.query(String(decoding: bytes, as: UTF8.self))
        case .commandline: Self.commandLines(String(decoding: bytes, as: UTF8.self))
        case .script: Self.script(String(decoding: bytes, as: UTF8.self))
        case .docx:
            Self.read(FuzzFixture.package(bytes, part: "word/document.xml"), name: "fuzz.docx", with: DOCXReader())
        case .odt: Self.read(FuzzFixture.package(bytes, part: "content.xml"), name: "fuzz.odt", with: ODTReader())
        case .epub: Self.read(FuzzFixture.book(bytes), name: "fuzz.epub", with: EPUBReader())
        case .pdf: Self.read(bytes, name: "fuzz.pdf", with: PDFReader())
        }
    }

    /// Reads like `load` does with a reader of raw bytes; errors are expected results.
    private static func read(_ bytes: [UInt8], name: String, with reader: some DocumentReader) {
        var builder = DocumentBuilder(format: reader.format)
        guard (try? reader.read(ReaderSource(bytes: bytes, name: name), into: &builder)) != nil else { return }
        var document = builder.finish()
        document.path = name
        Workspace().add([document])
    }

    /// Decodes like `load` does; bytes it refuses (a NUL, a bad UTF-16 BOM file) are still read as
    /// lenient UTF-8, since a reader must cope with any string.
    private static func read(_ bytes: [UInt8], name: String, with reader: (String) -> Document) {
        let text = (try? SourceDecoder.decode(bytes, name: name).text) ?? String(decoding: bytes, as: UTF8.self)
        var document = reader(text)
        document.path = name
        Workspace().add([document])
    }

    /// Reads a page as `load` does: the HTML reader takes raw bytes and finds their encoding itself.
    private static func readPage(_ bytes: [UInt8]) {
        var builder = DocumentBuilder(format: HTMLReader().format)
        try? HTMLReader().read(ReaderSource(bytes: bytes, name: "fuzz.html"), into: &builder)
        var document = builder.finish()
        document.path = "fuzz.html"
        Workspace().add([document])
    }

    private static func query(_ query: String) {
        guard (try? QueryParser.parse(query)) != nil else { return }
        let session = FuzzFixture.session()
        _ = session.execute("find " + query)
        _ = session.execute("kwic " + query)
    }

    private static func commandLines(_ text: String) {
        let session = FuzzFixture.session()
        let parser = CommandParser(registry: session.registry)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(16) {
            let line = String(line)
            _ = try? CommandLineTokenizer.words(line)
            _ = try? parser.command(for: line)
            if session.execute(line).quit { break }
        }
    }

    private static func script(_ text: String) {
        var options = ScriptRunner.Options()
        options.keepGoing = true
        let commands = ScriptRunner.commands(in: text)
        ScriptRunner(options: options).run(Array(commands.prefix(32)), name: "fuzz.gloss", in: FuzzFixture.session()) {
            _ in
        }
    }
}
