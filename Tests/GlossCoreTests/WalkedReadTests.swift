import Foundation
import XCTest
@testable import GlossCore

/// Files found by a folder walk are read relative to their open folder and trusted to have the size the
/// walk saw; what they hold when read is what counts, even when it changed since the walk.
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
            assertBytes(try DocumentLoader.readWalkedBytes(candidate, folders: folders), [UInt8](expected), candidate.displayName)
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
        assertBytes(try DocumentLoader.readWalkedBytes(grown, folders: folders), Array(longer.utf8), "grown")
        assertBytes(try DocumentLoader.readWalkedBytes(shrunk, folders: folders), Array("short\n".utf8), "shrunk")
        assertBytes(try DocumentLoader.readWalkedBytes(emptied, folders: folders), [], "emptied")
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

    /// A FIFO put in a walked file's place is not waited on: opened non-blocking with no writer, it
    /// reads as empty.
    func testAFIFOInPlaceOfAWalkedFileIsNotWaitedOn() throws {
        let candidate = try XCTUnwrap(walked().first { $0.displayName == "corpus/c/f0.txt" })
        try FileManager.default.removeItem(atPath: candidate.path)
        XCTAssertEqual(mkfifo(candidate.path, 0o600), 0)
        XCTAssertEqual(try DocumentLoader.readWalkedBytes(candidate, folders: FolderCursor()), [])
    }

    /// The parallel indexed load (what `load` uses for many files) reads every walked file whole.
    func testTheIndexedLoadReadsEveryWalkedFileWhole() throws {
        let candidates = walked()
        let (parts, warnings) = try DocumentLoader.loadIndexed(candidates)
        XCTAssertEqual(warnings, [])
        let documents = parts.flatMap(\.documents)
        XCTAssertEqual(documents.map(\.path), candidates.map(\.displayName))
        for document in documents {
            let bytes = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: document.sourcePath)))
            XCTAssertEqual(document.byteCount, bytes.count, document.path)
            XCTAssertEqual(document.sha256, DocumentLoader.sha256Hex(bytes), document.path)
        }
    }
}
