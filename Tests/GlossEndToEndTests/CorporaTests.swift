import Foundation
import XCTest

/// Working with a real-shaped corpus (see `CorpusFixture`): clean output for scripts, totals.
final class CorporaTests: XCTestCase {
    private func corpus() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try CorpusFixture.write(into: directory)
        return directory
    }

    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    // MARK: Clean output for scripts

    func testRunPrintsOnlyWhatWasAskedForOnStandardOutput() throws {
        let directory = try corpus()
        try directory.write("report.gloss", "load ${1}\nfilter \"different story\"\ntag @ budget-talk\nunfilter\nexport json -\n")
        let run = try GlossProcess.run(["run", "report.gloss", "corpus"], in: directory.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let workspace = try XCTUnwrap(try json(run.stdout) as? [String: Any], "stdout is one JSON document")
        XCTAssertFalse((workspace["codings"] as? [[String: Any]])?.isEmpty ?? true)
        let status = run.stderr.replacingOccurrences(of: "\n", with: " ")
        XCTAssertTrue(status.hasPrefix("loaded "), run.stderr)
        XCTAssertTrue(status.contains(" [budget-talk] view: everything"), run.stderr)

        let quiet = try GlossProcess.run(["run", "--quiet", "report.gloss", "corpus"], in: directory.url)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stderr, "")
        XCTAssertNotNil(try json(quiet.stdout) as? [String: Any], "--quiet keeps export … -")

        // The script on standard input; paths are relative to the current folder.
        let piped = try GlossProcess.run(["run", "-"], stdin: "load corpus/politics\nfind --json budget\n", in: directory.url)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        let found = try XCTUnwrap(try json(piped.stdout) as? [String: Any])
        XCTAssertEqual(found["documents"] as? Int, CorpusFixture.articlesPerCategory)
        XCTAssertTrue(piped.stderr.hasPrefix("loaded "), piped.stderr)
        let failing = try GlossProcess.run(["run", "-"], stdin: "load corpus/sport\nshow kp1\n", in: directory.url)
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.stderr.contains("<stdin>:2:6: error: "), failing.stderr)
    }

    // MARK: Totals and plurals

    func testFindFooterGivesTotalsOverEveryResult() throws {
        let directory = try corpus()
        let result = try GlossProcess.commands("""
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
        XCTAssertEqual(footers[2], "1 result · 1 match · 1 document")
        XCTAssertTrue(result.stderr.contains("view: 1 of "), result.stderr)
    }
}
