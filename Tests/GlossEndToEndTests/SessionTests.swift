import Foundation
import XCTest

/// Saving and replaying sessions through the real binary: round trips, variables, errors, nested
/// replays, drift, and the shipped example sessions against golden exports.
final class SessionTests: XCTestCase {
    /// A temporary project: the sample articles under `articles/` and a `sessions/` folder.
    private func project() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for name in ["harbor-barrier-vote.txt", "river-towns-broadband.md"] {
            let text = try String(contentsOf: GlossProcess.samples.appendingPathComponent(name), encoding: .utf8)
            try directory.write("articles/" + name, text)
        }
        try FileManager.default.createDirectory(
            at: directory.url.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        return directory
    }

    /// The export without its timestamp line.
    private func export(_ name: String, in directory: TemporaryDirectory) throws -> String {
        try directory.read(name).split(separator: "\n").filter { !$0.contains("\"exportedAt\"") }.joined(
            separator: "\n")
    }

    static let everyStateChange = """
        load articles/harbor-barrier-vote.txt articles/river-towns-broadband.md
        use harbor-barrier-vote
        outline --sections
        tag s1.p1-2 actor/council process
        tag kp1,kp2 Actor/Council
        tag river-towns-broadband:s2.p1 cost
        find fishing
        tag #1-2 concern
        filter kind:keypoint
        tag @ format/keypoint
        unfilter
        untag kp1 format/keypoint
        mark s3.p2 "roughly twice the figure" cost/dispute --note "coalition claim"
        mark kp4 "excluding maintenance" cost
        tag m2 extra
        unmark m2
        note s1.p2,q1 "a note"
        note edit n2 "edited note"
        note tag:concern "about the tag"
        note harbor-barrier-vote: "about the document"
        note rm n4
        tags describe actor "Who takes part"
        tags color concern orange
        tags rename process actor/council
        tags rename concern worry
        tag s5.p1 scratch
        tags delete scratch --force
        tag s0.p1 undone
        undo
        help tag
        history
        """

    func testSaveThenReplayReproducesTheWorkspace() throws {
        let directory = try project()
        let script = Self.everyStateChange + "\nexport json original.json\nsave full\nsave lean --state-only\n"
        let first = try GlossProcess.commands(script, in: directory.url)
        XCTAssertEqual(first.status, 0, first.stderr)
        let saved = try directory.read("sessions/full.gloss")
        XCTAssertTrue(saved.hasPrefix("# gloss session\n# format: 1\n# gloss: "), saved)
        XCTAssertTrue(saved.contains("\nload ../articles/harbor-barrier-vote.txt --sha256 6c91cdec"), saved)
        XCTAssertTrue(saved.contains("\nanchor harbor-barrier-vote:s3.p2 "), saved)
        XCTAssertTrue(saved.contains("\ntag kp1,kp2 Actor/Council\n"), saved)
        XCTAssertTrue(saved.contains("\nfind fishing\n") && saved.contains("\noutline --sections\n"), saved)
        for absent in ["undone", "help tag", "history", "\nsave", "\nundo"] {
            XCTAssertFalse(saved.contains(absent), "\(absent) must not be saved:\n\(saved)")
        }
        let lean = try directory.read("sessions/lean.gloss")
        XCTAssertFalse(lean.contains("outline"), lean)
        XCTAssertTrue(lean.contains("\nfind fishing\n"), "a listing used by #n is kept:\n\(lean)")

        for name in ["full", "lean"] {
            try directory.write(
                "check-\(name).gloss", "replay sessions/\(name).gloss --quiet\nexport json \(name).json\n")
            let replay = try GlossProcess.run(["run", "check-\(name).gloss"], in: directory.url)
            XCTAssertEqual(replay.status, 0, replay.stderr)
            XCTAssertEqual(try export("\(name).json", in: directory), try export("original.json", in: directory), name)
        }
    }

