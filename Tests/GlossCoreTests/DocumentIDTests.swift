import XCTest

@testable import GlossCore

/// Document ids come from file names (lowercase words joined by `-`), and from the end of the path when
/// several documents have the same name.
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
            XCTAssertEqual(Corpus.baseDocumentID(for: path), id, path)
        }
    }

    /// Namesakes are told apart by the shortest end of their paths that differs.
    func testNamesakesTakeTheShortestDistinctPathSuffix() {
        let workspace = Workspace()
        func add(_ paths: [String]) {
            workspace.add(
                paths.map { path -> Document in
                    var document = DocumentLoader.parse(
                        "Title \(path)\n\nA paragraph of \(path).\n", pathExtension: "txt")
                    document.path = path
                    return document
                })
        }
        add(["a/report.txt", "b/report.md", "c/Report.txt", "notes.txt"])
        XCTAssertEqual(workspace.corpus.documents.map(\.id), ["a/report", "b/report", "c/report", "notes"])
        // A later namesake never renames an earlier document: it takes a suffix of its own.
        add(["d/notes.txt", "x/a/report.txt", "y/a/report.txt"])
        XCTAssertEqual(workspace.corpus.documents.map(\.id).suffix(3), ["d/notes", "x/a/report", "y/a/report"])
        // A stem free as an id but ending other documents' paths is told apart from them.
        add(["z/report.txt"])
        XCTAssertEqual(workspace.corpus.documents.last?.id, "z/report")
        // The same name twice in one folder: the extension tells them apart; read the same way with the
        // same extension too, a number.
        add(["q/Same Name.txt", "q/same-name.md", "r/same-name.txt"])
        XCTAssertEqual(workspace.corpus.documents.map(\.id).suffix(3), ["same-name-txt", "same-name-md", "same-name"])
        add(["s/Brief.txt", "s/brief.txt"])
        XCTAssertEqual(workspace.corpus.documents.map(\.id).suffix(2), ["brief-2", "brief-3"])
        for (index, document) in workspace.corpus.documents.enumerated() {
            XCTAssertEqual(workspace.corpus.documentIndex(id: document.id), index, document.id)
        }
    }

    /// A big load (read and indexed on all cores) gives every document a distinct id that ends its
    /// path, no longer than needed: one component fewer would name another document's path too, or an
    /// id taken before.
    func testIdsStayUniqueAndShortestInABigLoad() throws {
        let manager = FileManager.default
        let top = manager.temporaryDirectory.appendingPathComponent("gloss-ids-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: top) }
        var random = ReferenceRandom(seed: 5)
        let stems = ["report", "Report", "report-2", "report 3", "notes", "a", "A"]
        for folder in ["one", "two", "three", "two/one"] {
            try manager.createDirectory(atPath: top + "/corpus/" + folder, withIntermediateDirectories: true)
            for file in 0..<50 {
                let name = "\(stems[random.next(stems.count)])\(file % 4 == 0 ? "" : "-\(random.next(3))")"
                try "Title \(folder) \(file)\n\nText of \(folder) \(file).\n".write(
                    toFile: "\(top)/corpus/\(folder)/\(name).\(file % 2 == 0 ? "txt" : "md")", atomically: false,
                    encoding: .utf8)
            }
        }
        try "Earlier\n\nText.\n".write(toFile: top + "/report-2.txt", atomically: false, encoding: .utf8)
        let session = Session(baseDirectory: top)
        XCTAssertNil(session.execute("load report-2.txt").error)
        XCTAssertEqual(session.workspace.corpus.documents[0].id, "report-2")
        XCTAssertNil(session.execute("load corpus").error)
        let workspace = session.workspace
        let loaded = workspace.corpus.loadedDocumentIndices
        XCTAssertGreaterThanOrEqual(loaded.count - 1, 64, "the folder goes through the parallel load")
        XCTAssertEqual(Set(loaded.map { workspace.corpus.documents[$0].id }).count, loaded.count, "ids are distinct")
        let suffixes = loaded.map { index -> [[String]] in
            let document = workspace.corpus.documents[index]
            let base = Corpus.baseDocumentID(for: document.path)
            let folders = Corpus.folderIDs(of: document)
            // Beside a file of its folder with the same stem and another extension, the extension joins the stem.
            let withExtension = base + "-" + (document.path as NSString).pathExtension.lowercased()
            return [base, withExtension].map { base in
                (0...folders.count).map { depth in (folders[..<depth].reversed() + [base]).joined(separator: "/") }
            }
        }
        for (position, index) in loaded.enumerated().dropFirst() {
            let id = workspace.corpus.documents[index].id
            let lists = suffixes[position]
            guard let (own, depth) = lists.lazy.compactMap({ list in list.firstIndex(of: id).map { (list, $0) } }).first
            else {
                // Only a path that reads the same as another's all the way up is numbered.
                XCTAssertTrue(
                    id.hasPrefix(lists[0][0] + "-"), "\(id) ends \(workspace.corpus.documents[index].sourcePath)")
                continue
            }
            guard depth > 0 else { continue }
            let shorter = own[depth - 1]
            let sharedWithAnother = suffixes.indices.contains {
                $0 != position && suffixes[$0].joined().contains(shorter)
            }
            XCTAssertTrue(sharedWithAnother || shorter == "report-2", "\(id): \(shorter) was enough")
        }
        XCTAssertEqual(workspace.corpus.documentIndex(id: "report-2"), 0, "the earlier document keeps its id")
    }

    /// Ids worked out on bytes against the rule applied to the characters of the name's stem.
    func testIdsOnBytesAgreeWithTheRuleOnCharacters() {
        let pieces = ["a", "Z", "9", "-", "_", " ", ".", "é", "Ü", "/", "txt", "md", "东", "'"]
        var random = ReferenceRandom(seed: 71)
        for _ in 0..<10_000 {
            let path = "/corpus/" + (0..<random.next(10)).map { _ in pieces[random.next(pieces.count)] }.joined()
            XCTAssertEqual(Corpus.baseDocumentID(for: path), Self.reference(path), path.debugDescription)
        }
    }

    /// The stem cut on characters, and the id rule applied to its characters.
    private static func reference(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        var stem = name
        if !name.hasPrefix("."), let dot = name.lastIndex(of: ".") { stem = name[..<dot] }
        return Corpus.documentID(ofStem: stem)
    }
}
