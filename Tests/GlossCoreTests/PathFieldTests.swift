import XCTest

@testable import GlossCore

/// `path:` against the paths documents were read from: globs over any end of the path, plain values
/// naming a file or its folders, case and extension ignored.
final class PathFieldTests: XCTestCase {
    func testValuesAgainstPaths() {
        let path = "/data/bbc/politics/001.txt"
        let matching = [
            "politics/*", "politics", "bbc/politics", "politics/001", "politics/001.txt", "001", "001.TXT",
            "POLITICS/*", "*.txt", "bbc/*", "*/001", "/data/bbc/*", "*", "pol*/0?1",
        ]
        for value in matching {
            XCTAssertTrue(MetadataMatch.pathMatches(value, path), value)
        }
        let other = ["sport/*", "polit", "olitics/*", "002", "*.md", "politics/001.md", "data/politics/*", "ics/001"]
        for value in other {
            XCTAssertFalse(MetadataMatch.pathMatches(value, path), value)
        }
        XCTAssertTrue(MetadataMatch.pathMatches("bbc", path), "a plain value names a folder the file is in")
    }

    func testQueriesSelectDocumentsByPath() throws {
        let session = TestSession.make([
            ("politics/001.txt", "Budget talks\n\nThe budget is late.\n"),
            ("sport/001.txt", "Fans\n\nThe budget of the club.\n"),
            ("guides/readme.md", "# Guide\n\nA budget guide.\n"),
        ])
        XCTAssertEqual(try TestSession.matches("budget path:sport/*", in: session), ["sport/001:s0.p1"])
        XCTAssertEqual(try TestSession.matches("budget -path:politics", in: session).count, 2)
        XCTAssertEqual(try TestSession.matches("path:*.md kind:paragraph", in: session).count, 1)
        XCTAssertEqual(TestSession.failure("find path:", in: session)?.column, 11, "at the missing value")
    }
}
