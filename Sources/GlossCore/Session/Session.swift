import Foundation

/// Runs command lines against a workspace: parsing, variables, undo and redo, history and the journal.
/// The REPL, `gloss run` and `replay` all go through `execute(_:)`.
public final class Session {
    public let workspace: Workspace
    public let registry: CommandRegistry
    public var settings = Settings()
    public let cancel: CancellationFlag
    /// True when a person is at a terminal: commands may ask for confirmation through `confirm`.
    public var isInteractive = false
    /// Asks the user a yes/no question (set by the terminal front end only).
    public var confirm: ((String) -> Bool)?
    /// Directory that relative paths are resolved against.
    public var baseDirectory: String
    /// Width and colour used for output when the front end does not say otherwise.
    public var terminalWidth = 80
    public var terminalColor = false
    /// Variables for `${NAME}`: from `set NAME VALUE`, `--set`, and `${1}`… for run arguments.
    public var variables: [String: String] = [:]

    public private(set) var history: [HistoryEntry] = []
    /// The script this session was opened from (`gloss NAME.gloss`): `save` without a name writes back to it.
    public var openedScript: String?
    /// History length when the script was opened, to show what changed before saving back.
    public var openedHistoryCount = 0
    /// Where journals live, for `resume`.
    public var journalStore: JournalStore?
    /// Journal write failures of the running command, reported as warnings.
    private var journalWarnings: [String] = []
    /// Nesting depth of `replay`.
    var replayDepth = 0
    /// Nesting depth of runs of many commands (a replay, a script), whose journal lines reach the disk
    /// together when the outermost ends; and whether some have been written since the last fsync.
    private var journalGroupDepth = 0
    private var journalNeedsSync = false
    /// Folders scripts may write into (`save`, `export`); nil means anywhere (an interactive session).
    public var writableRoots: [String]?
    /// Whether a replayed script may fetch web pages (`gloss run --allow-net`); the prompt always may.
    public var allowsNetwork = false
    private var undoStack: [UndoRecord] = []
    private var redoStack: [UndoRecord] = []
    public var journal: Journal?

    struct UndoRecord {
        var historyIndex: Int
        var edits: [WorkspaceEdit]
    }

    public init(workspace: Workspace = Workspace(), registry: CommandRegistry = .standard,
                baseDirectory: String = FileManager.default.currentDirectoryPath,
                cancel: CancellationFlag = CancellationFlag()) {
        self.workspace = workspace
        self.cancel = cancel
        self.registry = registry
        self.baseDirectory = baseDirectory
    }

    public var outputWidth: Int { settings.width ?? terminalWidth }
    public var outputColor: Bool { settings.color ?? terminalColor }

    /// Runs one line. Blank lines and `#` comments do nothing. On error the workspace is unchanged.
    public func execute(_ line: String) -> ExecutionResult {
        var result = ExecutionResult()
        let trimmed = line.trimmingWhitespace()
        if trimmed.isEmpty || trimmed.hasPrefix("#") {
            return result  // `#3` is a result reference only as an argument; a line starting with `#` is a comment
        }
        // The flag is not reset here: a Ctrl-C that arrives just before a command starts still stops it.
        // The front end resets it once the interruption has been reported.
        do throws(GlossError) {
            let expanded = try expandVariables(trimmed)
            let parser = CommandParser(registry: registry)
            let (spec, nameEnd) = try parser.command(for: expanded)
            result.commandName = spec.name
            var invocation = CommandInvocation(
                spec: spec, context: self, output: OutputBuilder(width: outputWidth, color: outputColor))
            try parser.parse(expanded, into: &invocation, nameEnd: nameEnd)

            workspace.beginChanges()
            do throws(GlossError) {
                try spec.run(&invocation)
            } catch {
                workspace.rollBackChanges()
                result.output = invocation.output.text
                result.warnings = invocation.warnings
                throw error
            }
            let inverses = workspace.endChanges()
            result.output = invocation.output.text
            result.warnings = invocation.warnings
            result.quit = invocation.quitRequested
            let entry = record(invocation, typed: expanded, inverses: inverses)
            result.warnings += journalWarnings
            journalWarnings = []
            for orphan in workspace.commitOrphans(command: entry.line) {
                result.warnings.append("\(orphan.document):\(orphan.address) is orphaned: its text changed and was not found again (see orphans)")
            }
        } catch {
            result.error = error
        }
        return result
    }

    /// Adds the command to history, the undo stack and the journal.
    @discardableResult
    private func record(_ invocation: CommandInvocation, typed: String, inverses: [WorkspaceEdit]) -> HistoryEntry {
        let spec = invocation.spec
        let line = invocation.canonicalLine ?? Self.canonicalLine(invocation, typed: typed)
        var entry = HistoryEntry(number: history.count + 1, line: line, effect: spec.effect, commandName: spec.name)
        entry.usesListing = invocation.positional.values.joined().contains { !$0.quoted && $0.text.hasPrefix("#") }
        entry.touched = workspace.pendingTouched
        entry.output = TerminalSafe.removingStyles(String(invocation.output.text.prefix(65_536)))
        if spec.effect == .mutating {
            if !inverses.isEmpty || invocation.recordsWithoutChanges {
                undoStack.append(UndoRecord(historyIndex: history.count, edits: inverses))
                redoStack.removeAll()
            }
        }
        history.append(entry)
        let durable = spec.effect == .mutating || spec.effect == .view
        if spec.effect != .meta, let error = journal?.append(entry, durable: durable && journalGroupDepth == 0) {
            journalWarnings.append(error.message)
        }
        if durable && journalGroupDepth > 0 { journalNeedsSync = true }
        return entry
    }

