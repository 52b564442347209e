/// A format gloss reads: the file names and contents it claims, and how it turns a file's bytes into
/// the structure events of a `DocumentBuilder`. Readers are listed once, in `ReaderRegistry`.
public protocol DocumentReader: Sendable {
    /// The format's name in help and messages ("Markdown").
    var name: String { get }
    /// What is read from it, for `help load` and the README ("headings, paragraphs, lists, …").
    var summary: String { get }
    /// File extensions it reads, lowercase, without the dot; the first is the usual one.
    var extensions: [String] { get }
    /// Media types it reads (a fetched page's Content-Type), lowercase.
    var mediaTypes: [String] { get }
    /// What its documents are read as, until the reader knows better.
    var format: DocumentFormat { get }
    /// Whether the first bytes of a file whose extension names no reader show this format.
    func claims(head: UnsafeBufferPointer<UInt8>) -> Bool
    /// Reads a whole file. Errors are one line naming `source.name`; what did not stop the reading goes
    /// to `builder.warn`.
    func read(_ source: ReaderSource, into builder: inout DocumentBuilder) throws(GlossError)
}

/// What a reader reads: the raw bytes, the name messages use, and what a server said about them.
public struct ReaderSource: Sendable {
    public var bytes: [UInt8]
    public var name: String
    /// The Content-Type's media type and charset, for a fetched page.
    public var mediaType: String?
    public var charset: String?

    public init(bytes: [UInt8], name: String, mediaType: String? = nil, charset: String? = nil) {
        self.bytes = bytes
        self.name = name
        self.mediaType = mediaType
        self.charset = charset
    }
}

/// A reader of text formats: the bytes are decoded by `SourceDecoder` (BOMs, UTF-16 and UTF-32,
/// Windows-1252 fallback, line endings) before the reader sees them.
public protocol TextDocumentReader: DocumentReader {
    func read(text: String, into builder: inout DocumentBuilder)
}

extension TextDocumentReader {
    public func read(_ source: ReaderSource, into builder: inout DocumentBuilder) throws(GlossError) {
        let decoded = try SourceDecoder.decode(source.bytes, name: source.name)
        if let warning = decoded.warning { builder.warn(warning) }
        read(text: decoded.text, into: &builder)
    }

    public func claims(head: UnsafeBufferPointer<UInt8>) -> Bool { false }
}
