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
        let again = try GlossProcess.commands("load corpus\nload corpus/sport/003.txt\ntag ${doc}: checked\n", in: directory.url)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("tagged sport/003: [checked]"), again.stderr)
    }

    func testTagAllSaysWhyTheViewHasNothingToTag() throws {
        let directory = try corpus()
        let result = try GlossProcess.run(["run", "-"], stdin: "load corpus\nfilter kind:title\ntag @ x\n", in: directory.url)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(
            "<stdin>:3:5: error: @ leaves out headings and titles, and the view holds only those (14 units): name a section (s2) or a whole document (DOC:) by its address instead"),
            result.stderr)
    }
}
