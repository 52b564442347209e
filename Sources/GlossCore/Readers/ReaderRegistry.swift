/// The formats gloss reads, in one list: `load` picks a file's reader by its extension (or, for a
/// named file with another extension, by its first bytes; plain text when none claims it), a fetched
/// page's by its media type. The folder walk, `help load`, load errors and completion derive from it.
///
/// A session reads with the registry it was made with (`Session.readers`): `standard` holds the
/// readers of the core, and a front end adds its own (the `gloss` executable adds PDF, whose library
/// is kept out of the core) with `+`.
public struct ReaderRegistry: Sendable {
    public let readers: [any DocumentReader]
    /// Reader index by lowercase extension.
    private let byExtension: [String: Int]
    /// The extensions as bytes, for the folder walk's test on every file name.
    let extensionBytes: [[UInt8]]

    public static let standard = ReaderRegistry([
        PlainTextReader(),
        MarkdownReader(),
        HTMLReader(),
        DOCXReader(),
        ODTReader(),
        EPUBReader(),
    ])

    public init(_ readers: [any DocumentReader]) {
        self.readers = readers
        var byExtension: [String: Int] = [:]
        for (index, reader) in readers.enumerated() {
            for pathExtension in reader.extensions where byExtension[pathExtension] == nil {
                byExtension[pathExtension] = index
            }
        }
        self.byExtension = byExtension
        extensionBytes = readers.flatMap(\.extensions).map { Array($0.utf8) }
    }

    /// This registry with more readers after its own (an extension already read keeps its reader).
    public static func + (registry: ReaderRegistry, more: [any DocumentReader]) -> ReaderRegistry {
        ReaderRegistry(registry.readers + more)
    }

    /// Every extension a folder load picks up, in the registry's order.
    public var extensions: [String] { readers.flatMap(\.extensions) }

    /// The extensions for messages: ".txt, .md, .markdown or .html".
    public var extensionList: String {
        let names = extensions.map { "." + $0 }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// The formats for help: "plain-text (.txt) and Markdown (.md, .markdown)".
    public var formatList: String {
        let names = readers.map { reader in
            "\(reader.name) (\(reader.extensions.map { "." + $0 }.joined(separator: ", ")))"
        }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// Whether a file name ends in an extension of a reader, in any case; checked on its bytes, as every
    /// file of a walked corpus is (a hidden name like ".md" has no extension).
    public func readsFile(named name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            extensionBytes.contains { suffix in
                bytes.count > suffix.count + 1 && bytes[bytes.count - suffix.count - 1] == UInt8(ascii: ".")
                    && zip(bytes[(bytes.count - suffix.count)...], suffix).allSatisfy { $0 | 0x20 == $1 }
            }
        }
    }

    /// The reader of a file extension (any case), or nil when none reads it.
    public func reader(forExtension pathExtension: String) -> (any DocumentReader)? {
        let index = byExtension[pathExtension] ?? byExtension[pathExtension.lowercased()]
        return index.map { readers[$0] }
    }

    /// The reader of a media type ("text/html"), or nil.
    public func reader(forMediaType mediaType: String) -> (any DocumentReader)? {
        let type = mediaType.lowercased()
        return readers.first { $0.mediaTypes.contains(type) }
    }

    /// The reader for a file: by its extension, else the first that claims its first bytes, else plain text.
    public func reader(forPath path: String, bytes: [UInt8]) -> any DocumentReader {
        if let reader = reader(forExtension: DocumentLoader.pathExtension(path)) { return reader }
        return sniff(bytes) ?? readers[0]
    }

    /// The reader that claims the first bytes, if any.
    public func sniff(_ bytes: [UInt8]) -> (any DocumentReader)? {
        bytes.withUnsafeBufferPointer { all in
            let head = UnsafeBufferPointer(rebasing: all[..<min(all.count, 1024)])
            return readers.first { $0.claims(head: head) }
        }
    }
}
