import XCTest

@testable import GlossCore

/// Tab completion by context, from the registry.
final class CompletionTests: XCTestCase {
    var session: Session!

    override func setUp() {
        session = TestSession.make([
            ("queries.txt", QueryLanguageTests.article), ("second.md", "# Second\n\nOne paragraph.\n"),
        ])
        session.workspace.view.currentDocument = 0
    }

    private func words(_ line: String) -> [String] {
        CompletionEngine(session: session).complete(line).candidates.map(\.word)
    }

    func testCommandsAndSubcommands() {
        XCTAssertEqual(words("hel"), ["help"])
        XCTAssertEqual(
            words("un"), ["uncode", "undo", "unfilter", "unload", "unmark", "untag"], "aliases complete too")
        XCTAssertEqual(words("tags re"), ["rename"])
        XCTAssertEqual(words("tags d"), ["delete", "describe"])
        XCTAssertEqual(words("note e"), ["edit"])
    }

    func testDocumentsAndOptions() {
        XCTAssertEqual(words("use s"), ["second"])
        XCTAssertEqual(words("find --r"), ["--rank"])
        XCTAssertEqual(words("kwic barrier --sort "), ["left", "right", "doc"])
        XCTAssertEqual(words("export "), ["json", "csv", "md", "html", "notebook", "qdc", "qdpx"])
        XCTAssertEqual(words("set color "), ["on", "off", "auto"])
    }

    /// Every setting's values come from the one settings table; an alias completes like its setting.
    func testSettingValuesFromTheTable() throws {
        XCTAssertEqual(words("set stem "), ["on", "off"])
        XCTAssertEqual(words("set strict o"), ["on", "off"])
        XCTAssertEqual(words("set colour a"), ["auto"])
        XCTAssertTrue(words("set stem-language ger").contains("german"), "\(words("set stem-language ger"))")
        XCTAssertEqual(words("set st"), ["strict", "stem", "stem-language"])
        for spec in Settings.specs {
            // What completion offers, `set` accepts.
            for value in spec.values {
                var settings = Settings()
                XCTAssertNoThrow(try settings.set(spec.name, value), spec.name + " " + value)
                XCTAssertEqual(settings.value(of: spec.name).lowercased(), value.lowercased(), spec.name)
            }
        }
        _ = try TestSession.run("set colour on", in: session)
        XCTAssertEqual(try TestSession.run("set colour", in: session), "on\n")
    }

    func testAddressesWithHints() {
        let result = CompletionEngine(session: session).complete("show s1")
        XCTAssertEqual(result.candidates.map(\.word), ["s1"])
        XCTAssertEqual(result.candidates.first?.hint, "Costs Of The Barrier")
        XCTAssertEqual(words("show s1."), ["s1.p1", "s1.p2", "s1.p3"])
        XCTAssertEqual(words("show s1.p1,s1.p"), ["s1.p1,s1.p1", "s1.p1,s1.p2", "s1.p1,s1.p3"])
        XCTAssertEqual(words("show q"), ["queries:", "q1"], "document ids when several are loaded")
        XCTAssertEqual(words("show second:s"), ["second:s0"])
        XCTAssertTrue(words("tag ").contains("@"))
        XCTAssertTrue(words("tag ").contains("second:"))
    }

    func testTagsByHierarchyLevel() throws {
        try TestSession.run("tag s0.p1 actor/russia actor/ukraine/kyiv theme", in: session)
        let engine = CompletionEngine(session: session)
        let top = engine.complete("tag s0.p2 a").candidates
        XCTAssertEqual(top.map(\.word), ["actor"])
        XCTAssertEqual(top.first?.appendSpace, false, "a tag with children leaves room for /")
        XCTAssertEqual(words("tag s0.p2 actor/"), ["actor/russia", "actor/ukraine"])
        XCTAssertEqual(words("tag s0.p2 actor/ukraine/"), ["actor/ukraine/kyiv"])
        XCTAssertEqual(words("find tag:act"), ["tag:actor"])
        XCTAssertEqual(words("untag s0.p1 th"), ["theme"])
    }

    func testQueryFieldsAndValues() {
        XCTAssertEqual(words("find ki"), ["kind:"])
        XCTAssertEqual(words("filter kind:qu"), ["kind:quote", "kind:question"])
        XCTAssertEqual(words("find doc:sec"), ["doc:second"])
        XCTAssertEqual(words("find has:"), ["has:tag", "has:note"])
    }

    func testNoteIdsAndFilePaths() throws {
        try TestSession.run("note s0.p1 \"remember this\"", in: session)
        let notes = CompletionEngine(session: session).complete("note edit ").candidates
        XCTAssertEqual(notes.map(\.word), ["n1"])
        XCTAssertEqual(notes.first?.hint, "remember this")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gloss-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try Data().write(to: directory.appendingPathComponent("articles/one.txt"))
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        session.baseDirectory = directory.path
        XCTAssertEqual(words("load ar"), ["articles/"])
        XCTAssertEqual(words("load articles/"), ["articles/one.txt"])
    }
}

/// Document ids complete with their titles as hints, folder by folder on a corpus of namesakes.
final class DocumentCompletionTests: XCTestCase {
    func testIdsCarryTitlesAndFoldersGroupThem() throws {
        let session = TestSession.make([
            ("politics/001.txt", "Budget talks stall\n\nThe council met.\n"),
            ("politics/002.txt", "Rates rise again\n\nThe bank moved.\n"),
            ("sport/001.txt", "Fans and the stadium\n\nA match.\n"),
            ("sport/002.txt", "A new coach\n\nA change.\n"),
        ])
        let engine = CompletionEngine(session: session)
        XCTAssertEqual(
            session.workspace.corpus.documents.map(\.id), ["politics/001", "politics/002", "sport/001", "sport/002"])
        let folders = engine.complete("use p").candidates
        XCTAssertEqual(folders.map(\.word), ["politics/"])
        XCTAssertEqual(folders.first?.hint, "2 documents")
        XCTAssertEqual(folders.first?.appendSpace, false, "the rest of the id can follow")
        let inside = engine.complete("use politics/").candidates
        XCTAssertEqual(inside.map(\.word), ["politics/001", "politics/002"])
        XCTAssertEqual(inside.map(\.hint), ["Budget talks stall", "Rates rise again"])
        let targets = engine.complete("tag sport/").candidates
        XCTAssertEqual(targets.map(\.word), ["sport/001:", "sport/002:"])
        XCTAssertEqual(targets.first?.hint, "Fans and the stadium")
        XCTAssertEqual(
            engine.complete("find doc:politics/0").candidates.map(\.hint), ["Budget talks stall", "Rates rise again"])
        XCTAssertEqual(engine.complete("docs path:sp").candidates.map(\.word), ["path:sport/*"])
    }
}
