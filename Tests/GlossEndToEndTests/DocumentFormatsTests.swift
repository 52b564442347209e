import Foundation
import XCTest

/// The real binary on a folder that mixes every format it reads (plain text, Markdown, DOCX, ODT, EPUB,
/// PDF): one load reads them all, a PDF's pages reach `show`, `--json`, `find --json`, CSV and the HTML
/// report, and an e-book is found, shown, tagged, saved and replayed like any document.
final class DocumentFormatsTests: XCTestCase {
    private static let office = GlossProcess.repositoryRoot.appendingPathComponent(
        "Tests/GlossCoreTests/Fixtures/Office")

    private func mixedFolder() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let folder = directory.url.appendingPathComponent("mixed")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["harbor-barrier-vote.txt", "river-towns-broadband.md"] {
            try FileManager.default.copyItem(
                at: GlossProcess.samples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        for name in ["review-draft.docx", "review-draft.odt", "coastal-report.pdf", "tide-atlas.epub"] {
            try FileManager.default.copyItem(
                at: Self.office.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return directory
    }

    func testAFolderOfEveryFormatLoads() throws {
        let directory = try mixedFolder()
        let result = try GlossProcess.commands("load mixed\ndocs --json\n", in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("6 comments from the documents kept as notes"), result.stderr)
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(result.stdout.drop { $0 != "[" }.utf8)) as? [[String: Any]])
        XCTAssertEqual(json.map { $0["format"] as? String }, ["pdf", "plain-lines", "docx", "odt", "markdown", "epub"])
        XCTAssertEqual(
            json.map { $0["id"] as? String },
            [
                "coastal-report", "harbor-barrier-vote", "review-draft-docx", "review-draft-odt",
                "river-towns-broadband", "tide-atlas",
            ])
        XCTAssertTrue(json.allSatisfy { ($0["passages"] as? Int ?? 0) > 0 })
    }

    func testPDFPagesReachShowJSONCSVAndTheHTMLReport() throws {
        let directory = try mixedFolder()
        try directory.write(
            "pages.gloss",
            """
            load mixed/coastal-report.pdf
            show s3.p2
            show s3.p2 --json
            tag s3.p2 cost/dredging
            tag kp2 place/south
            export csv out.csv
            export html out.html
            """)
        let result = try GlossProcess.run(["run", "pages.gloss"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("s3.p2  p. 1\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\"page\": 1") || result.stdout.contains("\"page\":1"), result.stdout)
        let find = try GlossProcess.commands(
            "load mixed/coastal-report.pdf\nfind kind:footnote letter --json\n", in: directory.url)
        let results = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(find.stdout.drop { $0 != "{" }.utf8)) as? [String: Any])
        let rowsFound = try XCTUnwrap(results["results"] as? [[String: Any]])
        XCTAssertEqual(rowsFound.map { $0["address"] as? String }, ["s6.p3"])
        XCTAssertEqual(rowsFound.map { $0["page"] as? Int }, [2])
        let csv = try directory.read("out.csv")
        let rows = csv.components(separatedBy: "\r\n")
        XCTAssertTrue(rows[0].hasSuffix(",lang,page"), rows[0])
        XCTAssertTrue(rows.contains { $0.hasPrefix("coastal-report,s3.p2,") && $0.hasSuffix(",1") }, csv)
        XCTAssertTrue(rows.contains { $0.hasPrefix("coastal-report,kp2,") && $0.hasSuffix(",2") }, csv)
        let html = try directory.read("out.html")
        XCTAssertTrue(html.contains("s3.p2<span class=\"page\">p. 1</span>"), html)
        XCTAssertTrue(html.contains("kp2<span class=\"page\">p. 2</span>"), html)
    }

    func testAnEBookIsFoundShownTaggedSavedAndReplayed() throws {
        let directory = try mixedFolder()
        let live = try GlossProcess.commands(
            """
            load mixed/tide-atlas.epub
            outline
            find barrier
            show s6.p1
            find kind:footnote survey --json
            tag s6.p1 place/barrier
            tag s2 tides
            save atlas
            export json live.json
            """, in: directory.url)
        XCTAssertEqual(live.status, 0, live.stderr)
        for heading in ["Reading the Tides", "Spring and Neap", "The Barrier Site", "Safety on the Water", "Notes"] {
            XCTAssertTrue(live.stdout.contains(heading), "outline lacks \(heading):\n\(live.stdout)")
        }
        XCTAssertTrue(
            live.stdout.contains("The proposed storm-surge barrier would stand where the channel is narrowest."),
            live.stdout)
        XCTAssertTrue(live.stdout.contains("[1] Measured by the 2019 coastal survey."), live.stdout)
        let saved = try directory.read("atlas.gloss")
        XCTAssertTrue(saved.contains("tide-atlas.epub"), saved)
        XCTAssertTrue(saved.contains("tag s6.p1 place/barrier") || saved.contains("place/barrier"), saved)
        try directory.write("check.gloss", "replay atlas.gloss --quiet\nexport json replayed.json\n")
        let replay = try GlossProcess.run(["run", "check.gloss"], in: directory.url)
        XCTAssertEqual(replay.status, 0, replay.stderr)
        let livePayload = try directory.read("live.json")
        XCTAssertTrue(livePayload.contains("place/barrier"), livePayload)
        XCTAssertEqual(
            try NeverLoseWorkTests.workspace(livePayload),
            try NeverLoseWorkTests.workspace(directory.read("replayed.json")))
    }
}
