import Foundation
import XCTest

@testable import GlossCore

final class JournalStoreTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory =
            FileManager.default.temporaryDirectory.appendingPathComponent("gloss-journals-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Commands keep their line numbers; comments are notes about the session; a last line without
    /// its newline (a crash mid-write) is no command.
    func testContentsKeepLineNumbersNotesAndACutLine() {
        let text = """
            # gloss journal 1
            # started 20261126T000000.000Z
            # folder /work/a
            load a.txt

            tag s1.p1 \(LineEscaping.escape("two\nlines"))
            # origin 3 2 /work/a/s.gloss
            # saved /work/a/t.gloss
            note s1.p1 "half
            """
        let contents = JournalContents(parsing: Array(text.utf8))
        XCTAssertEqual(
            contents.commands, [.init(number: 4, text: "load a.txt"), .init(number: 6, text: "tag s1.p1 two\nlines")])
        XCTAssertEqual(contents.started, "20261126T000000.000Z")
        XCTAssertEqual(contents.folder, "/work/a")
        XCTAssertEqual(contents.cutLine, "note s1.p1 \"half")
        XCTAssertEqual(contents.origin?.path, "/work/a/s.gloss")
        XCTAssertEqual(contents.origin?.stoppedAt, 3)
        XCTAssertEqual(contents.items.last, .saved(path: "/work/a/t.gloss"))
        XCTAssertEqual(contents.loadedFiles, ["a.txt"])
    }

    /// Unfinished sessions are the journals nobody holds a lock on, newest first, with what they hold;
    /// one held by a running session is left alone, and one without commands goes.
    func testUnfinishedAreTheUnlockedJournalsWithCommands() throws {
        let header = "# gloss journal 1\n"
        let journals = [
            ("session-20261126T100000.000Z-1.journal", header + "# started 20261126T100000.000Z\nload old.txt\n"),
            (
                "session-20261126T110000.000Z-2.journal",
                header
                    + "# started 20261126T110000.000Z\n# folder /w\nload a.txt --sha256 ab\ntag s1.p1 x\n# origin 0 0 /w/s.gloss\n"
            ),
            ("session-20261126T120000.000Z-3.journal", header + "# started 20261126T120000.000Z\n"),
        ]
        for (name, text) in journals {
            try text.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8)
        }
        let store = JournalStore(directory: directory)
        let running = try store.create(folder: "/w")
        running.appendMarker("load running.txt")

        let unfinished = store.unfinished()
        XCTAssertEqual(unfinished.map(\.started), ["20261126T110000.000Z", "20261126T100000.000Z"])
        XCTAssertEqual(unfinished[0].commandCount, 2)
        XCTAssertEqual(unfinished[0].loaded, ["a.txt"])
        XCTAssertEqual(unfinished[0].origin, "/w/s.gloss")
        XCTAssertEqual(unfinished[0].folder, "/w")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory))
        XCTAssertEqual(left, [journals[0].0, journals[1].0, (running.path as NSString).lastPathComponent])
        XCTAssertTrue(JournalStore.isHeld(running.path))
        XCTAssertFalse(JournalStore.isHeld(unfinished[0].path))
    }

    /// A journal can be taken over only by one session at a time.
    func testTakingOverLocks() throws {
        let path = directory + "/session-x-1.journal"
        try "load a.txt\n".write(toFile: path, atomically: false, encoding: .utf8)
        let first = try Journal(takingOver: path)
        XCTAssertThrowsError(try Journal(takingOver: path)) { error in
            XCTAssertTrue((error as? GlossError)?.message.contains("in use by another gloss") == true, "\(error)")
        }
        _ = first
    }

    /// A line cut short by a crash is moved to `.damaged` before anything is appended.
    func testACutLineIsSetAside() throws {
        let path = directory + "/session-x-1.journal"
        try "load a.txt\nnote s3 \"half-writ".write(toFile: path, atomically: false, encoding: .utf8)
        let journal = try Journal(takingOver: path)
        XCTAssertEqual(try journal.setAsideCutLine(), "note s3 \"half-writ")
        XCTAssertNil(try journal.setAsideCutLine())
        journal.appendMarker("tag s2 second")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "load a.txt\ntag s2 second\n")
        XCTAssertEqual(try String(contentsOfFile: path + ".damaged", encoding: .utf8), "note s3 \"half-writ\n")
    }
}
