import XCTest
@testable import GlossCore

/// The registry is the one list of formats: lookups, the folder walk and the messages follow it.
final class ReaderRegistryTests: XCTestCase {
    let registry = ReaderRegistry.standard

    func testExtensionsFindTheirReaderInAnyCase() {
        for reader in registry.readers {
            for pathExtension in reader.extensions {
                XCTAssertEqual(registry.reader(forExtension: pathExtension)?.name, reader.name, pathExtension)
                XCTAssertEqual(registry.reader(forExtension: pathExtension.uppercased())?.name, reader.name, pathExtension)
                XCTAssertTrue(FolderWalk.hasArticleExtension("story." + pathExtension.uppercased()), pathExtension)
            }
            for mediaType in reader.mediaTypes {
                XCTAssertEqual(registry.reader(forMediaType: mediaType.uppercased())?.name, reader.name, mediaType)
            }
        }
        XCTAssertNil(registry.reader(forExtension: "pdf"))
        XCTAssertFalse(FolderWalk.hasArticleExtension("scan.pdf"))
        XCTAssertFalse(FolderWalk.hasArticleExtension(".md"))
    }

    func testAFileWithAnotherExtensionIsReadAsPlainTextUnlessAReaderClaimsIt() {
        XCTAssertEqual(registry.reader(forPath: "/notes/README", bytes: Array("Some notes\n".utf8)).name, "plain-text")
        XCTAssertEqual(registry.reader(forPath: "/notes/story.MD", bytes: []).name, "Markdown")
        XCTAssertEqual(Set(registry.extensions), DocumentLoader.articleExtensions)
    }

    func testMessagesAndHelpNameEveryFormat() throws {
        let session = Session()
        let emptyFolder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: emptyFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: emptyFolder) }
        let message = session.execute("load \(emptyFolder.path)").error?.message ?? ""
        let help = session.execute("help load").output.replacingOccurrences(of: "\n", with: " ")
        for pathExtension in registry.extensions {
            XCTAssertTrue(message.contains("." + pathExtension), message)
            XCTAssertTrue(help.contains("." + pathExtension), pathExtension)
        }
        for reader in registry.readers { XCTAssertTrue(help.contains(reader.name), reader.name) }
    }
}
