import Foundation

/// History, undo and redo, saving and replaying.
enum SessionCommands {
    static let all: [CommandSpec] = [undo, redo, history, save, replay, resume, orphans, anchor]

    static let undo = CommandSpec(
        "undo", group: .sessions, effect: .meta,
        summary: "Undo the last N state-changing commands (default 1)",
        discussion: "Tags, notes, marks, codebook edits and loads can be undone; the workspace returns exactly to its earlier state, and undone commands are left out of saved sessions.",
        arguments: [ArgumentSpec("N", .number, .optional, help: "how many commands to undo")],
        examples: [.init("undo", "undo the last change"), .init("undo 3", "undo the last three")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let count = try countArgument(invocation)
        guard invocation.context.canUndo else { throw GlossError("nothing to undo") }
        for line in invocation.context.undo(count) {
            invocation.line(StyledText("undid: ", .faint) + StyledText(line.replacingOccurrences(of: "\n", with: "; ")))
        }
        if let error = invocation.context.journal?.appendMarker("undo \(count)") { invocation.warnings.append(error.message) }
    }

    static let redo = CommandSpec(
        "redo", group: .sessions, effect: .meta,
        summary: "Redo the last N undone commands (default 1)",
        arguments: [ArgumentSpec("N", .number, .optional, help: "how many commands to redo")],
        examples: [.init("redo", "redo the last undone change")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let count = try countArgument(invocation)
        guard invocation.context.canRedo else { throw GlossError("nothing to redo") }
        for line in invocation.context.redo(count) {
            invocation.line(StyledText("redid: ", .faint) + StyledText(line.replacingOccurrences(of: "\n", with: "; ")))
        }
        if let error = invocation.context.journal?.appendMarker("redo \(count)") { invocation.warnings.append(error.message) }
    }

    static let history = CommandSpec(
        "history", group: .sessions, effect: .meta,
        summary: "List this session's commands with numbers",
        discussion: "Undone commands are hidden unless --all is given, where they are marked.",
        options: [OptionSpec("all", help: "include undone commands")],
        examples: [.init("history", "what will be saved"), .init("history --all", "including undone commands")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let entries = invocation.context.history.filter { $0.effect != .meta && (invocation.flag("all") || !$0.undone) }
        let width = String(entries.last?.number ?? 0).count
        for entry in entries {
            var line = StyledText(DisplayWidth.padLeft(String(entry.number), to: width), .faint)
            line.append("  ")
            let base = invocation.context.baseDirectory
            let shown = entry.line.split(separator: "\n").map { part in
                SessionScript.hasPaths(String(part)) ? SessionScript.relativizePaths(String(part), from: base, to: base) : String(part)
            }.joined(separator: " ; ")
            line.append(shown, entry.undone ? .faint : .plain)
            if entry.undone { line.append("  (undone)", .faint) }
            invocation.line(line, hangingIndent: width + 2)
        }
    }

    private static func countArgument(_ invocation: CommandInvocation) throws(GlossError) -> Int {
        guard let word = invocation.word("N") else { return 1 }
        guard let count = Int(word.text), (1...100_000).contains(count) else {
            throw GlossError("N must be a number from 1 to 100000", column: word.column)
        }
        return count
    }

    static let save = CommandSpec(
        "save", group: .sessions, effect: .meta,
        summary: "Save the session as a replayable script (NAME.gloss)",
        discussion: """
            Writes the commands of the session in canonical form, one per line, with a header giving the \
            format, the gloss version and the date. A load of named files carries each file's SHA-256; \
            every load (of files, folders or patterns) is followed by anchors of the elements the session \
            annotated, so a replay on a changed article can find them again. A bare NAME is saved as \
            NAME.gloss in ./sessions/ when that folder exists, else in the current folder. Paths are written relative to the script. An existing file is kept \
            unless --force is given; a session opened from a script saves back to it with no NAME. \
            The write is atomic. help, history, save and undone commands are never saved; \
            --state-only also leaves out commands that only printed.
            """,
        arguments: [ArgumentSpec("NAME", .path, .optional, help: "a name or a path (default: the script the session was opened from)")],
        options: [
            OptionSpec("force", help: "overwrite an existing file"),
            OptionSpec("state-only", help: "keep only commands that change the workspace or the view"),
        ],
        examples: [
            .init("save harbor-coding", "writes sessions/harbor-coding.gloss (or ./harbor-coding.gloss)"),
            .init("save notes/today.gloss --force", "a path, replacing an older file"),
            .init("save --state-only", "back to the opened script, without the reading commands"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let session = invocation.context
        let path: String
        var overwrite = invocation.flag("force")
        if let word = invocation.word("NAME") {
            path = savePath(for: word.text, base: session.baseDirectory)
        } else if let opened = session.openedScript {
            path = opened
            overwrite = true
            if session.isInteractive {
                let added = session.history[session.openedHistoryCount...].filter { $0.isSaved(stateOnly: invocation.flag("state-only")) }
                invocation.line(StyledText("changes since \(opened) was opened: \(added.count) command\(added.count == 1 ? "" : "s")", .faint))
                for entry in added.prefix(20) { invocation.line(StyledText("+ " + entry.line.replacingOccurrences(of: "\n", with: " ; "), .faint)) }
            }
        } else {
            throw GlossError("save needs a NAME (this session was not opened from a script)")
        }
        try session.checkWritable(path, shownAs: invocation.word("NAME")?.text)
        let text = SessionScript.render(session, scriptPath: path, stateOnly: invocation.flag("state-only"), version: GlossVersion.current)
        try AtomicFile.write(text, to: path, overwrite: overwrite)
        try WebSnapshot.copy(for: session, besideScript: path)
        let count = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("anchor ") }.count
        invocation.line(StyledText("saved \(count) command\(count == 1 ? "" : "s") to ", .faint)
                        + StyledText(SessionScript.relative(path, to: session.baseDirectory), .strong))
        if session.openedScript == nil { session.openedScript = path; session.openedHistoryCount = session.history.count }
    }

    /// `NAME` → `sessions/NAME.gloss` (or `./NAME.gloss`); a path is used as given, with `.gloss` added when it has no extension.
    static func savePath(for name: String, base: String) -> String {
        let hasExtension = DocumentLoader.pathExtension(name).isEmpty == false
        if name.contains("/") {
            return SessionScript.absolute(hasExtension ? name : name + ".gloss", base: base)
        }
        let file = hasExtension ? name : name + ".gloss"
        let sessions = base + "/sessions"
        return DocumentLoader.isDirectory(sessions) ? sessions + "/" + file : base + "/" + file
    }

    static let replay = CommandSpec(
        "replay", aliases: ["source"], group: .sessions, effect: .meta,
        summary: "Run a script's commands in this session (scripts may replay scripts)",
        discussion: """
            Runs each command of the script as if typed, stopping at the first error, which names the \
            chain of scripts (outer.gloss:3: in replay of inner.gloss:7: error: …). Paths in the script \
            are relative to its folder. FILE arguments become ${1}, ${2}… and ${args} for the script. \
            The replayed commands join the history one by one, so undo works on them as usual.
            """,
        arguments: [
            ArgumentSpec("SCRIPT", .path, help: "the script to run"),
            ArgumentSpec("FILE", .path, .zeroOrMore, help: "files for ${1}, ${2}…"),
        ],
        options: [OptionSpec("quiet", help: "do not print the commands' output")],
        examples: [
            .init("replay sessions/code-harbor.gloss", "run a saved session here"),
            .init("replay coding.gloss articles/new.txt", "apply a coding script to another article"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let session = invocation.context
        let word = invocation.word("SCRIPT")!
        guard session.replayDepth < 16 else { throw GlossError("replays nested more than 16 deep (does a script replay itself?)") }
        let path = SessionScript.absolute(word.text, base: session.baseDirectory)
        let text: String
        do throws(GlossError) {
            text = try ScriptFile.read(path, shownAs: word.text)
        } catch {
            throw GlossError(error.message, column: word.column)
        }
        let files = invocation.words("FILE").map { SessionScript.absolute($0.text, base: session.baseDirectory) }
        let savedVariables = session.variables
        let savedBase = session.baseDirectory
        if !files.isEmpty {
            for (index, file) in files.enumerated() { session.variables[String(index + 1)] = file }
            session.variables["args"] = files.map(CommandLineTokenizer.quote).joined(separator: " ")
        }
        session.baseDirectory = (path as NSString).deletingLastPathComponent
        session.replayDepth += 1
        defer {
            session.replayDepth -= 1
            session.baseDirectory = savedBase
            if !files.isEmpty {
                for index in files.indices { session.variables[String(index + 1)] = savedVariables[String(index + 1)] }
                session.variables["args"] = savedVariables["args"]
            }
        }
        let name = word.text
        try session.groupingJournalWrites { () throws(GlossError) in
            for command in ScriptRunner.commands(in: text) {
                let result = session.execute(command.text)
                invocation.warnings += result.warnings.map { "\(name):\(command.number): \($0)" }
                if !invocation.flag("quiet") && !result.output.isEmpty { invocation.output.raw(result.output) }
                if var error = result.error {
                    let column = error.column.map { ":\($0 + command.text.prefix(while: { $0 == " " || $0 == "\t" }).count)" } ?? ""
                    error.chain.insert("in replay of \(name):\(command.number)\(column)", at: 0)
                    error.column = nil
                    throw error
                }
                if result.quit { break }
            }
        }
    }

    static let resume = CommandSpec(
        "resume", group: .sessions, effect: .meta,
        summary: "Restore an unfinished session (one that crashed or was killed)",
        discussion: "Replays every command the unfinished session had completed, from its journal, into this session.",
        examples: [.init("resume", "restore the most recent unfinished session")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let session = invocation.context
        guard let store = session.journalStore, let journal = store.latestUnfinished() else {
            throw GlossError("there is no unfinished session to resume")
        }
        // Resuming takes over the old journal; commands already run here would be left out of it.
        guard !session.history.contains(where: { $0.effect != .meta }) else {
            throw GlossError("resume must come before other commands: start a new gloss and type resume first (or gloss --resume)")
        }
        let count = try session.restore(journal)
        invocation.line(StyledText("resumed \(count) command\(count == 1 ? "" : "s") from the session started \(journal.started)", .faint))
    }

    static let orphans = CommandSpec(
        "orphans", group: .sessions, effect: .readOnly,
        summary: "List annotations that could not be re-attached after a document changed",
        discussion: "Each orphan shows the element it was on, the text it had, and the command that could not attach it; re-attach with tag, note or mark as usual.",
        options: [OptionSpec("json", help: "print JSON")],
        examples: [.init("orphans", "what a replay on an edited article could not place")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let orphans = invocation.workspace.orphans
        if invocation.flag("json") {
            invocation.output.raw(JSONValue.array(orphans.map { orphan in
                .object([("document", .string(orphan.document)), ("address", .string(orphan.address)),
                         ("text", .string(orphan.text)), ("command", .string(orphan.command))])
            }).serialized())
            return
        }
        guard !orphans.isEmpty else {
            invocation.line(StyledText("no orphans", .faint))
            return
        }
        for orphan in orphans {
            invocation.line(StyledText("\(orphan.document):\(orphan.address)", .address) + StyledText("  " + orphan.command, .strong))
            invocation.line(StyledText("was: " + orphan.text, .faint), indent: 4)
        }
    }

    static let anchor = CommandSpec(
        "anchor", group: .sessions, effect: .meta,
        summary: "Record what an element looked like (written by save after each load)",
        discussion: """
            anchor DOC:ADDR HASH HEAD [TAIL] records the hash and the first and last words of an \
            element's text when the session was saved. When the document has changed, later commands \
            that name ADDR are moved to where that text is now, or reported as orphans.
            """,
        arguments: [
            ArgumentSpec("ADDR", .address, help: "DOC:ADDR as saved"),
            ArgumentSpec("HASH", .word, help: "the first 12 hex digits of the SHA-256 of the text"),
            ArgumentSpec("HEAD", .text, help: "the first words"),
            ArgumentSpec("TAIL", .text, .optional, help: "the last words"),
        ],
        examples: [.init("anchor harbor:s3.p2 1f2e3d4c5b6a \"Opponents point to the maintenance bill\" \"barriers elsewhere.\"", "as written by save")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        let word = invocation.word("ADDR")!
        let items = try AddressParser.parse(word.text)
        guard items.count == 1, case .element(let documentID, let pattern) = items[0] else {
            throw GlossError("anchor takes one DOC:ADDR", column: word.column)
        }
        let document: Int
        if let documentID { document = try workspace.document(id: documentID) } else { document = try workspace.defaultDocument() }
        let address: ElementAddress
        switch pattern {
        case .sections(let range) where range.count == 1: address = .section(range.lowerBound)
        case .passages(let s, let range) where range.count == 1: address = .passage(section: s, number: range.lowerBound)
        case .faq(let range) where range.count == 1: address = .faq(range.lowerBound)
        case .keyPoints(let range) where range.count == 1: address = .keyPoint(range.lowerBound)
        default: throw GlossError("anchor takes one element, not a range or a document", column: word.column)
        }
        let anchor = Anchor(hash: invocation.word("HASH")!.text, head: invocation.word("HEAD")!.text, tail: invocation.word("TAIL")?.text ?? "")
        if workspace.registerAnchor(ElementRef(document: document, address: address), anchor) {
            invocation.warnings.append("\(workspace.documents[document].path): changed since the session was saved (an anchored text differs); annotations are re-anchored by their text")
        }
    }
}
