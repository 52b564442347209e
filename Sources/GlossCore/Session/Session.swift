import Foundation

/// Runs command lines against a workspace: parsing, variables, undo and redo, history and the journal.
/// The REPL, `gloss run` and `replay` all go through `execute(_:)`.
public final class Session {
    public let workspace: Workspace
    public let registry: CommandRegistry
    /// The formats `load` reads: the core's, plus any a front end adds (see `ReaderRegistry`).
    public let readers: ReaderRegistry
    public var settings = Settings()
    public let cancel: CancellationFlag
    public internal(set) var log = SessionHistory()
    public var script: ScriptContext
    public var journaling = SessionJournal()
    /// What the front end says of the person and the terminal (see `FrontEnd`).
    public var frontEnd = FrontEnd()

    public init(
        workspace: Workspace = Workspace(), registry: CommandRegistry = .standard,
        readers: ReaderRegistry = .standard,
        baseDirectory: String = FileManager.default.currentDirectoryPath,
        cancel: CancellationFlag = CancellationFlag()
    ) {
        self.workspace = workspace
        self.cancel = cancel
        self.registry = registry
        self.readers = readers
        self.script = ScriptContext(baseDirectory: baseDirectory)
    }

    public var history: [HistoryEntry] { log.entries }
    public var outputWidth: Int { settings.width ?? frontEnd.terminalWidth }
    public var outputColor: Bool { settings.color ?? frontEnd.terminalColor }

    // The script context's fields, as commands and front ends read them.
    public var baseDirectory: String {
        get { script.baseDirectory }
        set { script.baseDirectory = newValue }
    }
    public var variables: [String: String] {
        get { script.variables }
        set { script.variables = newValue }
    }
    public var isScript: Bool {
        get { script.isScript }
        set { script.isScript = newValue }
    }
    public var sandbox: ScriptSandbox? {
        get { script.sandbox }
        set { script.sandbox = newValue }
    }
    public var origin: ScriptOrigin? { script.origin }
    var replayDepth: Int { script.replayDepth }
    var isReplaying: Bool { script.isReplaying }
    var sandboxApplies: Bool { script.sandboxApplies }

    // The journal's, likewise.
    public var journal: Journal? {
        get { journaling.file }
        set { journaling.file = newValue }
    }
    public var journalStore: JournalStore? {
        get { journaling.store }
        set { journaling.store = newValue }
    }
    public var discardsUnsavedWork: Bool {
        get { journaling.discardsUnsavedWork }
        set { journaling.discardsUnsavedWork = newValue }
    }

    /// Whether a quote missing from an element of `document` makes an orphan rather than an error.
    func toleratesDrift(in document: Int) -> Bool {
        script.forcesDriftTolerance > 0 || (isReplaying && workspace.drift.drifted.contains(document))
    }

    /// Whether there is work (tags, notes, marks, codebook edits, undos) that no save holds.
    public var hasUnsavedWork: Bool { log.hasUnsavedWork }
    public var unsavedWorkCount: Int { log.unsavedWorkCount }

    /// Runs one line. Blank lines and `#` comments do nothing. On error the workspace is unchanged.
    /// A line holding several lines (a recorded command that stands for several, as a journal keeps
    /// it) runs them as one command: one history entry, one step of undo.
    public func execute(_ line: String) -> ExecutionResult {
        var result = ExecutionResult()
        let parts = line.split(separator: "\n").map { String($0.trimmingWhitespace()) }.filter {
            !$0.isEmpty && !$0.hasPrefix("#")
        }
        // `#3` is a result reference only as an argument; a line starting with `#` is a comment.
        guard !parts.isEmpty else { return result }
        // The flag is not reset here: a Ctrl-C that arrives just before a command starts still stops it.
        // The front end resets it once the interruption has been reported.
        let effectiveBefore = log.effectiveCount
        // The line's changes: its parts record into it one after the other (one undo step).
        var transaction = CommandTransaction()
        var invocations: [CommandInvocation] = []
        var recorded: [RecordedCommand] = []
        do throws(GlossError) {
            for part in parts {
                let expanded = try expandVariables(part)
                let parser = CommandParser(registry: registry)
                let (spec, nameEnd) = try parser.command(for: expanded)
                result.commandName = result.commandName ?? spec.name
                var invocation = CommandInvocation(
                    spec: spec, context: self, output: OutputBuilder(width: outputWidth, color: outputColor))
                swap(&invocation.transaction, &transaction)
                do throws(GlossError) {
                    try parser.parse(expanded, into: &invocation, nameEnd: nameEnd)
                    try spec.run(&invocation)
                } catch {
                    swap(&invocation.transaction, &transaction)
                    invocations.append(invocation)
                    throw error
                }
                let command = CommandRecorder(invocation: invocation, typed: expanded).record()
                if spec.effect == .mutating && !command.orphans.isEmpty {
                    workspace.perform(.addOrphans(command.orphans), in: &invocation.transaction)
                }
                recorded.append(command)
                invocation.transaction.forgetResolutions()
                swap(&invocation.transaction, &transaction)
                invocations.append(invocation)
            }
        } catch {
            workspace.rollBack(transaction)
            result.setOutput(of: invocations.map(\.output))
            result.warnings = invocations.flatMap(\.warnings)
            result.error = error
            return result
        }
        let inverses = transaction.undoingEdits
        result.setOutput(of: invocations.map(\.output))
        result.warnings = invocations.flatMap(\.warnings)
        result.quit = invocations.contains(where: \.quitRequested)
        record(
            invocations, recorded, inverses: inverses, touched: transaction.touched, effectiveBefore: effectiveBefore)
        result.warnings += journaling.takeWarnings()
        for orphan in recorded.flatMap(\.orphans) {
            result.warnings.append(
                "\(orphan.document):\(orphan.address) is orphaned: \(orphan.reason.rawValue) (see orphans)")
        }
        return result
    }

