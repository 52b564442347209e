import Foundation
import XCTest

/// Drives the real `gloss` binary at a pseudo-terminal: Tab completion, history, Ctrl-C, Ctrl-D and the prompt.
/// Every key is typed only after the prompt is shown and the line editor is in raw mode.
final class InteractiveTests: XCTestCase {
    private var terminals: [PseudoTerminal] = []

    private var harborArticle: String {
        GlossProcess.samples.appendingPathComponent("harbor-barrier-vote.txt").path
    }

    override func tearDown() {
        // Kills any child a failing test left running.
        for terminal in terminals { terminal.terminate() }
        terminals = []
        super.tearDown()
    }

    private func launch(_ arguments: [String] = [], in directory: TemporaryDirectory) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(arguments, in: directory.url)
        terminals.append(terminal)
        return terminal
    }

    /// Ends the session with Ctrl-D at an empty prompt and checks the exit status.
    private func endSession(_ terminal: PseudoTerminal, file: StaticString = #filePath, line: UInt = #line) throws {
        try terminal.send(PseudoTerminal.Key.ctrlD)
        let termination = try terminal.waitForExit(file: file, line: line)
        XCTAssertEqual(termination, .exited(0), PseudoTerminal.visible(terminal.output), file: file, line: line)
    }

    func testTabCompletesCommandNameAndEnterRunsIt() throws {
        let directory = try TemporaryDirectory()
        let terminal = try launch(in: directory)
        try terminal.waitForPrompt()
        try terminal.send("hel")
        try terminal.waitUntil("the echo of `hel`") { $0.hasSuffix("hel") }
        try terminal.send(PseudoTerminal.Key.tab)
        // The unique candidate is completed with a trailing space (libedit may redraw the whole line).
        try terminal.waitUntil("the line to become `help `") { $0.hasSuffix("help ") }
        try terminal.expect("help ")
        try terminal.send(PseudoTerminal.Key.enter)
        let helpOutput = try terminal.expect("gloss> ")
        XCTAssertTrue(helpOutput.contains("Filtering and searching"), PseudoTerminal.visible(helpOutput))
        XCTAssertTrue(helpOutput.contains("help COMMAND shows usage"), PseudoTerminal.visible(helpOutput))
        try terminal.waitForRawMode()
        try endSession(terminal)
    }

    func testUpArrowRecallsPreviousLine() throws {
        let directory = try TemporaryDirectory()
        let terminal = try launch(in: directory)
        try terminal.waitForPrompt()
        try terminal.send("docs" + PseudoTerminal.Key.enter)
        try terminal.expect("no documents loaded")
        try terminal.waitForPrompt()
        try terminal.send(PseudoTerminal.Key.up)
        // The recalled line is shown at the new prompt …
        try terminal.expect("docs")
        try terminal.send(PseudoTerminal.Key.enter)
        // … and Enter runs it a second time.
        try terminal.expect("no documents loaded")
        try terminal.waitForPrompt()
        XCTAssertEqual(
            terminal.output.components(separatedBy: "no documents loaded").count - 1, 2,
            PseudoTerminal.visible(terminal.output))
        try endSession(terminal)
    }

    func testCtrlCClearsThePartialLineAndPromptsAgain() throws {
        let directory = try TemporaryDirectory()
        let terminal = try launch([harborArticle], in: directory)
        let prompt = "gloss harbor-barrier-vote> "
        try terminal.waitForPrompt(prompt)
        try terminal.send("show kp1")
        try terminal.expect("show kp1")
        try terminal.send(PseudoTerminal.Key.ctrlC)
        // A fresh prompt on a new line, not a redraw of the old one.
        try terminal.waitForPrompt("\r\n" + prompt)
        let afterInterrupt = terminal.position
        try terminal.send(PseudoTerminal.Key.enter)
        try terminal.waitForPrompt(prompt)
        // Enter on the fresh prompt runs nothing: the interrupted `show kp1` is gone.
        XCTAssertFalse(
            terminal.output(since: afterInterrupt).contains("Council Vote"),
            PseudoTerminal.visible(terminal.output))
        // Typed in full, the same command does print the key point, so the check above can fail.
        try terminal.send("show kp1" + PseudoTerminal.Key.enter)
        try terminal.expect("Council Vote")
        try terminal.waitForPrompt(prompt)
        try endSession(terminal)
    }

    func testCtrlDAtEmptyPromptExitsWithStatusZero() throws {
        let directory = try TemporaryDirectory()
        let terminal = try launch(in: directory)
        try terminal.waitForPrompt()
        try terminal.send(PseudoTerminal.Key.ctrlD)
        XCTAssertEqual(try terminal.waitForExit(), .exited(0), PseudoTerminal.visible(terminal.output))
    }

    func testPromptShowsCurrentDocument() throws {
        let directory = try TemporaryDirectory()
        let terminal = try launch([harborArticle], in: directory)
        try terminal.expect("loaded harbor-barrier-vote")
        let beforePrompt = try terminal.expect("> ")
        XCTAssertTrue(beforePrompt.hasSuffix("\ngloss harbor-barrier-vote"), PseudoTerminal.visible(terminal.output))
        try terminal.waitForRawMode()
        try endSession(terminal)
    }

    func testHistoryPersistsAcrossSessions() throws {
        let directory = try TemporaryDirectory()
        let first = try launch(in: directory)
        try first.waitForPrompt()
        try first.send("docs" + PseudoTerminal.Key.enter)
        try first.expect("no documents loaded")
        try first.waitForPrompt()
        try endSession(first)
        XCTAssertEqual(try directory.read(".state/gloss/history"), "docs\n")

        let second = try launch(in: directory)
        try second.waitForPrompt()
        try second.send(PseudoTerminal.Key.up)
        try second.expect("docs")
        try second.send(PseudoTerminal.Key.enter)
        try second.expect("no documents loaded")
        try second.waitForPrompt()
        try endSession(second)
    }
}
