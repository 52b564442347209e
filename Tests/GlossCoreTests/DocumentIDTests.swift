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

    /// A big load (read and indexed on all cores) gives the ids a one-by-one load would: each file's
    /// id taken in order, suffixed past those already taken, by this load or an earlier one.
    func testIdsStayUniqueInABigLoad() throws {
        let manager = FileManager.default
        let top = manager.temporaryDirectory.appendingPathComponent("gloss-ids-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: top) }
        var random = ReferenceRandom(seed: 5)
        let stems = ["report", "Report", "report-2", "report 3", "notes", "a", "A"]
        for folder in ["one", "two", "three"] {
            try manager.createDirectory(atPath: top + "/corpus/" + folder, withIntermediateDirectories: true)
            for file in 0..<50 {
                let name = "\(stems[random.next(stems.count)])\(file % 4 == 0 ? "" : "-\(random.next(3))")"
                try "Title \(file)\n\nText.\n".write(toFile: "\(top)/corpus/\(folder)/\(name).\(file % 2 == 0 ? "txt" : "md")",
                                                     atomically: false, encoding: .utf8)
            }
        }
        try "Earlier\n\nText.\n".write(toFile: top + "/report-2.txt", atomically: false, encoding: .utf8)
        let session = Session(baseDirectory: top)
        XCTAssertNil(session.execute("load report-2.txt").error)
        XCTAssertNil(session.execute("load corpus").error)
        let documents = session.workspace.documents
        XCTAssertGreaterThanOrEqual(documents.count - 1, 64, "the folder goes through the parallel load")
        var taken: Set<String> = []
        for document in documents {
            let base = Workspace.baseDocumentID(for: document.path)
            var expected = base
            var suffix = 2
            while taken.contains(expected) {
                expected = "\(base)-\(suffix)"
                suffix += 1
            }
            taken.insert(expected)
            XCTAssertEqual(document.id, expected, document.path)
            XCTAssertEqual(session.workspace.documentIndex(id: expected), documents.firstIndex { $0.path == document.path })
        }
    }

    /// Ids worked out on bytes against the rule applied to the characters of the name's stem.
    func testIdsOnBytesAgreeWithTheRuleOnCharacters() {
        let pieces = ["a", "Z", "9", "-", "_", " ", ".", "é", "Ü", "/", "txt", "md", "东", "'"]
        var random = ReferenceRandom(seed: 71)
        for _ in 0..<10_000 {
            let path = "/corpus/" + (0..<random.next(10)).map { _ in pieces[random.next(pieces.count)] }.joined()
            XCTAssertEqual(Workspace.baseDocumentID(for: path), Self.reference(path), path.debugDescription)
        }
    }

    /// The stem cut on characters, and the id rule applied to its characters.
    private static func reference(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        var stem = name
        if !name.hasPrefix("."), let dot = name.lastIndex(of: ".") { stem = name[..<dot] }
        return Workspace.documentID(ofStem: stem)
    }
}
