import Foundation
import XCTest

@testable import GlossCore

/// The whole text of `help` and of `help COMMAND` for every command, at a fixed width, compared with a
/// snapshot. After a deliberate change, `GLOSS_RECORD=1 swift test --filter HelpSnapshotTests` writes
/// the snapshot again; read its diff before committing it.
final class HelpSnapshotTests: XCTestCase {
    private static var snapshot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/help.txt")
    }

    func testHelpOfEveryCommandMatchesItsSnapshot() throws {
        let session = Session()
        session.frontEnd.terminalWidth = 100
        var text = "$ help\n" + (try TestSession.run("help", in: session))
        for spec in CommandRegistry.standard.commands {
            text += "\n$ help \(spec.name)\n" + (try TestSession.run("help \(spec.name)", in: session))
        }
        for topic in HelpTopics.names {
            text += "\n$ help \(topic)\n" + (try TestSession.run("help \(topic)", in: session))
        }
        if ProcessInfo.processInfo.environment["GLOSS_RECORD"] == "1" {
            try Data(text.utf8).write(to: Self.snapshot)
            return
        }
        let expected = String(decoding: try Data(contentsOf: Self.snapshot), as: UTF8.self)
        if text != expected {
            let mine = text.split(separator: "\n", omittingEmptySubsequences: false)
            let theirs = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first =
                zip(mine, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(mine.count, theirs.count)
            XCTFail(
                "help differs from Snapshots/help.txt at line \(first + 1) (GLOSS_RECORD=1 records it):\n"
                    + "now:      \(first < mine.count ? mine[first] : "<end>")\nsnapshot: \(first < theirs.count ? theirs[first] : "<end>")"
            )
        }
    }
}
