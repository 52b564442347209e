import Foundation
import XCTest

/// Small defects an analyst's long session found (#22), each through the real binary.
final class PolishTests: XCTestCase {
    private func project() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let article = try String(
            contentsOf: GlossProcess.samples.appendingPathComponent("harbor-barrier-vote.txt"), encoding: .utf8)
        try directory.write("harbor.txt", article)
        return directory
    }

    /// `filter` with no query and no filter to list is a usage error, as `find` is.
    func testFilterWithoutAQueryIsAUsageError() throws {
        let directory = try project()
        let result = try GlossProcess.commands("filter\n", files: ["harbor.txt"], in: directory.url)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("<stdin>:1:7: error: missing QUERY: usage: filter QUERY"), result.stderr)
        let stack = try GlossProcess.commands("filter barrier\nfilter\n", files: ["harbor.txt"], in: directory.url)
        XCTAssertEqual(stack.status, 0, stack.stderr)
        XCTAssertTrue(stack.stdout.contains("  1  barrier"), stack.stdout)
    }

    /// The passage a missing quote was looked for in is wrapped at word boundaries.
    func testAMissingQuoteShowsThePassageWrappedAtWords() throws {
        let directory = try project()
        let result = try GlossProcess.run(
            ["harbor.txt", "--width", "40"], stdin: "mark s3.p2 \"not in it\" x\n", in: directory.url)
        XCTAssertEqual(result.status, 1)
        let lines = result.stderr.split(separator: "\n").drop { !$0.contains("error:") }.dropFirst()
        XCTAssertGreaterThan(lines.count, 3, result.stderr)
        let words = Set(
            try String(contentsOf: directory.url.appendingPathComponent("harbor.txt"), encoding: .utf8)
                .split(whereSeparator: \.isWhitespace).map(String.init))
        for line in lines {
            XCTAssertLessThanOrEqual(line.count, 40, String(line))
            XCTAssertTrue(line.hasPrefix("  "), String(line))
            for word in line.split(separator: " ") {
                XCTAssertTrue(words.contains(String(word)), "'\(word)' is cut: \(line)")
            }
        }
    }

    /// `history` numbers what it lists, without the gaps of commands it does not list.
    func testHistoryNumbersHaveNoGaps() throws {
        let directory = try project()
        let result = try GlossProcess.commands(
            "help\ntag s1 x\nexport json out.json\nset width 100\nhistory\n", files: ["harbor.txt"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let listed = result.stdout.split(separator: "\n").suffix(3).map { String($0.prefix(1)) }
        XCTAssertEqual(listed, ["1", "2", "3"], result.stdout)
    }

    /// Every state change says what it did.
    func testDescribingColouringAndEditingSayWhatTheyDid() throws {
        let directory = try project()
        let result = try GlossProcess.commands(
            """
            tags describe cost "Money matters"
            tags color cost red
            tags color cost none
            tags describe cost ""
            note s1 "first"
            note edit n1 "second"
            """, files: ["harbor.txt"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        for expected in [
            "described [cost]: Money matters", "coloured [cost] red", "removed the colour of [cost]",
            "removed the description of [cost]", "n1 now reads: second",
        ] {
            XCTAssertTrue(result.stderr.contains(expected), "\(expected):\n\(result.stderr)")
        }
    }

    /// FILE arguments a script does not use are said; a missing one is asked for by name.
    func testUnusedAndMissingFileArguments() throws {
        let directory = try project()
        try directory.write("second.txt", "Second\n\nA paragraph.\n")
        try directory.write("one.gloss", "load ${1}\ndocs\n")
        let extra = try GlossProcess.run(["run", "one.gloss", "harbor.txt", "second.txt"], in: directory.url)
        XCTAssertEqual(extra.status, 0, extra.stderr)
        XCTAssertTrue(extra.stderr.contains("one.gloss uses ${1} only; not used: second.txt"), extra.stderr)
        let missing = try GlossProcess.run(["run", "one.gloss"], in: directory.url)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(
            missing.stderr.contains("one.gloss:1:6: error: this script expects a FILE argument for ${1}"),
            missing.stderr)
    }

    /// A report script run again replaces its own output with gloss run --force, inside the folder only.
    func testRunForceLetsAReportScriptReplaceItsOutput() throws {
        let directory = try project()
        try directory.write("report.gloss", "load harbor.txt\ntag s1 x\nexport md report.md\nsave again\n")
        XCTAssertEqual(try GlossProcess.run(["run", "report.gloss"], in: directory.url).status, 0)
        let second = try GlossProcess.run(["run", "report.gloss"], in: directory.url)
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.contains("report.md exists; add --force to overwrite it"), second.stderr)
        let forced = try GlossProcess.run(["run", "--force", "report.gloss"], in: directory.url)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        try directory.write("escape.gloss", "load harbor.txt\nexport md ../outside-report.md\n")
        let outside = try GlossProcess.run(["run", "--force", "escape.gloss"], in: directory.url)
        XCTAssertEqual(outside.status, 1)
        XCTAssertTrue(outside.stderr.contains("a script may not write ../outside-report.md"), outside.stderr)
    }
}
