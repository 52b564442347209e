import XCTest

@testable import GlossCore

/// `export csv --rows coding` gives one row per tag applied (elements and marks); the default rows
/// include elements that carry a note but no tag.
final class CSVCodingRowsTests: XCTestCase {
    private func session() throws -> Session {
        let session = TestSession.make([
            ("one.txt", "First Title\n\nThe council voted on the barrier.\n\nThe fleet objected to the plan."),
            ("two.txt", "Second Title\n\nCrews said the schedule was unfair."),
        ])
        for line in [
            "tag one:s0.p1 vote decision", "tag two:s0.p1 livelihood", "mark one:s0.p2 \"fleet objected\" livelihood",
            "note one:s0.p2 \"check the fleet's numbers\"",
        ] {
            XCTAssertNil(session.execute(line).error, line)
        }
        return session
    }

    private func rows(_ output: String) -> [[String]] {
        output.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n")
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    func testOneRowPerTagApplied() throws {
        let output = try TestSession.run("export csv - --rows coding", in: try session())
        let rows = rows(output)
        XCTAssertEqual(rows.first, CSVExporter.codingHeader)
        XCTAssertTrue(rows.allSatisfy { $0.count == CSVExporter.codingHeader.count }, "\(rows)")
        let body = rows.dropFirst().map { $0.count > 5 ? [$0[0], $0[1], $0[3], $0[4], $0[5]] : $0 }
        XCTAssertEqual(
            body,
            [
                ["one", "First Title", "s0.p1", "paragraph", "decision"],
                ["one", "First Title", "s0.p1", "paragraph", "vote"],
                ["two", "Second Title", "s0.p1", "paragraph", "livelihood"],
                ["one", "First Title", "s0.p2 m1", "mark", "livelihood"],
            ])
        XCTAssertEqual(rows.last?.dropFirst(6).first, "fleet objected")
    }

    func testChoiceValuesAreReadAsTheParserAcceptsThem() throws {
        // The parser accepts a choice in any case; the body once compared it as typed and gave element rows.
        let output = try TestSession.run("export csv - --rows CODING", in: try session())
        XCTAssertEqual(rows(output).first, CSVExporter.codingHeader)
    }

    func testElementRowsIncludeNotedUncodedElements() throws {
        let rows = rows(try TestSession.run("export csv -", in: try session()))
        let noted = try XCTUnwrap(rows.first { $0.count > 6 && $0[0] == "one" && $0[1] == "s0.p2" }, "\(rows)")
        XCTAssertEqual(noted[5], "", "no tags")
        XCTAssertTrue(noted[6].contains("check the fleet"), "\(noted)")
    }

    func testRowsIsForCSVOnly() throws {
        XCTAssertEqual(
            TestSession.failure("export json - --rows coding", in: try session())?.message, "--rows applies to csv only"
        )
        XCTAssertNotNil(TestSession.failure("export csv - --rows tags", in: try session()))
    }
}
