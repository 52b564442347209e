import Foundation
import XCTest

/// Loads the shared samples through the real binary and checks their structure via `outline --json`.
final class SampleStructureTests: XCTestCase {
    private func outline(_ file: String) throws -> [String: Any] {
        let path = GlossProcess.samples.appendingPathComponent(file).path
        let result = try GlossProcess.commands("outline --json\n", files: [path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json =
            try JSONSerialization.jsonObject(with: Data(result.stdout.drop(while: { $0 != "[" }).utf8))
            as? [[String: Any]]
        return try XCTUnwrap(json?.first)
    }

    func testHarborBarrierVoteStructure() throws {
        let document = try outline("harbor-barrier-vote.txt")
        XCTAssertEqual(document["id"] as? String, "harbor-barrier-vote")
        XCTAssertTrue(document["title"] is NSNull)
        let sections = try XCTUnwrap(document["sections"] as? [[String: Any]])
        XCTAssertEqual(sections.count, 8)
        XCTAssertEqual(sections[0]["address"] as? String, "s0")
        XCTAssertTrue(sections[0]["heading"] is NSNull)
        let passageCounts = sections.map { ($0["passages"] as? [Any])?.count ?? -1 }
        XCTAssertEqual(passageCounts, [2, 2, 2, 2, 2, 2, 0, 1])
        XCTAssertEqual(sections[6]["heading"] as? String, "Frequently Asked Questions")
        XCTAssertEqual(sections[7]["heading"] as? String, "Summary")
        XCTAssertEqual(sections[3]["heading"] as? String, "Costs, Grants and Who Pays")
        let faq = try XCTUnwrap(document["faq"] as? [[String: Any]])
        XCTAssertEqual(faq.count, 4)
        XCTAssertEqual(faq[1]["question"] as? String, "How much would the barrier cost, and who would pay?")
        XCTAssertEqual(faq.map { $0["address"] as? String }, ["q1", "q2", "q3", "q4"])
        let keyPoints = try XCTUnwrap(document["keyPoints"] as? [[String: Any]])
        XCTAssertEqual(keyPoints.count, 8)
        XCTAssertEqual(keyPoints[0]["label"] as? String, "Council Vote")
        XCTAssertEqual(
            keyPoints[7]["detail"] as? String,
            "A federal grant of up to 40 percent expires if no design is chosen by March.")
        let kinds = sections.flatMap { ($0["passages"] as? [[String: Any]] ?? []).map { $0["kind"] as? String } }
        XCTAssertEqual(Set(kinds), ["paragraph"])
    }

    func testRiverTownsBroadbandStructure() throws {
        let document = try outline("river-towns-broadband.md")
        XCTAssertEqual(document["title"] as? String, "River Towns Bet on Public Broadband")
        let sections = try XCTUnwrap(document["sections"] as? [[String: Any]])
        XCTAssertEqual(
            sections.map { $0["heading"] as? String },
            [
                nil, "How the Network Would Work", "Paying for It", "Frequently Asked Questions", "Key Points",
                "Summary",
            ])
        let kinds = sections.map { ($0["passages"] as? [[String: Any]] ?? []).map { $0["kind"] as! String } }
        XCTAssertEqual(
            kinds,
            [
                ["paragraph", "paragraph"], ["paragraph", "list", "list", "list"], ["paragraph", "quote"], [], [],
                ["paragraph"],
            ])
        XCTAssertEqual((document["faq"] as? [Any])?.count, 2)
        XCTAssertEqual((document["keyPoints"] as? [Any])?.count, 4)
        XCTAssertEqual(sections.map { $0["level"] as? Int }, [0, 2, 2, 2, 2, 2])
    }

    func testBatchErrorNamesScriptLineAndColumn() throws {
        let directory = try TemporaryDirectory()
        try directory.write("check.gloss", "# a comment\n\ndocs\nshow kp12\ndocs\n")
        let sample = GlossProcess.samples.appendingPathComponent("harbor-barrier-vote.txt").path
        let result = try GlossProcess.run(["run", "check.gloss", sample], in: directory.url)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            "loaded harbor-barrier-vote  7 sections · 13 passages · 4 FAQ · 8 key points\ncheck.gloss:4:6: error: no key point kp12 in harbor-barrier-vote (it has kp1-kp8)\n"
        )
        let listings = result.stdout.split(separator: "\n").filter { $0.hasPrefix("* harbor-barrier-vote") }
        XCTAssertEqual(listings.count, 1, "stops at the failing line:\n\(result.stdout)")
    }

    func testStandardInputErrorsUseStdinName() throws {
        let result = try GlossProcess.commands("docs\nfrobnicate\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("<stdin>:2:1: error: unknown command 'frobnicate'"), result.stderr)
    }

    func testVersionAndHelp() throws {
        let version = try GlossProcess.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        let help = try GlossProcess.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE"), help.stdout)
    }

    func testUsageErrorExitsTwo() throws {
        let result = try GlossProcess.run(["run", "--no-such-flag", "x.gloss"])
        XCTAssertEqual(result.status, 2)
        let missing = try GlossProcess.run(["run", "/nonexistent/script.gloss"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("cannot read script"), missing.stderr)
    }
}
