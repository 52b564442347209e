import Foundation
import XCTest

@testable import GlossCore

/// A test article read the way `load` reads a file: bytes, then `SourceDecoder`, then the reader
/// chosen by extension.
struct ReaderFixture {
    let name: String
    let bytes: [UInt8]
    let decoded: SourceDecoder.Decoded
    let document: Document

    var text: String { decoded.text }
    var isMarkdown: Bool { document.format == .markdown }

    /// A file from `Tests/GlossCoreTests/Fixtures`.
    init(_ name: String) throws {
        let dot = try XCTUnwrap(name.lastIndex(of: "."), "fixture name needs an extension: \(name)")
        let base = String(name[..<dot])
        let pathExtension = String(name[name.index(after: dot)...])
        let url = try XCTUnwrap(
            Bundle.module.url(forResource: base, withExtension: pathExtension, subdirectory: "Fixtures"),
            "missing fixture \(name)")
        try self.init(name: name, bytes: [UInt8](Data(contentsOf: url)), pathExtension: pathExtension)
    }

    /// One of the shared sample articles, from the repository's copies in `sessions/articles`.
    init(sample name: String) throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sessions/articles/\(name)")
        let pathExtension = url.pathExtension
        try self.init(name: name, bytes: [UInt8](Data(contentsOf: url)), pathExtension: pathExtension)
    }

    init(name: String, bytes: [UInt8], pathExtension: String) throws {
        self.name = name
        self.bytes = bytes
        decoded = try SourceDecoder.decode(bytes, name: name)
        document = DocumentLoader.parse(decoded.text, pathExtension: pathExtension)
    }
}
