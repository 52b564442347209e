import Foundation
import GlossCore

/// The REPL: prompt, read (with `\` continuation), execute, show output through the pager, repeat.
/// Errors never end the loop; only `quit` and Ctrl-D do.
final class InteractiveLoop {
    let session: Session
    let editor: LineEditor
    let usePager: Bool

    init(session: Session, usePager: Bool) {
        self.session = session
        self.usePager = usePager
        editor = LineEditor(programName: "gloss", historyFile: HistoryFile.standard())
        editor.completer = { [session] line in CompletionEngine(session: session).complete(line) }
        session.frontEnd.isInteractive = true
        session.frontEnd.confirm = { [weak self] question in self?.ask(question) ?? false }
    }

    /// Runs until quit or end of input; returns the exit status.
    func run() -> Int32 {
        while true {
            guard let line = readCommand() else {
                Terminal.write("\n")
                if mayLeave() { return 0 }
                continue
            }
            editor.remember(line)
            let result = execute(line)
            if result.quit {
                if mayLeave() { return 0 }
                session.discardsUnsavedWork = false
            }
        }
    }

    /// With unsaved work, asks what to do with it before leaving: save it, discard it, or stay.
    /// Enter (or end of input) leaves and keeps the work as an unfinished session, so nothing is lost
    /// whatever the answer.
    private func mayLeave() -> Bool {
        guard session.hasUnsavedWork, !session.discardsUnsavedWork else { return true }
        let count = session.unsavedWorkCount
        Terminal.write("\(count) change\(count == 1 ? " is" : "s are") not saved.\n")
        while true {
            let answer: String
            switch editor.readLine(prompt: "[s]ave, [d]iscard, [c]ancel (Enter keeps them for gloss --resume): ") {
            case .line(let text): answer = text.trimmingCharacters(in: .whitespaces).lowercased()
            case .endOfFile, .interrupted:
                Terminal.write("\n")
                answer = ""
            }
            switch answer {
            case "":
                return true
            case "s", "save":
                return saveBeforeLeaving()
            case "d", "discard":
                session.discardsUnsavedWork = true
                return true
            case "c", "cancel":
                return false
            default:
                continue
            }
        }
    }

    /// Saves back to the script the session came from, or under a name asked for; false (stay) when
    /// no name is given or the save fails.
    private func saveBeforeLeaving() -> Bool {
        if let origin = session.origin, origin.isComplete {
            return execute("save").error == nil
        }
        guard case .line(let name) = editor.readLine(prompt: "save as (a name, Enter to cancel): "),
            !name.trimmingCharacters(in: .whitespaces).isEmpty
        else { return false }
        return execute("save " + CommandLineTokenizer.quote(name.trimmingCharacters(in: .whitespaces))).error == nil
    }

    /// Executes one line and shows its output, warnings and error.
    @discardableResult
    func execute(_ line: String) -> ExecutionResult {
        session.frontEnd.terminalWidth = Terminal.width
        let result = session.execute(line)
        Interrupts.flag.reset()
        for warning in result.warnings {
            Terminal.writeError(paint("warning: ", code: "33;1") + TerminalSafe.escape(warning, keepNewlines: false))
        }
        if !result.output.isEmpty {
            Pager.show(result.output, enabled: usePager && session.settings.pager)
        }
        if let error = result.error {
            Terminal.writeError(Self.describe(error, line: line, color: session.outputColor))
        }
        return result
    }

    /// An error with the line and a caret under its column.
    static func describe(_ error: GlossError, line: String, color: Bool) -> String {
        let label = color ? "\u{1B}[31;1merror:\u{1B}[0m " : "error: "
        var text = label + TerminalSafe.escape(error.message, keepNewlines: false)
        if let column = error.column, !line.contains("\n") {
            let shown = TerminalSafe.escape(line, keepNewlines: false)
            let prefixWidth = DisplayWidth.of(
                TerminalSafe.escape(String(line.prefix(max(0, column - 1))), keepNewlines: false))
            text += "\n  " + shown + "\n  " + String(repeating: " ", count: prefixWidth) + "^"
        }
        if let detail = error.wrappedDetail(width: Terminal.width) { text += "\n" + detail }
        return text
    }

    private func paint(_ text: String, code: String) -> String {
        session.outputColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The prompt shows the current document and, with a filter, the view size: `gloss doc [12/31]> `.
    var prompt: String {
        let workspace = session.workspace
        var text = "gloss"
        if let current = workspace.view.currentDocument, workspace.corpus.isLoaded[current] {
            text += " " + TerminalSafe.escape(workspace.corpus.documents[current].id, keepNewlines: false)
        }
        if !workspace.view.filters.isEmpty {
            text += " [\(workspace.viewUnits.count)/\(workspace.corpus.liveUnits.count)]"
        }
        guard session.outputColor else { return text + "> " }
        // \u{1} marks the invisible escape sequences for libedit.
        return "\u{1}\u{1B}[1;36m\u{1}" + text + "\u{1}\u{1B}[0m\u{1}> "
    }

    /// Reads one command, joining lines that end in `\`. Ctrl-C clears the line and prompts again.
    private func readCommand() -> String? {
        var pending = ""
        while true {
            let shownPrompt = pending.isEmpty ? prompt : "...> "
            switch editor.readLine(prompt: shownPrompt) {
            case .endOfFile:
                return pending.isEmpty ? nil : pending
            case .interrupted:
                Interrupts.flag.reset()
                pending = ""
                Terminal.write("\n")
            case .line(let line):
                if line.hasSuffix("\\") && !line.hasSuffix("\\\\") {
                    pending += String(line.dropLast())
                    continue
                }
                return pending + line
            }
        }
    }

    /// A yes/no question on the terminal (for `tags delete` on a tag in use).
    private func ask(_ question: String) -> Bool {
        switch editor.readLine(prompt: question + " [y/N] ") {
        case .line(let answer):
            return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
        default:
            Terminal.write("\n")
            return false
        }
    }
}