    /// Adds a command to history, the undo stack and the journal.
    private func record(
        _ invocations: [CommandInvocation], _ commands: [RecordedCommand], inverses: [WorkspaceEdit],
        touched: [ElementRef],
        effectiveBefore: Int
    ) {
        let specs = invocations.map(\.spec)
        let effect: CommandEffect = specs.contains { $0.effect == .mutating } ? .mutating : specs[0].effect
        var entry = HistoryEntry(
            number: history.count + 1, line: commands.map(\.line).filter { !$0.isEmpty }.joined(separator: "\n"),
            effect: effect, commandName: specs[0].name)
        entry.usesListing = commands.contains(where: \.usesListing)
        entry.usesView = commands.contains(where: \.usesView)
        entry.usesCurrentDocument = commands.contains(where: \.usesCurrentDocument)
        if commands.contains(where: { $0.explicitLine != nil }) {
            entry.explicitLine = commands.map { $0.explicitLine ?? $0.line }.filter { !$0.isEmpty }.joined(
                separator: "\n")
        }
        entry.effectiveBefore = effectiveBefore
        entry.touched = touched
        entry.output = TerminalSafe.removingStyles(String(invocations.map(\.output.text).joined().prefix(65_536)))
        log.append(entry, inverses: effect == .mutating ? inverses : nil)
        if effect != .meta, !entry.line.isEmpty {
            journaling.append(entry, durable: effect == .mutating || effect == .view)
        }
    }

