import Foundation
import XCTest

@testable import GlossCore

/// Files found by a folder walk are read relative to their open folder; what they hold when read is
/// what counts, even when it changed since the walk, and what took a file's place is not read.
final class WalkedReadTests: XCTestCase {
    private var top = ""

    override func setUpWithError() throws {
        top = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-walked-\(UUID().uuidString)").path
        for (index, folder) in ["a", "a/b", "c", "c/d/e"].enumerated() {
            try FileManager.default.createDirectory(atPath: top + "/" + folder, withIntermediateDirectories: true)
            for file in 0..<3 {
                let text = String(repeating: "Line \(index)-\(file) é\n", count: 1 + index * 40 + file * 900)
                try text.write(toFile: "\(top)/\(folder)/f\(file).txt", atomically: false, encoding: .utf8)
            }
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: top)
    }

    /// Compares without printing the bytes (a failure would print megabytes).
    private func assertBytes(_ read: [UInt8], _ expected: [UInt8], _ what: String, line: UInt = #line) {
        XCTAssertTrue(read == expected, "\(what): read \(read.count) bytes, expected \(expected.count)", line: line)
    }

    private func walked() -> [DocumentLoader.Candidate] {
        FolderWalk.files(under: top, shownAs: "corpus")
    }

    func testReadsWhatTheFilesHoldAcrossFolders() throws {
        let candidates = walked()
        XCTAssertEqual(candidates.count, 12)
        let folders = FolderCursor()
        // Out of walk order as well, so the cursor changes folder back and forth.
        for candidate in candidates + candidates.reversed() {
            XCTAssertEqual(candidate.path.utf8.count - candidate.nameOffset, "f0.txt".utf8.count)
            let expected = try XCTUnwrap(FileManager.default.contents(atPath: candidate.path))
            assertBytes(
                try DocumentLoader.readWalkedBytes(candidate, folders: folders).bytes, [UInt8](expected),
                candidate.displayName)
        }
    }

    func testAFileThatChangedSinceTheWalkIsReadAsItIsNow() throws {
        let candidates = walked()
        let grown = try XCTUnwrap(candidates.first { $0.displayName == "corpus/c/f2.txt" })
        let shrunk = try XCTUnwrap(candidates.first { $0.displayName == "corpus/a/b/f1.txt" })
        let emptied = try XCTUnwrap(candidates.first { $0.displayName == "corpus/a/f0.txt" })
        let longer = String(repeating: "grown past the size the walk saw\n", count: 5_000)
        try longer.write(toFile: grown.path, atomically: false, encoding: .utf8)
        try "short\n".write(toFile: shrunk.path, atomically: false, encoding: .utf8)
        try "".write(toFile: emptied.path, atomically: false, encoding: .utf8)
        let folders = FolderCursor()
        assertBytes(try DocumentLoader.readWalkedBytes(grown, folders: folders).bytes, Array(longer.utf8), "grown")
        assertBytes(try DocumentLoader.readWalkedBytes(shrunk, folders: folders).bytes, Array("short\n".utf8), "shrunk")
        assertBytes(try DocumentLoader.readWalkedBytes(emptied, folders: folders).bytes, [], "emptied")
    }

    func testAFileOrFolderGoneSinceTheWalkFailsWithItsName() throws {
        let candidates = walked()
        let folders = FolderCursor()
        let first = try XCTUnwrap(candidates.first { $0.displayName == "corpus/c/d/e/f0.txt" })
        XCTAssertNoThrow(try DocumentLoader.readWalkedBytes(first, folders: folders))
        let removedFile = try XCTUnwrap(candidates.first { $0.displayName == "corpus/c/d/e/f1.txt" })
        try FileManager.default.removeItem(atPath: removedFile.path)
        XCTAssertThrowsError(try DocumentLoader.readWalkedBytes(removedFile, folders: folders)) { error in
            XCTAssertEqual((error as? GlossError)?.message, "corpus/c/d/e/f1.txt: no such file or directory")
        }
        try FileManager.default.removeItem(atPath: top + "/a")
        let inRemovedFolder = try XCTUnwrap(candidates.first { $0.displayName == "corpus/a/b/f2.txt" })
        XCTAssertThrowsError(try DocumentLoader.readWalkedBytes(inRemovedFolder, folders: folders)) { error in
            XCTAssertEqual((error as? GlossError)?.message, "corpus/a/b/f2.txt: no such file or directory")
        }
    }

    /// A FIFO or a folder put in a walked file's place is not waited on nor read: opened non-blocking,
    /// it fails with what it is.
    func testWhatTookAWalkedFilesPlaceIsNotRead() throws {
        let candidates = walked()
        let fifo = try XCTUnwrap(candidates.first { $0.displayName == "corpus/c/f0.txt" })
        try FileManager.default.removeItem(atPath: fifo.path)
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        XCTAssertThrowsError(try DocumentLoader.readWalkedBytes(fifo, folders: FolderCursor())) { error in
            XCTAssertEqual(
                (error as? GlossError)?.message, "corpus/c/f0.txt: is a FIFO; gloss reads regular files only")
        }
        let folder = try XCTUnwrap(candidates.first { $0.displayName == "corpus/c/f1.txt" })
        try FileManager.default.removeItem(atPath: folder.path)
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: false)
        XCTAssertThrowsError(try DocumentLoader.readWalkedBytes(folder, folders: FolderCursor())) { error in
            XCTAssertEqual((error as? GlossError)?.message, "corpus/c/f1.txt: is a directory")
        }
    }

    /// The parallel indexed load (what `load` uses for many files) reads every walked file whole.
    func testTheIndexedLoadReadsEveryWalkedFileWhole() throws {
        let candidates = walked()
        let (parts, warnings) = try DocumentLoader.loadParts(candidates, into: Corpus.IndexedPart.self)
        XCTAssertEqual(warnings, [])
        let documents = parts.flatMap(\.documents)
        XCTAssertEqual(documents.map(\.path), candidates.map(\.displayName))
        for document in documents {
            let bytes = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: document.sourcePath)))
            XCTAssertEqual(document.byteCount, bytes.count, document.path)
            XCTAssertEqual(document.sha256, HexDigest.sha256(bytes), document.path)
        }
    }

    /// A corpus whose first half is far bigger than its second, so cores finish their first parts at
    /// different times and split each other's (small parts allowed here): every file is read once and
    /// the documents keep the walk's order.
    func testAnUnevenCorpusLoadsWholeAndInOrder() throws {
        let folder = top + "/uneven"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in 0..<400 {
            let repeats = file < 200 ? 400 : 1
            let text =
                "Title \(file)\n\n" + String(repeating: "Words of file \(file) in a paragraph. ", count: repeats) + "\n"
            try text.write(toFile: String(format: "%@/f%04d.txt", folder, file), atomically: false, encoding: .utf8)
        }
        let candidates = FolderWalk.files(under: folder, shownAs: "uneven")
        let (parts, warnings) = try DocumentLoader.loadParts(
            candidates, into: Corpus.IndexedPart.self, minimumPart: 4)
        XCTAssertEqual(warnings, [])
        let documents = parts.flatMap(\.documents)
        XCTAssertEqual(documents.map(\.path), candidates.map(\.displayName))
        for (offset, document) in documents.enumerated() {
            XCTAssertEqual(document.titleText?.string, "Title \(offset)", document.path)
        }
    }
}
