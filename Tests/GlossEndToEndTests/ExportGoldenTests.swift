import Foundation
import XCTest
import ZIPFoundation

/// Every export format of the example session on the shared sample, compared with golden files
/// (timestamps blanked). Regenerate a golden file by exporting the same session and replacing it.
final class ExportGoldenTests: XCTestCase {
    private static var golden: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden") }

    private func goldenText(_ name: String) throws -> String {
        try String(contentsOf: Self.golden.appendingPathComponent(name), encoding: .utf8)
    }

    private static func blankDates(_ text: String) -> String {
        text.replacingOccurrences(of: #"(creation|modified)DateTime="[^"]*""#, with: "$1DateTime=\"DATE\"", options: .regularExpression)
            .replacingOccurrences(of: #"(?m)^gloss \d+\.\d+\.\d+ · [0-9TZ:-]+ ·"#, with: "gloss VERSION · DATE ·", options: .regularExpression)
    }

    func testEveryFormatMatchesItsGoldenFile() throws {
        let directory = try TemporaryDirectory()
        let repository = GlossProcess.repositoryRoot
        try directory.write("sessions/code-harbor.gloss", try String(contentsOf: repository.appendingPathComponent("sessions/code-harbor.gloss"), encoding: .utf8))
        try directory.write("sessions/articles/harbor-barrier-vote.txt",
                            try String(contentsOf: GlossProcess.samples.appendingPathComponent("harbor-barrier-vote.txt"), encoding: .utf8))
        let formats = ["csv", "md", "html", "qdc", "notebook", "qdpx"]
        let script = "replay sessions/code-harbor.gloss --quiet\n"
            + formats.map { "export \($0) out.\($0 == "notebook" ? "notebook.md" : $0)" }.joined(separator: "\n") + "\n"
        try directory.write("export.gloss", script)
        let result = try GlossProcess.run(["run", "export.gloss"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        for format in ["csv", "md", "html", "qdc"] {
            XCTAssertEqual(try directory.read("out.\(format)"), try goldenText("code-harbor.\(format)"), "export \(format) differs from Golden/code-harbor.\(format)")
        }
        XCTAssertEqual(Self.blankDates(try directory.read("out.notebook.md")), try goldenText("code-harbor.notebook.md"))
        let archive = try Archive(url: directory.url.appendingPathComponent("out.qdpx"), accessMode: .read)
        var project = Data()
        _ = try archive.extract(try XCTUnwrap(archive["project.qde"])) { project.append($0) }
        XCTAssertEqual(Self.blankDates(String(decoding: project, as: UTF8.self)), try goldenText("code-harbor.project.qde"))
        let sources = archive.filter { $0.path.hasPrefix("Sources/") }
        XCTAssertEqual(sources.count, 1)
        var source = Data()
        _ = try archive.extract(sources[0]) { source.append($0) }
        XCTAssertTrue(String(decoding: source, as: UTF8.self).hasPrefix("The city council of Port Alder"))
    }
}
