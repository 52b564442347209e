import Foundation
import XCTest

/// Hostile inputs through the built binary: each ends in a clear error or a sensible result, with the
/// process alive to say so (a stack overflow or an abort shows as a signal, not an exit status).
final class HostileInputBatchTests: XCTestCase {
    private func assertNoSignal(
        _ result: GlossProcess.Result, _ what: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        // A process killed by a signal reports 128 + the signal through Process, or the signal itself.
        XCTAssertTrue(
            result.status == 0 || result.status == 1,
            "\(what): exit status \(result.status)\n\(result.stderr.suffix(2_000))",
            file: file, line: line)
    }

    func testDeeplyNestedQueriesAreRefusedWithTheirColumn() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", "The council met to vote on the harbor barrier.\n")
        let queries: [(String, Int)] = [
            (String(repeating: "(", count: 10_000) + "barrier" + String(repeating: ")", count: 10_000), 257),
            (String(repeating: "NOT ", count: 100_000) + "barrier", 1 + 256 * 4),
            (String(repeating: "-", count: 100_000) + "barrier", 257),
        ]
        for (query, column) in queries {
            let result = try GlossProcess.run(["a.txt"], stdin: "find \(query)\n", in: directory.url)
            assertNoSignal(result, String(query.prefix(12)))
            XCTAssertTrue(
                result.stderr.contains("<stdin>:1:\(column + 5): error: query nested too deeply (more than 256 levels"),
                String(result.stderr.prefix(300)))
        }
        // At the limit, the query runs.
        let deepest = String(repeating: "(", count: 256) + "barrier" + String(repeating: ")", count: 256)
        let result = try GlossProcess.run(["a.txt"], stdin: "find \(deepest) --json\n", in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\"address\": \"s0.p1\""), result.stdout)
    }

    func testDeeplyNestedMarkdownLoads() throws {
        let directory = try TemporaryDirectory()
        try directory.write("lists.md", String(repeating: "- ", count: 100_000) + "deep\n")
        try directory.write(
            "quotes.md",
            String(repeating: ">", count: 100_000) + " deep\n" + String(repeating: "more\n", count: 100_000))
        let result = try GlossProcess.run(["lists.md", "quotes.md"], stdin: "find deep --json\n", in: directory.url)
        assertNoSignal(result, "nested Markdown")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("loaded lists  0 sections · 1 passage"), result.stderr)
        XCTAssertTrue(result.stderr.contains("loaded quotes  0 sections · 1 passage"), result.stderr)
        XCTAssertTrue(result.stdout.contains("\"total\": 2"), String(result.stdout.prefix(500)))
    }

    func testARegexPCRE2GivesUpOnFailsTheCommand() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", String(repeating: "x", count: 40) + " and a zebra.\n\nA zebra alone.\n")
        let result = try GlossProcess.run(["a.txt"], stdin: "find /(x+x+)+y|zebra/\n", in: directory.url)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(
            result.stderr.contains("<stdin>:1:6: error: regex too complex at a:s0.p1 (PCRE2: match limit exceeded)"),
            result.stderr)
        XCTAssertFalse(result.stdout.contains("zebra"), "no partial result")
    }

    /// A 50 GB file aborted on allocation and a 4 GB one was read whole before "binary file": both are
    /// refused up front now (sparse files, no disk used).
    func testHugeFilesAreRefusedBeforeTheyAreRead() throws {
        let directory = try TemporaryDirectory()
        for (name, size) in [("huge.txt", 50 << 30), ("big.md", 4 << 30)] {
            let path = directory.url.appendingPathComponent(name).path
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
            XCTAssertEqual(truncate(path, off_t(size)), 0)
        }
        let script = "load huge.txt\nload big.md\nset max-file-size 64G\nload huge.txt\nload big.md\n"
        try directory.write("probe.gloss", script)
        let result = try GlossProcess.run(["run", "--keep-going", "probe.gloss"], in: directory.url)
        assertNoSignal(result, "huge files")
        XCTAssertEqual(
            result.stderr.split(separator: "\n").map(String.init),
            [
                "probe.gloss:1:6: error: huge.txt: 50 GB is over the 256 MB limit (set max-file-size 50G to read it)",
                "probe.gloss:2:6: error: big.md: 4 GB is over the 256 MB limit (set max-file-size 4G to read it)",
                "probe.gloss:4:6: error: huge.txt: binary file (NUL byte at offset 0); gloss reads text and Markdown articles",
                "probe.gloss:5:6: error: big.md: binary file (NUL byte at offset 0); gloss reads text and Markdown articles",
            ])
    }
}
