import XCTest
@testable import GlossCore

/// Document ids come from file names: lowercase words joined by `-`, made unique with `-2`, `-3`.
final class DocumentIDTests: XCTestCase {
    func testIdsFromFileNames() {
        let cases = [
            "articles/Harbor Barrier Vote.txt": "harbor-barrier-vote",
            "/srv/news/2026/a000123-rates-rise.md": "a000123-rates-rise",
            "dir.v2/file": "file",
            "a.b.c.md": "a-b-c",
            ".notes.txt": "notes-txt",
            "news/.hidden": "hidden",
            "Zürich Überblick.md": "zürich-überblick",
            "___.txt": "doc",
            "東京.txt": "東京",
        ]
        for (path, id) in cases {
            XCTAssertEqual(Workspace.baseDocumentID(for: path), id, path)
        }
    }

    func testIdsAreMadeUnique() {
        let workspace = Workspace()
        let paths = ["a/report.txt", "b/report.md", "c/Report.txt"]
        workspace.add(paths.map { path -> Document in
            var document = DocumentLoader.parse("Title\n\nA paragraph.\n", pathExtension: "txt")
            document.path = path
            return document
        })
        XCTAssertEqual(workspace.documents.map(\.id), ["report", "report-2", "report-3"])
    }
}
