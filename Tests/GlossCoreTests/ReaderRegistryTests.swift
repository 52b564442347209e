import XCTest

@testable import GlossCore

/// The registry is the one list of formats: lookups, the folder walk and the messages follow it.
final class ReaderRegistryTests: XCTestCase {
    let registry = ReaderRegistry.standard

    func testExtensionsFindTheirReaderInAnyCase() {
        for reader in registry.readers {
            for pathExtension in reader.extensions {
                XCTAssertEqual(registry.reader(forExtension: pathExtension)?.name, reader.name, pathExtension)
                XCTAssertEqual(
                    registry.reader(forExtension: pathExtension.uppercased())?.name, reader.name, pathExtension)
                XCTAssertTrue(registry.readsFile(named: "story." + pathExtension.uppercased()), pathExtension)
            }
            for mediaType in reader.mediaTypes {
                XCTAssertEqual(registry.reader(forMediaType: mediaType.uppercased())?.name, reader.name, mediaType)
            }
        }
        XCTAssertNil(registry.reader(forExtension: "pdf"))
        XCTAssertFalse(registry.readsFile(named: "scan.pdf"))
        XCTAssertFalse(registry.readsFile(named: ".md"))
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

    /// Hidden files and folders are left out of a folder load, counted in its summary, and read with
    /// --hidden, which a saved session keeps so its replay loads the same documents.
    func testHiddenFilesAreCountedAndLoadHiddenReadsThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "repo/README.md": "# Readme\n\nThe project.\n",
            "repo/.github/CONTRIBUTING.md": "# Contributing\n\nSend patches.\n",
            "repo/.notes.txt": "Private notes of the team.\n", "repo/docs/guide.md": "# Guide\n\nHow to use it.\n",
        ]
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let session = Session(baseDirectory: folder.path)
        let plain = try TestSession.run("load repo", in: session)
        XCTAssertEqual(session.workspace.corpus.loadedDocumentCount, 2, plain)
        XCTAssertTrue(
            plain.replacingOccurrences(of: "\n", with: " ")
                .contains("skipped 2: 2 hidden (name starting with a dot; load --hidden reads them)"), plain)

        let withHidden = Session(baseDirectory: folder.path)
        let output = try TestSession.run("load --hidden repo", in: withHidden)
        XCTAssertEqual(
            Set(withHidden.workspace.corpus.documents.map { $0.title ?? "" }), ["Readme", "Contributing", "Guide", ""],
            output)
        XCTAssertFalse(output.contains("hidden ("), output)
        XCTAssertNil(withHidden.execute("tag contributing:s0.p1 process").error)
        XCTAssertNil(withHidden.execute("save coded").error)
        let script = try String(contentsOf: folder.appendingPathComponent("coded.gloss"), encoding: .utf8)
        XCTAssertTrue(script.contains("load --hidden repo"), script)
        let replayed = Session(baseDirectory: folder.path)
        XCTAssertNil(replayed.execute("replay coded.gloss").error)
        XCTAssertEqual(replayed.workspace.corpus.loadedDocumentCount, 4)
        XCTAssertTrue(try TestSession.run("tags", in: replayed).contains("process"))
    }

    func testAFolderLoadPicksUpPagesAndSaysWhatItSkippedAndWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "story.txt": "Title\n\nA paragraph of the story.\n", "notes.md": "# Notes\n\nSome notes.\n",
            "page.html": "<html><body><p>A page of the web, long enough to be an article.</p></body></html>",
            "old.HTM": "<p>An old page.</p>", "feed.xhtml": "<html><body><p>An XHTML page.</p></body></html>",
            "scan.pdf": "%PDF-1.4", "photo.jpg": "JFIF", "README": "read me", "sub/deeper.PDF": "%PDF",
            ".hidden.txt": "hidden", ".git/config": "[core]",
        ]
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let session = Session(baseDirectory: folder.deletingLastPathComponent().path)
        let output = try TestSession.run("load \(folder.lastPathComponent)", in: session)
        XCTAssertEqual(session.workspace.corpus.loadedDocumentCount, 5, output)
        XCTAssertEqual(
            Set(session.workspace.corpus.documents.map(\.format.rawValue)), ["plain-wire", "markdown", "html"])
        XCTAssertTrue(
            output.replacingOccurrences(of: "\n", with: " ")
                .contains(
                    "skipped 6: 4 files no reader reads (2 .pdf, 1 without extension, 1 .jpg), 2 hidden (name starting with a dot; load --hidden reads them)"
                ), output)

        let empty = folder.appendingPathComponent("only-scans")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("%PDF".utf8).write(to: empty.appendingPathComponent("a.pdf"))
        XCTAssertEqual(
            TestSession.failure("load \(folder.lastPathComponent)/only-scans", in: session)?.message,
            "no \(ReaderRegistry.standard.extensionList) files found in \(folder.lastPathComponent)/only-scans (skipped 1: 1 file no reader reads (1 .pdf))"
        )
    }

    /// The README's table of formats has a row for every reader of the gloss executable (the core's and
    /// PDF), naming each of its extensions.
    func testTheReadmeListsEveryFormat() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let formats = try XCTUnwrap(text.range(of: "### Formats")).upperBound
        let table = text[formats...].prefix { $0 != "#" }
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| ") }
        for reader in OfficeFixture.withPDF.readers {
            let row = rows.first { row in reader.extensions.allSatisfy { row.contains("`.\($0)`") } }
            XCTAssertNotNil(row, "README's Formats table lacks a row with \(reader.extensions)")
        }
    }

    /// A reader a front end adds (as `gloss` adds PDF) is used by the session made with it: for files
    /// named and found in folders, in help and completion; a session of the core alone leaves its files.
    func testReadersAddedOutsideTheCoreAreUsedByTheirSession() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("ignored".utf8).write(to: folder.appendingPathComponent("memo.stub"))
        try Data("A paragraph of text.\n".utf8).write(to: folder.appendingPathComponent("story.txt"))

        let readers = ReaderRegistry.standard + [StubReader()]
        XCTAssertTrue(readers.readsFile(named: "MEMO.STUB"))
        XCTAssertFalse(registry.readsFile(named: "memo.stub"))
        let session = Session(readers: readers, baseDirectory: folder.path)
        XCTAssertNil(session.execute("load .").error)
        XCTAssertEqual(session.workspace.corpus.documents.first?.title, "A stub document")
        XCTAssertEqual(session.workspace.corpus.documents.map(\.format.rawValue), ["stub", "plain-lines"])
        XCTAssertTrue(session.execute("help load").output.contains("Stub"))
        XCTAssertTrue(
            CompletionEngine(session: session).complete("load me").candidates.map(\.word).contains("memo.stub"))

        let coreOnly = Session(baseDirectory: folder.path)
        XCTAssertNil(coreOnly.execute("load .").error)
        XCTAssertEqual(coreOnly.workspace.corpus.documents.map(\.format.rawValue), ["plain-lines"])
        XCTAssertFalse(coreOnly.execute("help load").output.contains("Stub"))
    }
}

/// A reader of a made-up format, for the registry's plumbing.
private struct StubReader: DocumentReader {
    var name: String { "Stub" }
    var summary: String { "a title" }
    var extensions: [String] { ["stub"] }
    var mediaTypes: [String] { [] }
    var format: DocumentFormat { DocumentFormat(rawValue: "stub") }
    func claims(head: UnsafeBufferPointer<UInt8>) -> Bool { false }
    func read(_ source: ReaderSource, into builder: inout DocumentBuilder) throws(GlossError) {
        builder.setTitle("A stub document", lines: LineRange(line: 1))
    }
}
