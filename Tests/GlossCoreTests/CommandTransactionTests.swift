import Foundation
import XCTest

@testable import GlossCore

/// Each command line records its changes in its own transaction: the lines a `replay` runs inside it
/// record into theirs, and cannot drop what the outer line had done before them.
final class CommandTransactionTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-transaction-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "tag s0.p2 inner\n".write(
            to: folder.appendingPathComponent("inner.gloss"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func session() -> Session {
        TestSession.make([("queries.txt", QueryLanguageTests.article)])
    }

    private func tags(of address: String, in session: Session) throws -> [String] {
        let ref = try session.workspace.resolveTargets(address)[0]
        let annotations = session.workspace.annotations
        return (annotations.elementTags[ref] ?? []).compactMap { annotations.tags[$0]?.path }.sorted()
    }

    func testUndoOfALineThatReplaysUndoesWhatTheLineDidBeforeTheReplay() throws {
        let session = session()
        let inner = folder.appendingPathComponent("inner.gloss").path
        try TestSession.run("tag s0.p1 outer\nreplay \(inner)", in: session)
        XCTAssertEqual(try tags(of: "s0.p1", in: session), ["outer"])
        XCTAssertEqual(try tags(of: "s0.p2", in: session), ["inner"])
        // The replayed line came first in history; the outer line is the last one, and undoes its own tag.
        XCTAssertEqual(
            session.history.last?.touched, [ElementRef(document: 0, address: .passage(section: 0, number: 1))])
        try TestSession.run("undo", in: session)
        XCTAssertEqual(try tags(of: "s0.p1", in: session), [])
        XCTAssertEqual(try tags(of: "s0.p2", in: session), ["inner"])
    }

    func testALineThatFailsAfterAReplayRollsBackWhatItDidBeforeTheReplay() throws {
        let session = session()
        let inner = folder.appendingPathComponent("inner.gloss").path
        XCTAssertNotNil(TestSession.failure("tag s0.p1 outer\nreplay \(inner)\ntag s99.p1 late", in: session))
        XCTAssertEqual(try tags(of: "s0.p1", in: session), [])
        // The replayed line completed on its own: it stays, as a history entry of its own.
        XCTAssertEqual(try tags(of: "s0.p2", in: session), ["inner"])
    }
}