    func testReopeningASessionAndSavingBack() throws {
        let directory = try project()
        _ = try GlossProcess.commands(
            "load articles/harbor-barrier-vote.txt\ntag s1.p1 first\nsave notebook\n", in: directory.url)
        let reopened = try GlossProcess.run(
            ["sessions/notebook.gloss"], stdin: "tag s1.p2 second\nsave\n", in: directory.url)
        XCTAssertEqual(reopened.status, 0, reopened.stderr)
        let saved = try directory.read("sessions/notebook.gloss")
        XCTAssertEqual(saved.components(separatedBy: "\nload ").count, 2, "the load is not duplicated:\n\(saved)")
        XCTAssertTrue(saved.contains("\ntag s1.p1 first\ntag s1.p2 second\n"), saved)
    }

    func testSavedPathsAreRelativeToTheScript() throws {
        let directory = try project()
        let script =
            "load articles/harbor-barrier-vote.txt\ntag s1.p1 x\nexport qdc book.qdc\ntags import book.qdc --overwrite\nsave paths\n"
        let result = try GlossProcess.commands(script, in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let saved = try directory.read("sessions/paths.gloss")
        XCTAssertTrue(saved.contains("\nload ../articles/harbor-barrier-vote.txt --sha256 "), saved)
        XCTAssertTrue(saved.contains("\ntags import ../book.qdc --overwrite\n"), saved)
        XCTAssertFalse(saved.contains("export"), "exports are not saved")
    }

    /// A folder load has no SHA-256 per file: its documents are anchored all the same, and a changed
    /// one is found by its anchors.
    func testFolderLoadsAreAnchoredAndReanchored() throws {
        let directory = try project()
        let coding =
            "load articles\ntag harbor-barrier-vote:s1.p1 opening\ntag harbor-barrier-vote:s1.p2 second\ntag river-towns-broadband:s2.p1 cost\nsave folder\n"
        XCTAssertEqual(try GlossProcess.commands(coding, in: directory.url).status, 0)
        let saved = try directory.read("sessions/folder.gloss")
        XCTAssertTrue(saved.contains("\nload ../articles\nanchor harbor-barrier-vote:s1.p1 "), saved)
        XCTAssertTrue(saved.contains("\nanchor river-towns-broadband:s2.p1 "), saved)

        let original = try directory.read("articles/harbor-barrier-vote.txt")
        let opening = try XCTUnwrap(original.range(of: "After nine hours"))
        try directory.write(
            "articles/harbor-barrier-vote.txt",
            original.replacingCharacters(
                in: opening.lowerBound..<opening.lowerBound,
                with: "A paragraph the editors added on top of the story.\n\n"))
        try directory.write("check.gloss", "replay sessions/folder.gloss --quiet\nexport json folder.json\n")
        let result = try GlossProcess.run(["run", "check.gloss"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stderr.components(separatedBy: "changed since the session was saved").count - 1, 1, result.stderr)
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try directory.read("folder.json").utf8)) as? [String: Any])
        let codings = (json["codings"] as? [[String: String]] ?? []).map {
            "\($0["document"]!):\($0["address"]!)=\($0["tag"]!)"
        }.sorted()
        XCTAssertEqual(
            codings,
            [
                "harbor-barrier-vote:s1.p2=opening", "harbor-barrier-vote:s1.p3=second",
                "river-towns-broadband:s2.p1=cost",
            ])
    }

    func testSaveRefusesToOverwriteWithoutForce() throws {
        let directory = try project()
        let result = try GlossProcess.commands(
            "load articles/harbor-barrier-vote.txt\nsave one\nsave one\n", in: directory.url)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("sessions/one.gloss exists; add --force to overwrite it"), result.stderr)
    }

    func testVariablesAndPositionalFiles() throws {
        let directory = try project()
        try directory.write("code.gloss", "load ${1}\nset word barrier\nfind --json ${word} ${extra}\n")
        let article = directory.url.appendingPathComponent("articles/harbor-barrier-vote.txt").path
        let ok = try GlossProcess.run(["run", "code.gloss", article, "--set", "extra=cost"], in: directory.url)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("\"total\": 3"), ok.stdout)
        let missing = try GlossProcess.run(["run", "code.gloss", article], in: directory.url)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(
            missing.stderr.contains("\ncode.gloss:3:21: error: undefined variable '${extra}'"), missing.stderr)
        // Without ${1} in the script, the files are loaded before it runs.
        try directory.write("plain.gloss", "docs\n")
        let plain = try GlossProcess.run(["run", "plain.gloss", article], in: directory.url)
        XCTAssertTrue(plain.stdout.contains("harbor-barrier-vote"), plain.stdout)
    }

    func testStopOnErrorAndKeepGoing() throws {
        let directory = try project()
        try directory.write(
            "errors.gloss", "load articles/harbor-barrier-vote.txt\nshow kp99\ntag s1.p1 reached\nfrobnicate\ntags\n")
        let stop = try GlossProcess.run(["run", "errors.gloss"], in: directory.url)
        XCTAssertEqual(stop.status, 1)
        XCTAssertEqual(
            stop.stderr.split(separator: "\n").last,
            "errors.gloss:2:6: error: no key point kp99 in harbor-barrier-vote (it has kp1-kp8)")
        XCTAssertTrue(stop.stderr.hasPrefix("loaded harbor-barrier-vote"), stop.stderr)
        XCTAssertFalse(stop.stdout.contains("reached"))
        let going = try GlossProcess.run(["run", "--keep-going", "errors.gloss"], in: directory.url)
        XCTAssertEqual(going.status, 1)
        XCTAssertEqual(going.stderr.split(separator: "\n").filter { $0.contains("error:") }.count, 2, going.stderr)
        XCTAssertTrue(going.stderr.contains("errors.gloss:4:1: error: unknown command 'frobnicate'"), going.stderr)
        XCTAssertTrue(going.stderr.contains("tagged s1.p1 [reached]"), "runs on after errors")
        XCTAssertTrue(going.stdout.contains("reached"), "tags lists it")
        let echo = try GlossProcess.run(["run", "--echo", "--keep-going", "errors.gloss"], in: directory.url)
        XCTAssertTrue(echo.stdout.contains("> tag s1.p1 reached\n"), echo.stdout)
        // --quiet drops the status lines, not what commands print.
        let quiet = try GlossProcess.run(["run", "--quiet", "--keep-going", "errors.gloss"], in: directory.url)
        XCTAssertEqual(quiet.stdout, going.stdout)
        XCTAssertEqual(
            quiet.stderr.split(separator: "\n").map { String($0.prefix(13)) }, ["errors.gloss:", "errors.gloss:"],
            quiet.stderr)
    }

    func testNestedReplaysReportTheChain() throws {
        let directory = try project()
        try directory.write("inner.gloss", "tag s1.p1 inner\nshow s1.p9\n")
        try directory.write("middle.gloss", "# middle\nreplay inner.gloss\n")
        try directory.write("outer.gloss", "load articles/harbor-barrier-vote.txt\ndocs\nreplay middle.gloss\n")
        let result = try GlossProcess.run(["run", "outer.gloss"], in: directory.url)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr.split(separator: "\n").last,
            "outer.gloss:3: in replay of middle.gloss:2: in replay of inner.gloss:2:6: error: no passage s1.p9 in harbor-barrier-vote (s1 has s1.p1-p2)"
        )
        try directory.write("loop.gloss", "replay loop.gloss\n")
        let loop = try GlossProcess.run(["run", "loop.gloss"], in: directory.url)
        XCTAssertEqual(loop.status, 1)
        XCTAssertTrue(loop.stderr.contains("nested more than 16 deep"), loop.stderr)
    }

    func testScriptsMayNotWriteOutsideTheirFolder() throws {
        let directory = try project()
        try directory.write("escape.gloss", "load articles/harbor-barrier-vote.txt\nexport json ../../escaped.json\n")
        let result = try GlossProcess.run(["run", "escape.gloss"], in: directory.url)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("a script may not write ../../escaped.json"), result.stderr)
    }

    func testDriftKeepsAnnotationsWhereTheTextStillExists() throws {
        let directory = try project()
        let original = """
            Harbor Vote Delayed

            The council postponed its vote on the barrier by a week.

            Fishing crews asked for a schedule of openings before construction.

            The Money

            The barrier would cost 1.2 billion dollars over ten years of building work.

            A coalition study doubles the maintenance estimate of the city engineers.

            Critics say the grant deadline is forcing a rushed decision on the design.
            """
        try directory.write("articles/drift.txt", original)
        let coding = """
            load articles/drift.txt
            tag s0.p1 vote
            tag s0.p2 fleet
            tag s1.p1 cost
            tag s1.p2 maintenance
            mark s1.p2 "doubles the maintenance estimate" dispute
            tag s1.p3 deadline
            save drift
            """
        XCTAssertEqual(try GlossProcess.commands(coding, in: directory.url).status, 0)
        // A paragraph inserted at the top, a word changed, a passage deleted.
        let edited = """
            Harbor Vote Delayed

            A new paragraph now opens the story about the harbor.

            The council postponed its vote on the barrier by a week.

            Fishing crews asked for a schedule of openings before construction.

            The Money

            The barrier would cost 1.3 billion dollars over ten years of building work.

            A coalition study doubles the maintenance estimate of the city engineers.
            """
        try directory.write("articles/drift.txt", edited)
        try directory.write("check.gloss", "replay sessions/drift.gloss --quiet\nexport json drift.json\norphans\n")
        let result = try GlossProcess.run(["run", "check.gloss"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let warnings = result.stderr.components(separatedBy: "changed since the session was saved").count - 1
        XCTAssertEqual(warnings, 1, "warns once:\n\(result.stderr)")
        XCTAssertTrue(result.stderr.contains("articles/drift.txt"), result.stderr)
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try directory.read("drift.json").utf8)) as? [String: Any])
        let codings = (json["codings"] as? [[String: String]] ?? []).map { "\($0["address"]!)=\($0["tag"]!)" }.sorted()
        XCTAssertEqual(codings, ["s0.p2=vote", "s0.p3=fleet", "s1.p1=cost", "s1.p2=maintenance"])
        let marks = json["marks"] as? [[String: Any]] ?? []
        XCTAssertEqual(marks.first?["address"] as? String, "s1.p2")
        XCTAssertEqual(marks.first?["quote"] as? String, "doubles the maintenance estimate")
        let orphans = json["orphans"] as? [[String: String]] ?? []
        XCTAssertEqual(orphans.map { $0["address"]! }, ["s1.p3"])
        XCTAssertEqual(orphans.first?["command"], "tag drift:s1.p3 deadline")
        XCTAssertTrue(orphans.first?["text"]?.hasPrefix("Critics say the grant deadline") == true)
        XCTAssertTrue(result.stdout.contains("drift:s1.p3  tag drift:s1.p3 deadline"), result.stdout)
    }

    func testExampleSessionsMatchTheirGoldenExports() throws {
        let directory = try project()
        let repository = GlossProcess.repositoryRoot
        for name in ["code-harbor", "apply-coding"] {
            let script = try String(
                contentsOf: repository.appendingPathComponent("sessions/\(name).gloss"), encoding: .utf8)
            try directory.write("sessions/\(name).gloss", script)
        }
        try directory.write(
            "sessions/articles/harbor-barrier-vote.txt", try directory.read("articles/harbor-barrier-vote.txt"))
        try directory.write(
            "sessions/articles/river-towns-broadband.md", try directory.read("articles/river-towns-broadband.md"))
        let cases: [(script: String, arguments: [String])] = [
            ("code-harbor", []),
            ("apply-coding", ["sessions/articles/river-towns-broadband.md"]),
        ]
        for (script, arguments) in cases {
            try directory.write(
                "export-\(script).gloss",
                "replay sessions/\(script).gloss \(arguments.joined(separator: " ")) --quiet\nexport json \(script).json\n"
            )
            let result = try GlossProcess.run(["run", "export-\(script).gloss"], in: directory.url)
            XCTAssertEqual(result.status, 0, result.stderr)
            let golden = try String(
                contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                    .appendingPathComponent("Golden/\(script).json"), encoding: .utf8)
            let expected = golden.split(separator: "\n").filter { !$0.contains("\"exportedAt\"") }.joined(
                separator: "\n")
            XCTAssertEqual(
                try export("\(script).json", in: directory), expected,
                "export of \(script) differs from Golden/\(script).json")
        }
    }
}
