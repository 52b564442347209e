import Foundation
import XCTest
@testable import GlossCore

final class JournalStoreTests: XCTestCase {
    /// Only complete lines count (a crash mid-write leaves a partial one), and neither comments nor blanks.
    func testCommandLinesAreCompleteNonCommentLines() {
        let text = "# gloss journal 1\n# started 20261126T000000.000Z\nload a.txt\n\ntag s1.p1 first\nnote s1.p1 \"half"
        let bytes = Array(text.utf8)
        let lines = JournalStore.commandLines(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
        XCTAssertEqual(lines, ["load a.txt", "tag s1.p1 first"])
    }

    /// The newest journal with commands is offered; newer empty ones are removed on the way, older
    /// ones are left for later; a journal of a running process is never taken.
    func testLatestUnfinishedIsTheNewestWithCommands() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-journals-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gone: Int32 = 999_999_999  // no such process
        let header = "# gloss journal 1\n# started x\n"
        let journals = [
            ("session-20261126T100000.000Z-\(gone).journal", header + "load old.txt\n"),
            ("session-20261126T110000.000Z-\(gone).journal", header + "load a.txt\ntag s1.p1 \(LineEscaping.escape("two\nlines"))\n"),
            ("session-20261126T120000.000Z-\(gone).journal", header),
            ("session-20261126T130000.000Z-\(getppid()).journal", header + "load running.txt\n"),
        ]
        for (name, text) in journals { try text.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8) }

        let store = JournalStore(directory: directory)
        let latest = try XCTUnwrap(store.latestUnfinished())
        XCTAssertEqual(latest.started, "20261126T110000.000Z")
        XCTAssertEqual(latest.commandCount, 2)
        XCTAssertEqual(try store.commands(of: latest), ["load a.txt", "tag s1.p1 two\nlines"])
        let left = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        XCTAssertEqual(left, [journals[0].0, journals[1].0, journals[3].0])
    }
}
