import Foundation
import XCTest

/// Searching a real-shaped corpus (see `CorpusFixture`) through the binary: word forms folded by stem
/// when asked, exact otherwise, and NEAR written in other tools' ways pointed to the form that works.
final class CorporaSearchTests: XCTestCase {
    private func corpus() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try CorpusFixture.write(into: directory)
        return directory
    }

    /// The JSON objects printed one after another (each ends with a `}` line).
    private func objects(_ stdout: String) throws -> [[String: Any]] {
        try stdout.components(separatedBy: "\n}\n").filter { !$0.isEmpty }.map { text in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data((text + "\n}").utf8)) as? [String: Any])
        }
    }

    /// The `DOC:ADDR` rows of each `find --json` in the script's output.
    private func rows(_ stdout: String) throws -> [[String]] {
        try objects(stdout).map { json in
            let results = try XCTUnwrap(json["results"] as? [[String: Any]])
            return results.map { "\($0["document"] as! String):\($0["address"] as! String)" }
        }
    }

    func testExactByDefaultStemmedWhenAsked() throws {
        let directory = try corpus()
        let result = try GlossProcess.run(
            ["run", "-"],
            stdin: """
                load corpus
                find --json budgeted
                find --json ~budgeted
                set stem on
                find --json budgeted
                find --json "budgeted"
                """, in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let found = try rows(result.stdout)
        XCTAssertEqual(found.count, 4)
        let exact = found[0]
        let stemmed = found[1]
        XCTAssertEqual(
            exact.count, CorpusFixture.categories.count * CorpusFixture.articlesPerCategory, "one passage per article")
        XCTAssertTrue(exact.allSatisfy { $0.hasSuffix(":s1.p1") }, "\(exact)")
        XCTAssertTrue(Set(exact).isSubset(of: Set(stemmed)))
        // Leads ("the city budget"), "Budgets Under Pressure" headings and the guides' "budget".
        XCTAssertTrue(stemmed.contains("politics/002:s0.p1") && stemmed.contains("politics/002:s1"), "\(stemmed)")
        XCTAssertTrue(stemmed.contains("sig-node/readme:s1.p1"), "\(stemmed)")
        XCTAssertEqual(found[2], stemmed, "set stem on stems bare words")
        XCTAssertEqual(found[3], exact, "a quoted word stays exact")
    }

    func testStatsCountsStems() throws {
        let directory = try corpus()
        let result = try GlossProcess.run(
            ["run", "-"], stdin: "load corpus\nstats --stems --json --top 200\nstats --json --top 200\n",
            in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let outputs = try objects(result.stdout)
        func words(_ json: [String: Any]) -> [String: [String: Any]] {
            Dictionary(uniqueKeysWithValues: (json["words"] as! [[String: Any]]).map { ($0["word"] as! String, $0) })
        }
        let stems = words(outputs[0])
        let plain = words(outputs[1])
        // The row is named by the most frequent form ("budgets": headings and passages have it).
        let budget = try XCTUnwrap(stems["budgets"], "\(stems.keys.sorted())")
        XCTAssertEqual(budget["forms"] as? [String], ["budgets", "budget", "budgeted"])
        let sum = ["budget", "budgets", "budgeted"].map { plain[$0]?["count"] as? Int ?? 0 }.reduce(0, +)
        XCTAssertEqual(budget["count"] as? Int, sum)
        XCTAssertGreaterThan(plain["budget"]?["count"] as? Int ?? 0, 0)
        XCTAssertNil(stems["budget"], "a form is counted under its stem's row")
        XCTAssertNil(plain["budget"]?["forms"], "without --stems words are counted apart")
    }

    func testNearWrittenOtherWaysPointsToTheFormThatWorks() throws {
        let directory = try corpus()
        for (query, column, suggestion) in [
            ("putin NEAR/5 trump", 12, "NEAR(putin trump, 5)"), ("putin NEAR trump", 12, "NEAR(putin trump, 5)"),
        ] {
            let result = try GlossProcess.run(["run", "-"], stdin: "load corpus\nfind \(query)\n", in: directory.url)
            XCTAssertEqual(result.status, 1)
            XCTAssertTrue(
                result.stderr.contains("<stdin>:2:\(column): error: NEAR is written \(suggestion): "), result.stderr)
        }
        let working = try GlossProcess.run(
            ["run", "-"], stdin: "load corpus\nfind --json NEAR(putin trump, 5)\n", in: directory.url)
        XCTAssertEqual(working.status, 0, working.stderr)
        XCTAssertEqual(
            try rows(working.stdout).first?.count,
            CorpusFixture.categories.count * CorpusFixture.articlesPerCategory + 1,
            "every article's second section, and politics/001's third")
    }

    func testStemmingIsSavedSoAReplayCodesTheSamePassages() throws {
        let directory = try corpus()
        let first = try GlossProcess.commands(
            """
            load corpus
            set stem on
            filter budgeted
            tag @ money
            export json original.json
            save stemmed
            """, in: directory.url)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(try directory.read("stemmed.gloss").contains("\nset stem on\n"))
        try directory.write("check.gloss", "replay stemmed.gloss --quiet\nexport json replayed.json\n")
        let replay = try GlossProcess.run(["run", "check.gloss"], in: directory.url)
        XCTAssertEqual(replay.status, 0, replay.stderr)
        func codings(_ name: String) throws -> [[String: Any]] {
            let json = try XCTUnwrap(
                try JSONSerialization.jsonObject(with: Data(try directory.read(name).utf8)) as? [String: Any])
            return try XCTUnwrap(json["codings"] as? [[String: Any]])
        }
        let original = try codings("original.json")
        let replayed = try codings("replayed.json")
        XCTAssertGreaterThan(
            original.count, CorpusFixture.categories.count * CorpusFixture.articlesPerCategory,
            "more than the exact matches")
        XCTAssertEqual(replayed.count, original.count)
        XCTAssertEqual(NSArray(array: replayed), NSArray(array: original))
    }
}
