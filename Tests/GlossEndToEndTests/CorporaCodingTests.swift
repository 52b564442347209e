import Foundation
import XCTest

/// Coding a real-shaped corpus (see `CorpusFixture`) through the binary: a coding script applied to one
/// file at a time, and `tag @` explaining an empty target.
final class CorporaCodingTests: XCTestCase {
    private func corpus() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try CorpusFixture.write(into: directory)
        return directory
    }

    func testDocVariableNamesTheDocumentTheScriptLoaded() throws {
        let directory = try corpus()
        try directory.write("code.gloss", "load corpus/guides\nload ${1}\ntag ${doc}:s1 budget-talk\nexport json -\n")
        for file in ["corpus/sport/002.txt", "corpus/business/002.txt"] {
            let run = try GlossProcess.run(["run", "code.gloss", file], in: directory.url)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stderr.contains("tagged 002:s1 [budget-talk]"), run.stderr)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let codings = try XCTUnwrap(json["codings"] as? [[String: Any]])
            XCTAssertEqual(codings.count, 1)
            XCTAssertEqual(codings.first?["document"] as? String, "002", "\(codings)")
        }
        // A file already loaded: ${doc} names it.
        let again = try GlossProcess.commands(
            "load corpus\nload corpus/sport/003.txt\ntag ${doc}: checked\n", in: directory.url)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("tagged sport/003: [checked]"), again.stderr)
    }

    func testTagOnATitleHitTagsTheTitleAloneAndReplays() throws {
        let directory = try corpus()
        let script = """
            load corpus
            find "Sport report 2"
            tag #1 headline
            find tag:headline
            tag sport/003: whole
            save coded.gloss
            export csv --rows coding -

            """
        let run = try GlossProcess.run(["run", "-"], stdin: script, in: directory.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("#1  sport/002:title\n"), run.stdout)
        XCTAssertTrue(run.stderr.contains("tagged sport/002:title [headline]"), run.stderr)
        // The tag covers the title unit only: one result, not the document's passages.
        XCTAssertTrue(run.stdout.contains("1 result · 1 document"), run.stdout)
        let rows = run.stdout.components(separatedBy: "\r\n").filter {
            $0.contains(",headline,") || $0.contains(",whole,")
        }
        XCTAssertEqual(rows.count, 2, run.stdout)
        XCTAssertTrue(
            rows.contains {
                $0.hasPrefix("sport/002,\(CorpusFixture.title("sport", 2)),corpus/sport/002.txt,title,title,headline,")
            }, "\(rows)")
        XCTAssertTrue(rows.contains { $0.hasPrefix("sport/003,") && $0.contains(",document,whole,") }, "\(rows)")

        // The saved session names the title by its address and gives the same coding when replayed.
        let saved = try String(contentsOf: directory.url.appendingPathComponent("coded.gloss"), encoding: .utf8)
        XCTAssertTrue(saved.contains("sport/002:title"), saved)
        let replay = try GlossProcess.run(
            ["run", "-"], stdin: "replay coded.gloss\nshow sport/002:title --json\n", in: directory.url)
        XCTAssertEqual(replay.status, 0, replay.stderr)
        let json = try XCTUnwrap(replay.stdout.range(of: "\n[\n", options: .backwards)).lowerBound
        let shown = try XCTUnwrap(try CorpusFixture.json(String(replay.stdout[json...])) as? [[String: Any]])
        XCTAssertEqual(shown.first?["address"] as? String, "title")
        XCTAssertEqual(shown.first?["tags"] as? [String], ["headline"])
    }

    func testAtInsideAReplayKeepsToTheDocumentsTheReplayLoaded() throws {
        let directory = try corpus()
        try directory.write("code.gloss", "load ${1}\nfilter budget\ntag @ budget-talk\nunfilter\n")
        try directory.write("everywhere.gloss", "filter budget\ntag @ all-budget\nunfilter\n")
        let session = """
            load corpus/politics
            replay code.gloss corpus/sport/002.txt
            replay everywhere.gloss
            save coded.gloss
            export csv --rows coding -

            """
        let run = try GlossProcess.run(["run", "-"], stdin: session, in: directory.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = run.stdout.components(separatedBy: "\r\n")
        let scoped = rows.filter { $0.contains(",budget-talk,") }
        XCTAssertFalse(scoped.isEmpty, run.stdout)
        XCTAssertTrue(scoped.allSatisfy { $0.hasPrefix("sport/002,") }, "\(scoped)")
        // A replay that loads nothing keeps the whole view.
        let everywhere = Set(rows.filter { $0.contains(",all-budget,") }.map { $0.prefix { $0 != "," } })
        XCTAssertGreaterThan(everywhere.count, 1, run.stdout)
        XCTAssertTrue(everywhere.contains("sport/002"), "\(everywhere)")

        // The saved session spells out what the scoped @ tagged, so it replays to the same coding.
        let saved = try String(contentsOf: directory.url.appendingPathComponent("coded.gloss"), encoding: .utf8)
        XCTAssertFalse(saved.contains("tag @ budget-talk"), saved)
        XCTAssertTrue(saved.contains("tag @ all-budget"), saved)
        let replay = try GlossProcess.run(
            ["run", "-"], stdin: "replay coded.gloss --quiet\nexport csv --rows coding -\n", in: directory.url)
        XCTAssertEqual(replay.status, 0, replay.stderr)
        func documentAndAddress(_ rows: [String]) -> [String] {
            rows.map { row in
                let fields = row.split(separator: ",", omittingEmptySubsequences: false)
                return "\(fields[0]) \(fields[3])"
            }
        }
        XCTAssertEqual(
            documentAndAddress(replay.stdout.components(separatedBy: "\r\n").filter { $0.contains(",budget-talk,") }),
            documentAndAddress(scoped))

        // Nothing of the replay's documents in the view: the error says why.
        try directory.write("none.gloss", "load ${1}\nfilter different\ntag @ x\n")
        let empty = try GlossProcess.run(
            ["run", "-"], stdin: "load corpus/politics\nreplay none.gloss corpus/sport/002.txt\n", in: directory.url)
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(
            empty.stderr.contains(
                "@ inside a replay keeps to the documents the replay loaded (sport/002), and the view holds none of their passages"
            ), empty.stderr)
    }

    func testTagAllSaysWhyTheViewHasNothingToTag() throws {
        let directory = try corpus()
        let result = try GlossProcess.run(
            ["run", "-"], stdin: "load corpus\nfilter kind:title\ntag @ x\n", in: directory.url)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.contains(
                "<stdin>:3:5: error: @ leaves out headings and titles, and the view holds only those (14 units): name a title (DOC:title), a section (s2) or a whole document (DOC:) by its address, or tag find's rows (#1-3)"
            ),
            result.stderr)
    }
}