    /// Runs many commands (a replay, a script) with one fsync of the journal at the end instead of
    /// one per command: a saved session of 10,000 commands would otherwise wait on the disk 10,000
    /// times. The lines are written as each command completes, so a crash of gloss alone loses none;
    /// the prompt returns only once they are on disk, as after a single command.
    func groupingJournalWrites<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        journaling.beginGroup()
        defer { journaling.endGroup() }
        return try body()
    }

    /// Journal warnings not yet reported by a command (a script run reports those of its last sync).
    public func takeJournalWarnings() -> [String] {
        journaling.takeWarnings()
    }

    /// The line as it will be saved: the command's full name, then the text as typed after it.
    static func canonicalLine(_ spec: CommandSpec, typed: String) -> String {
        let nameWords = typed.split(separator: " ", maxSplits: spec.nameWords.count, omittingEmptySubsequences: true)
        let rest = nameWords.count > spec.nameWords.count ? String(nameWords[spec.nameWords.count]) : ""
        return rest.isEmpty ? spec.name : spec.name + " " + rest.trimmingWhitespace()
    }

    // MARK: - Saving and leaving

    /// Notes that everything done so far is saved (in `path`, or in the script the session came from).
    func markSaved(to path: String?) {
        log.markSaved()
        if let path { journaling.note("# saved " + LineEscaping.escape(path)) }
    }

    /// Ties the session to the script it was opened from; `stop` says where its replay stopped.
    public func setOrigin(_ path: String, stoppedAt stop: Int?, notReplayed: Int) {
        script.origin = ScriptOrigin(path: path, stoppedAt: stop, notReplayed: notReplayed, historyCount: history.count)
        log.markSaved()
        journaling.note("# origin \(stop ?? 0) \(notReplayed) " + LineEscaping.escape(path))
    }

    /// Ends the session's journal: removed when all work is saved (or `quit --discard` was given),
    /// otherwise left for `resume`. Returns true when it was kept.
    @discardableResult
    public func closeJournal() -> Bool {
        guard let journal else { return false }
        self.journal = nil
        if hasUnsavedWork && !discardsUnsavedWork { return true }
        journal.remove()
        return false
    }

    // MARK: - Undo and redo

    /// Undoes up to `count` state-changing commands; returns the lines undone.
    func undo(_ count: Int) -> [String] {
        var undone: [String] = []
        for _ in 0..<count {
            guard let line = log.undoLast(workspace.applyReturningInverses) else { break }
            undone.append(line)
        }
        return undone
    }

    func redo(_ count: Int) -> [String] {
        var redone: [String] = []
        for _ in 0..<count {
            guard let line = log.redoLast(workspace.applyReturningInverses) else { break }
            redone.append(line)
        }
        return redone
    }

    /// Drops the history and undo stacks (after the startup file, whose commands are not the session's).
    public func forgetHistory() {
        log.clear()
    }

    var canUndo: Bool { log.canUndo }
    var canRedo: Bool { log.canRedo }

    /// Whether a save or export may replace an existing file: `--force`, or `gloss run --force`.
    func mayOverwrite(_ invocation: CommandInvocation) -> Bool {
        invocation.flag("force") || (sandboxApplies && sandbox?.allowsOverwrite == true)
    }

    /// The check a write of `shown` goes through once its folder's real path is known: inside the
    /// sandbox's folders, or allowed by the person at the terminal, or refused.
    func writeCheck(shownAs shown: String) -> (String) throws(GlossError) -> Void {
        { [self] realFolder throws(GlossError) in
            guard sandboxApplies, let sandbox, !sandbox.allowsWrite(intoFolder: realFolder) else { return }
            let question =
                "A replayed script wants to write \(shown) in \(realFolder), outside \(sandbox.writableRoots.joined(separator: ", ")). Allow writes there for this replay?"
            if frontEnd.isInteractive, !isScript, frontEnd.confirm?(question) == true {
                self.sandbox?.approvedFolders.insert(realFolder)
                return
            }
            throw sandbox.refusal(shown, realFolder: realFolder)
        }
    }

    /// Checks a read by a replayed script (see `ScriptSandbox.checkRead`).
    func checkRead(_ path: String, shownAs shown: String) throws(GlossError) {
        guard sandboxApplies else { return }
        try sandbox?.checkRead(path, shownAs: shown)
    }

    /// Checks the reads of the files a `load` of a replayed script found.
    func checkReads(_ candidates: [DocumentLoader.Candidate]) throws(GlossError) {
        guard sandboxApplies else { return }
        try sandbox?.checkReads(candidates.map { ($0.path, $0.displayName) })
    }

    /// Runs a replay started at the prompt (or a script opened from the command line) in a sandbox of
    /// its own: writes only under the current folder unless the person allows them, reads anywhere
    /// (remembered) or, with `set strict on`, only in the script's folder, the current folder and its
    /// FILE arguments. Returns the body's result and the files read outside those places.
    func withScriptSandbox<Result, Failure: Error>(
        scriptFolder: String, files: [String], _ body: () throws(Failure) -> Result
    ) throws(Failure) -> (Result, [String]) {
        guard sandbox == nil else { return (try body(), []) }
        sandbox = ScriptSandbox(
            writableRoots: [baseDirectory], readableRoots: [scriptFolder, baseDirectory] + files,
            strict: settings.strict)
        defer { sandbox = nil }
        let result = try body()
        return (result, sandbox?.outsideReads ?? [])
    }

    // MARK: - Variables

    /// Replaces `${NAME}`; `$$` is a literal `$` (so `$${NAME}` stays as typed). Undefined names are errors.
    func expandVariables(_ line: String) throws(GlossError) -> String {
        // A `$` on bytes first: String.contains(String) goes through Foundation, once per command.
        guard line.utf8.contains(0x24), line.contains("${") || line.contains("$$") else { return line }
        var result = ""
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            if characters[index] == "$", index + 1 < characters.count, characters[index + 1] == "$" {
                result.append("$")
                index += 2
            } else if characters[index] == "$", index + 1 < characters.count, characters[index + 1] == "{" {
                guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                    throw GlossError("unclosed '${' (no matching '}')", column: index + 1)
                }
                let name = String(characters[(index + 2)..<close])
                guard let value = variables[name] else {
                    if let number = Int(name), number > 0 {
                        throw GlossError(
                            "this script expects \(number == 1 ? "a FILE argument" : "\(number) FILE arguments") for ${\(name)} (gloss run SCRIPT FILE…, or replay SCRIPT FILE…)",
                            column: index + 1)
                    }
                    let known = variables.keys.sorted()
                    let hint =
                        known.isEmpty
                        ? " (define it with 'set \(name) VALUE' or 'gloss run --set \(name)=VALUE')"
                        : Suggestion.phrase(for: name, among: known)
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
