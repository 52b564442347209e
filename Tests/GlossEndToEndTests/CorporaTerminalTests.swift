import Foundation
import XCTest

/// What a corpus load shows at a terminal: the progress bar on standard error, erased before the
/// summary line.
final class CorporaTerminalTests: XCTestCase {
    func testABigLoadDrawsAProgressBarAndErasesIt() throws {
        let directory = try TemporaryDirectory()
        for number in 0..<80 {
            try directory.write(
                "many/\(number % 4)/\(String(format: "%03d", number)).txt", "Story \(number)\n\nText \(number).\n")
        }
        // The bar waits a second before it appears; the test asks for it at once.
        let terminal = try PseudoTerminal(
            [], in: directory.url, environment: ["GLOSS_PROGRESS_DELAY": "0"], columns: 100, rows: 40)
        defer { terminal.terminate() }
        try terminal.waitForPrompt()
        try terminal.send("load many\r")
        let printed = try terminal.expect("loaded 80 documents from many")
        XCTAssertTrue(printed.contains("loading ["), PseudoTerminal.visible(printed))
        XCTAssertTrue(printed.contains(" of 80 files"), PseudoTerminal.visible(printed))
        let erased = try XCTUnwrap(
            printed.range(of: "\r\u{1B}[K", options: .backwards), PseudoTerminal.visible(printed))
        XCTAssertFalse(printed[erased.upperBound...].contains("loading ["), "nothing is drawn after the bar is erased")
        try terminal.waitForPrompt("gloss 000> ")
        try terminal.send("quit\r")
        XCTAssertEqual(try terminal.waitForExit(), .exited(0))
    }
}
