import XCTest

@testable import GlossCore

/// Tags, the codebook, notes and marks, and exact undo/redo of all of them.
final class CodingTests: XCTestCase {
    var session: Session!
    var workspace: Workspace { session.workspace }

    override func setUp() {
        session = TestSession.make([("queries.txt", QueryLanguageTests.article)])
    }

    private func run(_ line: String) throws {
        try TestSession.run(line, in: session)
    }

    private func tags(of address: String) throws -> [String] {
        let ref = try workspace.resolveTargets(address)[0]
        return (workspace.annotations.elementTags[ref] ?? []).compactMap { workspace.annotations.tags[$0]?.path }
            .sorted()
    }

    func testTagHierarchyAndCounts() throws {
        try run("tag s0.p1 actor/Russia")
        try run("tag s0.p2,s0.p3 actor/ukraine theme/security/nato")
        try run("tag s1 actor")
        let annotations = workspace.annotations
        XCTAssertEqual(
            annotations.tags.values.map(\.path).sorted(),
            ["actor", "actor/Russia", "actor/ukraine", "theme", "theme/security", "theme/security/nato"])
        XCTAssertEqual(annotations.directCount("actor"), 1)
        XCTAssertEqual(annotations.totalCount("actor"), 4)
        XCTAssertEqual(annotations.totalCount("theme"), 2)
        XCTAssertEqual(annotations.directCount("theme"), 0)
        // Names match without case and keep the case first typed.
        try run("tag s0.p4 ACTOR/russia")
        XCTAssertEqual(try tags(of: "s0.p4"), ["actor/Russia"])
        XCTAssertEqual(
            try TestSession.matches("tag:actor -kind:heading", in: session),
            ["s0.p1", "s0.p2", "s0.p3", "s0.p4", "s1.p1", "s1.p2", "s1.p3"],
            "tag: matches children, and passages of a tagged section")
        XCTAssertEqual(try TestSession.matches("tag:actor/russia", in: session), ["s0.p1", "s0.p4"])
        XCTAssertEqual(try TestSession.matches("untagged kind:lead", in: session), ["s0.p5"])
        let tree = try TestSession.run("tags", in: session)
        let rows = tree.split(separator: "\n").map { line in
            (indent: line.prefix(while: { $0 == " " }).count, words: line.split(separator: " ").map(String.init))
        }
        XCTAssertTrue(rows.contains { $0.indent == 0 && $0.words == ["actor", "1", "5"] }, tree)
        XCTAssertTrue(rows.contains { $0.indent == 2 && $0.words == ["Russia", "2", "2"] }, tree)
        XCTAssertTrue(rows.contains { $0.indent == 4 && $0.words == ["nato", "2", "2"] }, tree)
    }

    func testTagNamesAreValidated() {
        XCTAssertEqual(TestSession.failure("tag s0.p1 \"\"", in: session)?.message, "a tag name cannot be empty")
        XCTAssertEqual(
            TestSession.failure("tag s0.p1 a//b", in: session)?.message,
            "tag 'a//b' has an empty part (tags look like actor/russia)")
        XCTAssertTrue(
            TestSession.failure("tag s0.p1 \"bad\u{1B}[31m\"", in: session)?.message.contains("control character")
                == true)
        XCTAssertTrue(workspace.annotations.isEmpty, "a failed command changes nothing")
    }

    func testFailedCommandIsRolledBack() {
        // The first tag is valid, the second is not: the whole command is undone.
        let error = TestSession.failure("tag s0.p1 fine \"\"", in: session)
        XCTAssertNotNil(error)
        XCTAssertTrue(workspace.annotations.isEmpty)
    }

    func testUntag() throws {
        try run("tag s0.p1-2 cost")
        try run("untag s0.p1 cost")
        XCTAssertEqual(try tags(of: "s0.p1"), [])
        XCTAssertEqual(try tags(of: "s0.p2"), ["cost"])
        XCTAssertEqual(TestSession.failure("untag s0.p1 cost", in: session)?.message, "s0.p1 does not carry [cost]")
        XCTAssertTrue(
            TestSession.failure("untag s0.p1 nosuch", in: session)?.message.hasPrefix("no tag 'nosuch'") == true)
    }

