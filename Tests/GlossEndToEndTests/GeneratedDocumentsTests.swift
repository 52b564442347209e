import Foundation
import XCTest

/// The documents GlossBench writes for its format benchmark (`--formats`) open in gloss and read back
/// to the outline they were written with, so the benchmark cannot silently time junk: every DOCX,
/// ODT, EPUB and PDF folder, and its Markdown peer, gives the sections and passages the generator
/// counted, and the office documents keep their comments.
final class GeneratedDocumentsTests: XCTestCase {
    func testEveryFormatReadsBackToTheOutlineItWasWrittenWith() throws {
        let bench = try GlossProcess.binary.deletingLastPathComponent().appendingPathComponent("GlossBench")
        guard FileManager.default.isExecutableFile(atPath: bench.path) else { throw XCTSkip("GlossBench not built") }
        let directory = try TemporaryDirectory()
        try CorpusFixture.write(into: directory, folder: "articles")
        for name in ["harbor-barrier-vote.txt", "river-towns-broadband.md"] {
            try FileManager.default.copyItem(
                at: GlossProcess.samples.appendingPathComponent(name),
                to: directory.url.appendingPathComponent("articles/" + name))
        }

        let process = Process()
        process.executableURL = bench
        process.arguments = [
            "articles", "--formats", "all", "--write-documents", "--format-sizes", "0.02,0.04",
            "--pdf-pages", "6", "--format-documents", "2", "--format-out", "documents",
        ]
        process.currentDirectoryURL = directory.url
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let listing = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sets = try XCTUnwrap(listing["sets"] as? [[String: Any]])
        XCTAssertEqual(
            sets.map { $0["format"] as? String ?? "" },
            ["docx", "odt", "epub", "markdown", "docx", "odt", "epub", "markdown", "pdf", "markdown"])

        for set in sets {
            let folder = try XCTUnwrap(set["folder"] as? String)
            let format = try XCTUnwrap(set["format"] as? String)
            let expected = try XCTUnwrap(set["expected"] as? [String: Int])
            let result = try GlossProcess.commands("load \(folder)\ndocs --json\n", in: directory.url)
            XCTAssertEqual(result.status, 0, result.stderr)
            let documents = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(result.stdout.drop { $0 != "[" }.utf8)) as? [[String: Any]])
            XCTAssertEqual(documents.count, 2, "\(folder): \(result.stdout)")
            XCTAssertTrue(documents.allSatisfy { $0["format"] as? String == format }, "\(folder): \(result.stdout)")
            let sections = documents.reduce(0) { $0 + ($1["sections"] as? Int ?? 0) }
            let passages = documents.reduce(0) { $0 + ($1["passages"] as? Int ?? 0) }
            XCTAssertEqual(sections, expected["sections"], "\(folder): sections")
            XCTAssertEqual(passages, expected["passages"], "\(folder): passages")
            XCTAssertGreaterThan(passages, 20, folder)
            if let comments = set["comments"] as? Int, comments > 0 {
                XCTAssertTrue(
                    result.stderr.contains("\(comments) comments from the documents kept as notes"),
                    "\(folder): \(result.stderr)")
            }
        }
        let pdf = try XCTUnwrap(sets.first { $0["format"] as? String == "pdf" })
        XCTAssertEqual(pdf["pages"] as? Int, 6)
    }
}
