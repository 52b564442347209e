import Foundation
import XCTest
import ZIPFoundation

/// Every export format of the example session on the shared sample, compared with golden files
/// (timestamps blanked). `GLOSS_RECORD=1 swift test --filter ExportGoldenTests` writes the golden
/// files from what the binary produces instead (then read the diff before committing it).
final class ExportGoldenTests: XCTestCase {
    private static var golden: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }
    private static var recording: Bool { ProcessInfo.processInfo.environment["GLOSS_RECORD"] == "1" }

    /// Compares with the golden file byte for byte, or records it.
    private func check(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.golden.appendingPathComponent(name)
        if Self.recording {
            try Data(actual.utf8).write(to: url)
            return
        }
        XCTAssertEqual(
            actual, String(decoding: try Data(contentsOf: url), as: UTF8.self),
            "differs from Golden/\(name) (GLOSS_RECORD=1 records it)", file: file, line: line)
    }

    private func bytes(_ name: String, in directory: TemporaryDirectory) throws -> String {
        String(decoding: try Data(contentsOf: directory.url.appendingPathComponent(name)), as: UTF8.self)
    }

    private static func blankDates(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"(creation|modified)DateTime="[^"]*""#, with: "$1DateTime=\"DATE\"", options: .regularExpression
        )
        .replacingOccurrences(
            of: #"(?m)^gloss \d+\.\d+\.\d+ · [0-9TZ:-]+ ·"#, with: "gloss VERSION · DATE ·", options: .regularExpression
        )
    }

    func testEveryFormatMatchesItsGoldenFile() throws {
        let directory = try TemporaryDirectory()
        let repository = GlossProcess.repositoryRoot
        try directory.write(
            "sessions/code-harbor.gloss",
            try String(contentsOf: repository.appendingPathComponent("sessions/code-harbor.gloss"), encoding: .utf8))
        try directory.write(
            "sessions/articles/harbor-barrier-vote.txt",
            try String(
                contentsOf: GlossProcess.samples.appendingPathComponent("harbor-barrier-vote.txt"), encoding: .utf8))
        let formats = ["csv", "md", "html", "qdc", "notebook", "qdpx"]
        let script =
            "replay sessions/code-harbor.gloss --quiet\n"
            + formats.map { "export \($0) out.\($0 == "notebook" ? "notebook.md" : $0)" }.joined(separator: "\n") + "\n"
        try directory.write("export.gloss", script)
        let result = try GlossProcess.run(["run", "export.gloss"], in: directory.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        for format in ["csv", "md", "html", "qdc"] {
            try check(try bytes("out.\(format)", in: directory), "code-harbor.\(format)")
        }
        try check(Self.blankDates(try bytes("out.notebook.md", in: directory)), "code-harbor.notebook.md")
        let archive = try Archive(url: directory.url.appendingPathComponent("out.qdpx"), accessMode: .read)
        var project = Data()
        _ = try archive.extract(try XCTUnwrap(archive["project.qde"])) { project.append($0) }
        try check(Self.blankDates(String(decoding: project, as: UTF8.self)), "code-harbor.project.qde")
        let sources = archive.filter { $0.path.hasPrefix("Sources/") }
        XCTAssertEqual(sources.count, 1)
        var source = Data()
        _ = try archive.extract(sources[0]) { source.append($0) }
        XCTAssertTrue(String(decoding: source, as: UTF8.self).hasPrefix("The city council of Port Alder"))
    }
}
