import XCTest

@testable import GlossCore

/// Showing and hiding runs of documents: the inverse of an edit gives every document back its state,
/// also when the run mixes shown and hidden ones.
final class WorkspaceEditTests: XCTestCase {
    func testHidingARunIsUndoneDocumentByDocument() {
        var random = ReferenceRandom(seed: 3)
        for round in 0..<200 {
            let workspace = Workspace()
            let count = 1 + random.next(9)
            workspace.add(
                (0..<count).map { index -> Document in
                    var document = DocumentLoader.parse("Title \(index)\n\nText \(index).\n", pathExtension: "txt")
                    document.path = "doc\(index).txt"
                    return document
                })
            for document in 0..<count where random.next(3) == 0 {
                workspace.setLoaded(document..<(document + 1), false)
            }
            let before = (
                workspace.corpus.isLoaded, workspace.corpus.loadedDocumentCount,
                workspace.corpus.loadedDocumentIndices.map { workspace.corpus.documents[$0].id }
            )
            let start = random.next(count)
            let range = start..<(start + 1 + random.next(count - start))
            let show = random.next(2) == 0
            let inverses = workspace.applyReturningInverses([.setLoaded(documents: range, show)])
            XCTAssertEqual(
                Array(workspace.corpus.isLoaded[range]), Array(repeating: show, count: range.count), "round \(round)")
            XCTAssertEqual(workspace.corpus.loadedDocumentCount, workspace.corpus.isLoaded.filter { $0 }.count)
            _ = workspace.applyReturningInverses(inverses)
            XCTAssertEqual(workspace.corpus.isLoaded, before.0, "round \(round): \(range) \(show)")
            XCTAssertEqual(workspace.corpus.loadedDocumentCount, before.1)
            XCTAssertEqual(workspace.corpus.loadedDocumentIndices.map { workspace.corpus.documents[$0].id }, before.2)
            for document in workspace.corpus.loadedDocumentIndices {
                XCTAssertEqual(workspace.corpus.documentIndex(id: workspace.corpus.documents[document].id), document)
            }
        }
    }
}