    func testRenameMergesAndCarriesChildren() throws {
        try run("tag s0.p1 moscow moscow/kremlin")
        try run("tag s0.p2 actor/russia")
        try run("tags describe moscow \"The capital\"")
        try run("tag s0.p2 moscow")
        try run("note tag:moscow \"About Moscow\"")
        try run("tags rename moscow actor/russia")
        let annotations = workspace.annotations
        XCTAssertNil(annotations.tags["moscow"])
        XCTAssertEqual(annotations.tags["actor/russia/kremlin"]?.path, "actor/russia/kremlin")
        XCTAssertEqual(
            annotations.tags["actor/russia"]?.description, "The capital",
            "the merged tag takes the description it lacked")
        XCTAssertEqual(try tags(of: "s0.p1"), ["actor/russia", "actor/russia/kremlin"])
        XCTAssertEqual(try tags(of: "s0.p2"), ["actor/russia"], "merging does not duplicate a coding")
        XCTAssertEqual(annotations.notes.values.first?.targets, [.tag("actor/russia")])
        XCTAssertTrue(
            TestSession.failure("tags rename actor actor/x", in: session)?.message.contains("inside itself") == true)
    }

    func testRenameChangingOnlyCase() throws {
        try run("tag s0.p1 nato/summit")
        try run("tags rename nato NATO")
        XCTAssertEqual(workspace.annotations.tags["nato/summit"]?.path, "NATO/summit")
        XCTAssertEqual(try tags(of: "s0.p1"), ["NATO/summit"])
    }

    func testDeleteNeedsForceInScripts() throws {
        try run("tag s0.p1 theme/a")
        try run("note tag:theme/a \"only about the tag\"")
        let refused = TestSession.failure("tags delete theme", in: session)
        XCTAssertEqual(refused?.message, "[theme] and 1 tag below it are used 1 time; add --force to delete anyway")
        try run("tags delete theme --force")
        XCTAssertTrue(workspace.annotations.tags.isEmpty)
        XCTAssertTrue(workspace.annotations.elementTags.isEmpty)
        XCTAssertTrue(workspace.annotations.notes.isEmpty)
        try run("tag s0.p1 unused")
        try run("untag s0.p1 unused")
        try run("tags delete unused")
        XCTAssertTrue(workspace.annotations.tags.isEmpty)
    }

    func testDeleteAsksOnATerminal() throws {
        try run("tag s0.p1 theme")
        session.frontEnd.isInteractive = true
        var asked: [String] = []
        session.frontEnd.confirm = { question in
            asked.append(question)
            return false
        }
        XCTAssertEqual(TestSession.failure("tags delete theme", in: session)?.message, "not deleted")
        session.frontEnd.confirm = { question in
            asked.append(question)
            return true
        }
        try run("tags delete theme")
        XCTAssertEqual(asked.count, 2)
        XCTAssertEqual(session.history.last?.line, "tags delete theme --force", "the saved form replays without asking")
    }

    func testColorsAndDescriptions() throws {
        try run("tag s0.p1 cost")
        try run("tags color cost #C0392B")
        try run("tags describe cost \"Money\"")
        XCTAssertEqual(workspace.annotations.tags["cost"]?.color, "#c0392b")
        XCTAssertEqual(workspace.annotations.tags["cost"]?.description, "Money")
        let error = TestSession.failure("tags color cost redd", in: session)
        XCTAssertTrue(error?.message.contains("did you mean 'red'?") == true, error?.message ?? "")
        XCTAssertEqual(error?.column, 17)
    }

    func testNotes() throws {
        try run("mark s0.p1 \"NATO officials\" actor")
        try run("note s0.p2 \"on a passage\"")
        try run("note s1 \"on a section\"")
        try run("note q1 \"on a FAQ entry\"")
        try run("note queries: \"on the document\"")
        try run("note m1 \"on a mark\"")
        try run("note tag:actor \"on a tag\"")
        try run("note s0.p3,s1.p2 \"on two passages\"")
        let notes = workspace.annotations.notes
        XCTAssertEqual(notes.count, 7)
        XCTAssertEqual(notes[5]?.targets, [.mark(1)])
        XCTAssertEqual(notes[6]?.targets, [.tag("actor")])
        XCTAssertEqual(notes[7]?.targets.count, 2)
        XCTAssertEqual(try TestSession.matches("note:passages", in: session), ["s0.p3", "s1.p2"])
        XCTAssertEqual(
            try TestSession.matches("has:note kind:lead", in: session), ["s0.p1", "s0.p2", "s0.p3", "s0.p4", "s0.p5"],
            "the note on the document covers every passage")
        let listed = try TestSession.run("notes s1", in: session)
        XCTAssertTrue(listed.contains("on a section") && listed.contains("on two passages"), listed)
        XCTAssertFalse(listed.contains("on a passage\n"), listed)
        try run("note edit n2 \"edited\"")
        XCTAssertEqual(workspace.annotations.notes[2]?.text, "edited")
        try run("note rm n2")
        XCTAssertNil(workspace.annotations.notes[2])
        XCTAssertEqual(TestSession.failure("note rm n2", in: session)?.message.hasPrefix("no note 'n2'"), true)
        let shown = try TestSession.run("show s0.p1", in: session)
        XCTAssertTrue(shown.contains("n5: on a mark"), shown)
    }

