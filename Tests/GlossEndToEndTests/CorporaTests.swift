import Foundation
import XCTest

/// Working with a real-shaped corpus (see `CorpusFixture`): names from paths, skipped copies, clean
/// output for scripts, totals.
final class CorporaTests: XCTestCase {
    private func corpus() throws -> TemporaryDirectory { try CorpusFixture.directory() }

    private func json(_ text: String) throws -> Any { try CorpusFixture.json(text) }

    // MARK: Names and provenance

    func testIdsAreTheShortestDistinctPathSuffixesAndCopiesAreSkipped() throws {
        let directory = try corpus()
        try directory.write("later/politics/001.txt", "Another politics story\n\nNothing like the others.\n")
        let result = try GlossProcess.commands("docs --json\n", files: ["corpus"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let first = try XCTUnwrap(try json(result.stdout) as? [[String: Any]])
        var expected = CorpusFixture.categories.flatMap { category in
            (1...CorpusFixture.articlesPerCategory).map { "\(category)/\(CorpusFixture.name($0))" }
        }
        expected += CorpusFixture.guides.map { "\($0)/readme" }
        XCTAssertEqual(Set(first.map { $0["id"] as! String }), Set(expected))
        XCTAssertEqual(first.count, CorpusFixture.documentCount, "the copy is not loaded")
        XCTAssertEqual(
            result.stderr,
            """
            loaded 14 documents from corpus · 40 passages · 1 skipped
            skipped corpus/\(CorpusFixture.copy): the same text as politics/001 (SHA-256)

            """)

        let again = try GlossProcess.commands(
            """
            load corpus/politics/001.txt
            load later/politics/001.txt
            docs --json
            """, files: ["corpus"], in: directory.url)
        XCTAssertEqual(again.status, 0, again.stderr)
        // The same file again: skipped with a note, nothing added.
        XCTAssertTrue(
            again.stderr.contains("skipped corpus/politics/001.txt: already loaded as politics/001"), again.stderr)
        // A later namesake takes a longer suffix; the earlier document keeps its id.
        XCTAssertTrue(again.stderr.contains("loaded later/politics/001  0 sections · 1 passage"), again.stderr)
        let last = try XCTUnwrap(try json(again.stdout) as? [[String: Any]])
        XCTAssertEqual(last.count, CorpusFixture.documentCount + 1)
        XCTAssertTrue(
            last.contains {
                $0["id"] as? String == "politics/001" && ($0["path"] as? String)?.hasPrefix("corpus/") == true
            })
    }

    func testUnloadTakesAnnotationsAlongAndUndoBringsEverythingBack() throws {
        let directory = try corpus()
        let result = try GlossProcess.commands(
            """
            tag politics/001:s1 budgets
            mark politics/002:s1.p1 "budgeted with care" care
            note politics/001:s2,sport/001: "about two documents"
            note politics/003:s0.p1 "only here"
            unload 'politics/*' missing
            """, files: ["corpus"], in: directory.url)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("<stdin>:5:21: error: no document 'missing'"), result.stderr)
        let session = try GlossProcess.commands(
            """
            tag politics/001:s1 budgets
            mark politics/002:s1.p1 "budgeted with care" care
            note politics/001:s2,sport/001: "about two documents"
            note politics/003:s0.p1 "only here"
            export json before.json
            unload 'politics/*'
            docs --json
            notes
            tags
            find --json budget
            undo
            export json after.json
            """, files: ["corpus"], in: directory.url)
        XCTAssertEqual(session.status, 0, session.stderr)
        XCTAssertTrue(
            session.stderr.replacingOccurrences(of: "\n", with: " ").contains(
                "unloaded politics/001, politics/002, politics/003, politics/004; with them: 1 coding, 1 mark, 1 note undid"
            ), session.stderr)
        let documents = try XCTUnwrap(try json(String(session.stdout.prefix { $0 != "]" }) + "]") as? [[String: Any]])
        XCTAssertEqual(documents.count, CorpusFixture.documentCount - CorpusFixture.articlesPerCategory)
        XCTAssertTrue(session.stdout.contains("n1  sport/001:\n    about two documents"), session.stdout)
        XCTAssertFalse(session.stdout.contains("only here"), session.stdout)
        XCTAssertTrue(session.stdout.contains("budgets  0  0"), session.stdout)
        XCTAssertTrue(session.stdout.contains("\"documents\": 10"), "the unloaded are not searched: " + session.stdout)
        func workspace(_ name: String) throws -> [String: Any] {
            var object = try XCTUnwrap(try json(try directory.read(name)) as? [String: Any])
            object["exportedAt"] = nil
            return object
        }
        XCTAssertEqual(try workspace("after.json") as NSDictionary, try workspace("before.json") as NSDictionary)
    }

    // MARK: Clean output for scripts

    func testRunPrintsOnlyWhatWasAskedForOnStandardOutput() throws {
        let directory = try corpus()
        try directory.write("report.gloss", "load ${1}\ntag politics/001:s1 budget-talk\nexport json -\n")
        let run = try GlossProcess.run(["run", "report.gloss", "corpus"], in: directory.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let workspace = try XCTUnwrap(try json(run.stdout) as? [String: Any], "stdout is one JSON document")
        XCTAssertEqual((workspace["codings"] as? [[String: Any]])?.count, 1)
        let status = run.stderr.replacingOccurrences(of: "\n", with: " ")
        XCTAssertTrue(status.hasPrefix("loaded 14 documents from "), run.stderr)
        XCTAssertTrue(status.contains(" skipped "), run.stderr)
        XCTAssertTrue(status.hasSuffix("tagged politics/001:s1 [budget-talk] "), run.stderr)

        let quiet = try GlossProcess.run(["run", "--quiet", "report.gloss", "corpus"], in: directory.url)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stderr, "")
        XCTAssertNotNil(try json(quiet.stdout) as? [String: Any], "--quiet keeps export … -")

        // The script on standard input; paths are relative to the current folder.
        let piped = try GlossProcess.run(
            ["run", "-"], stdin: "load corpus/politics\nfind --json budget\n", in: directory.url)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        let found = try XCTUnwrap(try json(piped.stdout) as? [String: Any])
        XCTAssertEqual(found["documents"] as? Int, CorpusFixture.articlesPerCategory)
        XCTAssertTrue(piped.stderr.hasPrefix("loaded 4 documents from corpus/politics"), piped.stderr)
        let failing = try GlossProcess.run(["run", "-"], stdin: "load corpus/sport\nshow kp1\n", in: directory.url)
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.stderr.contains("<stdin>:2:6: error: "), failing.stderr)
    }

    // MARK: Totals and plurals

    func testFindFooterGivesTotalsOverEveryResult() throws {
        let directory = try corpus()
        let result = try GlossProcess.commands(
            """
            find budget OR council*
            find budget OR council* --limit 2
            find "node reviews"
            filter "node reviews"
            """, files: ["corpus"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let footers = result.stdout.split(separator: "\n").filter { $0.contains(" result") }
        XCTAssertEqual(footers.count, 3, result.stdout)
        let whole = footers[0].components(separatedBy: " · ")
        let limited = footers[1].components(separatedBy: " · ")
        XCTAssertEqual(limited[0], whole[0] + " (showing 2)")
        XCTAssertEqual(Array(limited.dropFirst()), Array(whole.dropFirst()), "matches and documents count every result")
        XCTAssertEqual(whole.last, "14 documents")
        XCTAssertEqual(footers[2], "1 result · 1 match · 1 document")
        XCTAssertTrue(result.stderr.contains("view: 1 of "), result.stderr)
    }
}
