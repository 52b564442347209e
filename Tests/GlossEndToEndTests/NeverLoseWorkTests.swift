import Foundation
import XCTest

/// Paths that used to lose or break an analyst's coding, through the real binary in batch (the
/// terminal question on quit is tested in ReplFeatureTests).
final class NeverLoseWorkTests: XCTestCase {
    private func project() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for name in ["harbor-barrier-vote.txt", "river-towns-broadband.md"] {
            try directory.write(
                "articles/" + name,
                String(contentsOf: GlossProcess.samples.appendingPathComponent(name), encoding: .utf8))
        }
        return directory
    }

    private func journals(in directory: TemporaryDirectory) -> [String] {
        let folder = directory.url.appendingPathComponent(".state/gloss/journal").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".journal")
        }.sorted()
    }

    private func journalPath(in directory: TemporaryDirectory) throws -> String {
        let name = try XCTUnwrap(journals(in: directory).first, "no journal left")
        return directory.url.appendingPathComponent(".state/gloss/journal/" + name).path
    }

    /// 1. Quitting without saving keeps the work for resume; `quit --discard` does not.
    func testQuitWithoutSavingKeepsTheWorkUnlessDiscarded() throws {
        let directory = try project()
        let first = try GlossProcess.commands(
            "tag s0.p1 important\nquit\n", files: ["articles/harbor-barrier-vote.txt"], in: directory.url)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(
            first.stderr.contains("unsaved work is kept as an unfinished session: gloss --resume restores it"),
            first.stderr)
        XCTAssertEqual(journals(in: directory).count, 1)

        let resumed = try GlossProcess.run(["--resume"], stdin: "tags\nquit --discard\n", in: directory.url)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("resumed 2 commands"), resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("important  1  1"), resumed.stdout)
        XCTAssertEqual(journals(in: directory), [], "quit --discard leaves nothing behind")

        // Reading only is no work to lose: no journal stays.
        let reading = try GlossProcess.commands(
            "outline\nquit\n", files: ["articles/harbor-barrier-vote.txt"], in: directory.url)
        XCTAssertEqual(reading.status, 0, reading.stderr)
        XCTAssertEqual(journals(in: directory), [])
    }

    /// Several unfinished sessions are listed; one is taken by number, another discarded.
    func testResumeListsUnfinishedSessionsAndTakesOneByNumber() throws {
        let directory = try project()
        _ = try GlossProcess.commands("tag s1 first\n", files: ["articles/harbor-barrier-vote.txt"], in: directory.url)
        _ = try GlossProcess.commands(
            "note s1 \"second\"\n", files: ["articles/river-towns-broadband.md"], in: directory.url)
        XCTAssertEqual(journals(in: directory).count, 2)
        // In a script, resume alone takes the newest; listing is what a person gets (see help resume).
        let older = try GlossProcess.run([], stdin: "resume 2\ntags\nquit --discard\n", in: directory.url)
        XCTAssertEqual(older.status, 0, older.stderr)
        XCTAssertTrue(older.stderr.contains("resumed 2 commands"), older.stderr)
        XCTAssertTrue(older.stdout.contains("first  1  1"), older.stdout)
        XCTAssertEqual(journals(in: directory).count, 1)
        let discarded = try GlossProcess.run([], stdin: "resume --discard 1\nresume\n", in: directory.url)
        XCTAssertTrue(discarded.stderr.contains("discarded the session from"), discarded.stderr)
        XCTAssertTrue(discarded.stderr.contains("there is no unfinished session to resume"), discarded.stderr)
        XCTAssertEqual(journals(in: directory), [])
    }

    /// 3. A reading command that named a document whose load was undone is not saved.
    func testUndoneLoadsLeaveNoReadingOfThemInTheSavedSession() throws {
        let directory = try project()
        let script = """
            load articles/harbor-barrier-vote.txt
            load articles/river-towns-broadband.md
            show river-towns-broadband:s0.p1
            use river-towns-broadband
            undo
            tag s1.p1 kept
            save coded
            export json live.json
            """
        let live = try GlossProcess.commands(script, in: directory.url)
        XCTAssertEqual(live.status, 0, live.stderr)
        let saved = try directory.read("coded.gloss")
        XCTAssertFalse(saved.contains("river-towns-broadband"), saved)
        let replay = try GlossProcess.run(["run", "coded.gloss"], stdin: "", in: directory.url)
        XCTAssertEqual(replay.status, 0, replay.stderr)
        try directory.write("check.gloss", "replay coded.gloss --quiet\nexport json replayed.json\n")
        XCTAssertEqual(try GlossProcess.run(["run", "check.gloss"], in: directory.url).status, 0)
        XCTAssertEqual(
            try Self.workspace(directory.read("live.json")), try Self.workspace(directory.read("replayed.json")))
    }

    /// 7. A tag that was already there, then undo: the saved session agrees with the live codebook.
    func testUndoOfANoOpAgreesWithTheSavedSession() throws {
        let directory = try project()
        let result = try GlossProcess.commands(
            "tag s1 x\ntag s1 x\nundo\ntags\nsave twice\n", files: ["articles/harbor-barrier-vote.txt"],
            in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("x  1  1"), "the first tag stays:\n" + result.stdout)
        let saved = try directory.read("twice.gloss")
        XCTAssertEqual(saved.components(separatedBy: "\ntag s1 x\n").count - 1, 1, saved)
    }

    /// 4. A quote that an edit changed, and a passage holding a mark that an edit deleted, become
    /// orphans: the replay goes on, `orphans` lists them, the next save keeps them, and an edit that
    /// brings the text back re-attaches them.
    func testDriftedMarksBecomeOrphansThatASaveCarriesAndAnEditReattaches() throws {
        let directory = try project()
        let coding = """
            load articles/harbor-barrier-vote.txt
            mark s3.p2 "roughly twice the figure" cost/dispute
            mark s4.p1 "about 120 boats" fleet
            mark s5.p1 "cheaper package" alternatives
            tag s1.p1 vote
            save coded
            """
        XCTAssertEqual(try GlossProcess.commands(coding, in: directory.url).status, 0)
        let original = try directory.read("articles/harbor-barrier-vote.txt")
        var lines = original.components(separatedBy: "\n")
        let alternatives = try XCTUnwrap(lines.firstIndex(of: "Alternatives on the Table"))
        lines.remove(at: alternatives + 1)  // the passage holding m3
        let edited = lines.joined(separator: "\n").replacingOccurrences(
            of: "about 120 boats", with: "roughly 118 vessels")
        try directory.write("articles/harbor-barrier-vote.txt", edited)

        let replay = try GlossProcess.run(["run", "coded.gloss"], in: directory.url)
        XCTAssertEqual(replay.status, 0, "drift never stops a replay:\n" + replay.stderr)
        XCTAssertTrue(
            replay.stderr.contains("harbor-barrier-vote:s4.p1 is orphaned: the quoted span is no longer in it"),
            replay.stderr)
        XCTAssertTrue(
            replay.stderr.contains("harbor-barrier-vote:s5.p1 is orphaned: its text changed and was not found again"),
            replay.stderr)
        XCTAssertTrue(replay.stderr.contains("re-anchored"), replay.stderr)

        let reopened = try GlossProcess.run(
            ["coded.gloss"], stdin: "orphans\nmarks\nsave coded --force\n", in: directory.url)
        XCTAssertEqual(reopened.status, 0, reopened.stderr)
        XCTAssertTrue(reopened.stdout.contains("mark harbor-barrier-vote:s4.p1 \"about 120 boats\""), reopened.stdout)
        XCTAssertTrue(reopened.stdout.contains("2 orphans"), reopened.stdout)
        XCTAssertTrue(reopened.stdout.contains("{“roughly twice the figure”} [cost/dispute]"), reopened.stdout)
        let saved = try directory.read("coded.gloss")
        XCTAssertEqual(saved.components(separatedBy: "\norphan harbor-barrier-vote:").count - 1, 2, saved)

        // The saved session replays on the edited article with the orphans kept, not lost.
        let again = try GlossProcess.run(["run", "coded.gloss"], stdin: "", in: directory.url)
        XCTAssertEqual(again.status, 0, again.stderr)
        try directory.write("check.gloss", "replay coded.gloss --quiet\norphans --json\n")
        let kept = try GlossProcess.run(["run", "check.gloss"], in: directory.url)
        XCTAssertEqual(
            (try JSONSerialization.jsonObject(with: Data(kept.stdout.utf8)) as? [Any])?.count, 2, kept.stdout)

        // The article as it was: both orphans find their text again.
        try directory.write("articles/harbor-barrier-vote.txt", original)
        let restored = try GlossProcess.run(["run", "check.gloss"], in: directory.url)
        XCTAssertEqual(restored.status, 0, restored.stderr)
        XCTAssertEqual(
            (try JSONSerialization.jsonObject(with: Data(restored.stdout.utf8)) as? [Any])?.count, 0,
            restored.stdout + restored.stderr)
        try directory.write("marks.gloss", "replay coded.gloss --quiet\nmarks\n")
        let marks = try GlossProcess.run(["run", "marks.gloss"], in: directory.url)
        XCTAssertTrue(marks.stdout.contains("{“about 120 boats”} [fleet]"), marks.stdout)
        XCTAssertTrue(marks.stdout.contains("{“cheaper package”} [alternatives]"), marks.stdout)
    }

    /// 5. A resume that fails keeps the journal, says where, and can keep what came before.
    func testAFailedResumeKeepsTheJournalAndSaysWhere() throws {
        let directory = try project()
        _ = try GlossProcess.commands(
            "load articles/river-towns-broadband.md\ntag s1 a\ntag s2 b\n",
            files: ["articles/harbor-barrier-vote.txt"], in: directory.url)
        let journal = try journalPath(in: directory)
        try FileManager.default.moveItem(
            at: directory.url.appendingPathComponent("articles/river-towns-broadband.md"),
            to: directory.url.appendingPathComponent("moved.md"))
        let failed = try GlossProcess.run(["--resume"], stdin: "tags\n", in: directory.url)
        XCTAssertEqual(failed.status, 1, failed.stderr)
        let loadLine = try String(contentsOfFile: journal, encoding: .utf8).components(separatedBy: "\n")
            .firstIndex { $0.hasPrefix("load ") && $0.contains("river-towns") }.map { $0 + 1 }
        XCTAssertTrue(
            failed.stderr.contains("resuming stopped at \(journal):\(try XCTUnwrap(loadLine)):"), failed.stderr)
        XCTAssertTrue(
            failed.stderr.contains("The journal is kept; resume --partial keeps the 1 command before it"), failed.stderr
        )
        XCTAssertTrue(FileManager.default.fileExists(atPath: journal))

        // A later session that quits leaves it alone.
        _ = try GlossProcess.run([], stdin: "quit\n", in: directory.url)
        XCTAssertTrue(FileManager.default.fileExists(atPath: journal))

        // Put back, it resumes whole.
        try FileManager.default.moveItem(
            at: directory.url.appendingPathComponent("moved.md"),
            to: directory.url.appendingPathComponent("articles/river-towns-broadband.md"))
        let whole = try GlossProcess.run(["--resume"], stdin: "tags\nquit --discard\n", in: directory.url)
        XCTAssertEqual(whole.status, 0, whole.stderr)
        XCTAssertTrue(whole.stdout.contains("a  1  1") && whole.stdout.contains("b  1  1"), whole.stdout)
    }

    /// 5. A garbage line in the middle stops the resume there; --partial keeps what came before it,
    /// and the commands after it stay in the old journal, which is kept.
    func testAGarbageLineStopsTheResumeThere() throws {
        let directory = try project()
        _ = try GlossProcess.commands(
            "tag s1 a\ntag s2 b\ntag s3 c\n", files: ["articles/harbor-barrier-vote.txt"], in: directory.url)
        let journal = try journalPath(in: directory)
        var lines = try String(contentsOfFile: journal, encoding: .utf8).components(separatedBy: "\n")
        let second = try XCTUnwrap(lines.firstIndex(of: "tag s2 b"))
        lines.insert("tag s99.p1 broken", at: second)
        try lines.joined(separator: "\n").write(toFile: journal, atomically: false, encoding: .utf8)

        let partial = try GlossProcess.run([], stdin: "resume 1 --partial\ntags\nquit --discard\n", in: directory.url)
        XCTAssertEqual(partial.status, 0, partial.stderr)
        XCTAssertTrue(
            partial.stderr.contains("\(journal):\(second + 1): no section s99 in harbor-barrier-vote"), partial.stderr)
        XCTAssertTrue(partial.stderr.contains("the 3 commands from there on were not restored"), partial.stderr)
        XCTAssertTrue(partial.stdout.contains("a  1  1"), partial.stdout)
        XCTAssertFalse(partial.stdout.contains("b  1  1"), partial.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: journal), "the journal it could not finish is kept")
    }

    /// 6. A last line cut by a crash is set aside before anything is appended.
    func testACutLastLineIsSetAsideNotGluedTo() throws {
        let directory = try project()
        _ = try GlossProcess.commands("tag s1 a\n", files: ["articles/harbor-barrier-vote.txt"], in: directory.url)
        let journal = try journalPath(in: directory)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data("note s3 \"half-writ".utf8))
        try handle.close()

        let resumed = try GlossProcess.run(["--resume"], stdin: "tag s2 second\n", in: directory.url)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(
            resumed.stderr.contains("its last line was cut short by a crash and is set aside in \(journal).damaged"),
            resumed.stderr)
        XCTAssertEqual(try String(contentsOfFile: journal + ".damaged", encoding: .utf8), "note s3 \"half-writ\n")
        let text = try String(contentsOfFile: journal, encoding: .utf8)
        XCTAssertTrue(text.contains("\ntag s2 second\n"), text)
        XCTAssertFalse(text.contains("half-writ"), text)
    }

    /// The workspace of an export, without the time it was written.
    static func workspace(_ json: String) throws -> NSDictionary {
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return object.filter { $0.key != "exportedAt" } as NSDictionary
    }
}