    func testMarksFoldQuotesAndNeedNthWhenAmbiguous() throws {
        // The text has a curly apostrophe; the quote is typed with a straight one.
        try run("mark s0.p2 \"Zelensky's plan\" actor")
        let mark = try XCTUnwrap(workspace.annotations.marks[1])
        XCTAssertEqual(mark.quote, "Zelensky’s plan")
        XCTAssertEqual(mark.start, 0)
        XCTAssertEqual(mark.end, 15)
        XCTAssertEqual(mark.after, " drew praise from the Café owners.")
        let ambiguous = TestSession.failure("mark s0.p5 \"the\" place", in: session)
        XCTAssertEqual(ambiguous?.message, "the quote occurs 2 times in s0.p5; choose one with --nth 1…2")
        try run("mark s0.p5 \"the\" place --nth 2")
        XCTAssertEqual(workspace.annotations.marks[2]?.start, 59)
        let absent = TestSession.failure("mark s0.p4 \"the dam\" place", in: session)
        XCTAssertTrue(absent?.message.hasPrefix("quote not found in s0.p4") == true)
        XCTAssertEqual(absent?.detail, "The storm surge barrier protects the harbor.")
        XCTAssertEqual(
            TestSession.failure("mark s0.p5 \"the\" place --nth 3", in: session)?.message,
            "--nth 3: the quote occurs 2 times in s0.p5")
        let shown = try TestSession.run("show s0.p2", in: session)
        XCTAssertTrue(shown.contains("{Zelensky’s plan}m1"), shown)
        try run("tag m1 extra")
        XCTAssertEqual(workspace.annotations.marks[1]?.tags, ["actor", "extra"])
        XCTAssertEqual(try TestSession.matches("tag:extra", in: session), ["s0.p2"])
        try run("mark q1 \"city pays\" funding")
        XCTAssertEqual(workspace.annotations.marks[3]?.part, .answer, "a FAQ entry's answer can hold a mark")
        XCTAssertNotNil(TestSession.failure("mark q1 \"City pays\" funding", in: session), "case must match")
    }

    func testCooccurrenceCountsElements() throws {
        try run("tag s0.p1,s0.p2 a")
        try run("tag s0.p2,s0.p3 b")
        try run("mark s0.p1 \"NATO\" b")
        let output = try TestSession.run("cooc --json", in: session)
        XCTAssertTrue(
            output.contains("\"counts\": [\n    [\n      2,\n      2\n    ],\n    [\n      2,\n      3\n    ]"), output)
    }

    /// The state that undo must restore exactly.
    private struct Snapshot: Equatable {
        var annotations: Annotations
        var loaded: [String]
    }

    private var snapshot: Snapshot {
        Snapshot(
            annotations: workspace.annotations,
            loaded: workspace.corpus.loadedDocumentIndices.map { workspace.corpus.documents[$0].id })
    }

    func testUndoAndRedoRoundTripEveryStateChange() throws {
        let commands = [
            "tag s0.p1-3 actor/russia theme",
            "tag s1 Section",
            "untag s0.p2 theme",
            "mark s0.p2 \"Zelensky’s plan\" actor --note \"first mark\"",
            "note s0.p1,q1 \"a note\"",
            "note edit n2 \"edited note\"",
            "tags describe actor \"who\"",
            "tags color actor red",
            "tags rename theme topic/general",
            "tags rename actor/russia topic/general",
            "tag m1 later",
            "unmark m1",
            "note rm n2",
            "load \(try fixtureFile())",
            "tag other: doc",
            "tags delete topic --force",
        ]
        var states = [snapshot]
        for command in commands {
            try run(command)
            states.append(snapshot)
        }
        for index in stride(from: commands.count - 1, through: 0, by: -1) {
            try run("undo")
            XCTAssertEqual(snapshot, states[index], "undo of: \(commands[index])")
        }
        XCTAssertNotNil(TestSession.failure("undo", in: session))
        try run("redo \(commands.count)")
        XCTAssertEqual(snapshot, states.last!)
        try run("undo 3")
        XCTAssertEqual(snapshot, states[commands.count - 3])
        XCTAssertEqual(session.history.filter(\.undone).count, 3)
        try run("tag s0.p5 fresh")
        XCTAssertNotNil(TestSession.failure("redo", in: session), "a new change clears the redo stack")
    }

    private func fixtureFile() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("other.txt")
        try Data("Other Article\n\nOne paragraph here.\n".utf8).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return url.path
    }
}