    /// Runs many commands (a replay, a script) with one fsync of the journal at the end instead of
    /// one per command: a saved session of 10,000 commands would otherwise wait on the disk 10,000
    /// times. The lines are written as each command completes, so a crash of gloss alone loses none;
    /// the prompt returns only once they are on disk, as after a single command.
    func groupingJournalWrites<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        journalGroupDepth += 1
        defer {
            journalGroupDepth -= 1
            if journalGroupDepth == 0, journalNeedsSync {
                journalNeedsSync = false
                if let error = journal?.sync() { journalWarnings.append(error.message) }
            }
        }
        return try body()
    }

    /// Journal warnings not yet reported by a command (a script run reports those of its last sync).
    public func takeJournalWarnings() -> [String] {
        defer { journalWarnings = [] }
        return journalWarnings
    }

    /// The line as it will be saved: the command's full name, then the text as typed after it.
    static func canonicalLine(_ invocation: CommandInvocation, typed: String) -> String {
        let spec = invocation.spec
        let nameWords = typed.split(separator: " ", maxSplits: spec.nameWords.count, omittingEmptySubsequences: true)
        let rest = nameWords.count > spec.nameWords.count ? String(nameWords[spec.nameWords.count]) : ""
        return rest.isEmpty ? spec.name : spec.name + " " + rest.trimmingWhitespace()
    }

    /// Restores an unfinished session: takes over its journal, replays its commands without journaling
    /// them again, then keeps appending to it. Returns how many commands ran.
    public func restore(_ unfinished: JournalStore.Unfinished) throws(GlossError) -> Int {
        guard let store = journalStore else { throw GlossError("there is no journal folder") }
        let commands = try store.commands(of: unfinished)
        let adopted = try store.adopt(unfinished)
        let fresh = journal
        journal = nil
        var count = 0
        defer {
            fresh?.close(removing: true)
            journal = adopted
        }
        for line in commands {
            let result = execute(line)
            if let error = result.error {
                throw GlossError("resuming stopped at '\(line)': \(error.message)")
            }
            count += 1
        }
        return count
    }

    // MARK: - Undo and redo

    /// Undoes up to `count` state-changing commands; returns the lines undone.
    func undo(_ count: Int) -> [String] {
        var undone: [String] = []
        for _ in 0..<count {
            guard let record = undoStack.popLast() else { break }
            let redo = workspace.applyReturningInverses(record.edits)
            history[record.historyIndex].undone = true
            redoStack.append(UndoRecord(historyIndex: record.historyIndex, edits: redo))
            undone.append(history[record.historyIndex].line)
        }
        return undone
    }

    func redo(_ count: Int) -> [String] {
        var redone: [String] = []
        for _ in 0..<count {
            guard let record = redoStack.popLast() else { break }
            let undo = workspace.applyReturningInverses(record.edits)
            history[record.historyIndex].undone = false
            undoStack.append(UndoRecord(historyIndex: record.historyIndex, edits: undo))
            redone.append(history[record.historyIndex].line)
        }
        return redone
    }

    /// Drops the history and undo stacks (after the startup file, whose commands are not the session's).
    public func forgetHistory() {
        history = []
        undoStack = []
        redoStack = []
    }

    var canUndo: Bool { !undoStack.isEmpty }
    var canRedo: Bool { !redoStack.isEmpty }

    /// Checks that a replayed script may write `path`: inside the allowed folders, with no `..` escaping them.
    public func checkWritable(_ path: String, shownAs shown: String? = nil) throws(GlossError) {
        guard let roots = writableRoots, replayDepth > 0 || isScript else { return }
        let target = SessionScript.absolute(path, base: baseDirectory)
        let allowed = roots.contains { root in
            let normalized = SessionScript.absolute(root, base: "/")
            return target == normalized || target.hasPrefix(normalized.hasSuffix("/") ? normalized : normalized + "/")
        }
        guard allowed else {
            throw GlossError("a script may not write \(shown ?? path): it is outside \(roots.joined(separator: ", ")) (--allow-write DIR permits it)")
        }
    }

    /// Set while `gloss run` (or piped input) executes a script.
    public var isScript = false

    // MARK: - Variables

    /// Replaces `${NAME}`; `$$` is a literal dollar before a brace. Undefined names are errors.
    func expandVariables(_ line: String) throws(GlossError) -> String {
        // A `$` on bytes first: String.contains(String) goes through Foundation, once per command.
        guard line.utf8.contains(0x24), line.contains("${") else { return line }
        var result = ""
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            if characters[index] == "$", index + 1 < characters.count, characters[index + 1] == "{" {
                guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                    throw GlossError("unclosed '${' (no matching '}')", column: index + 1)
                }
                let name = String(characters[(index + 2)..<close])
                guard let value = variables[name] else {
                    let known = variables.keys.sorted()
                    let hint = known.isEmpty ? " (define it with 'set \(name) VALUE' or 'gloss run --set \(name)=VALUE')" : Suggestion.phrase(for: name, among: known)
                    throw GlossError("undefined variable '${\(name)}'\(hint)", column: index + 1)
                }
                result += value
                index = close + 1
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return result
    }
}
