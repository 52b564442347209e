import Foundation

/// History, undo and redo, saving and replaying.
enum SessionCommands {
    static let all: [CommandSpec] = [undo, redo, history, save, replay, resume, orphans, orphan, anchor]

    static let undo = CommandSpec(
        "undo", group: .sessions, effect: .meta,
        summary: "Undo the last N state-changing commands (default 1)",
        discussion:
            "Tags, notes, marks, codebook edits and loads can be undone; the workspace returns exactly to its earlier state, and undone commands are left out of saved sessions.",
        arguments: [ArgumentSpec("N", .number, .optional, range: 1...100_000, help: "how many commands to undo")],
        examples: [.init("undo", "undo the last change"), .init("undo 3", "undo the last three")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let count = try countArgument(invocation)
        guard invocation.context.canUndo else { throw GlossError("nothing to undo") }
        for line in invocation.context.undo(count) {
            invocation.status(
                StyledText("undid: ", .faint) + StyledText(line.replacingOccurrences(of: "\n", with: "; ")))
        }
        if let error = invocation.context.journal?.appendMarker("undo \(count)") {
            invocation.warnings.append(error.message)
        }
    }

    static let redo = CommandSpec(
        "redo", group: .sessions, effect: .meta,
        summary: "Redo the last N undone commands (default 1)",
        arguments: [ArgumentSpec("N", .number, .optional, range: 1...100_000, help: "how many commands to redo")],
        examples: [.init("redo", "redo the last undone change")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let count = try countArgument(invocation)
        guard invocation.context.canRedo else { throw GlossError("nothing to redo") }
        for line in invocation.context.redo(count) {
            invocation.status(
                StyledText("redid: ", .faint) + StyledText(line.replacingOccurrences(of: "\n", with: "; ")))
        }
        if let error = invocation.context.journal?.appendMarker("redo \(count)") {
            invocation.warnings.append(error.message)
        }
    }

    static let history = CommandSpec(
        "history", group: .sessions, effect: .meta,
        summary: "List this session's commands with numbers",
        discussion: "Undone commands are hidden unless --all is given, where they are marked.",
        options: [OptionSpec("all", help: "include undone commands")],
        examples: [.init("history", "what will be saved"), .init("history --all", "including undone commands")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let entries = invocation.context.history.filter { $0.effect != .meta && (invocation.flag("all") || !$0.undone) }
        // Numbered as listed: commands about the session itself (help, save, export…) take no number.
        let width = String(entries.count).count
        for (index, entry) in entries.enumerated() {
            var line = StyledText(DisplayWidth.padLeft(String(index + 1), to: width), .faint)
            line.append("  ")
            let base = invocation.context.baseDirectory
            let shown = entry.line.split(separator: "\n").map { part in
                SessionScript.hasPaths(String(part))
                    ? SessionScript.relativizePaths(String(part), from: base, to: base) : String(part)
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
            NAME.gloss in ./sessions/ when that folder exists, else in the current folder; .gloss is added to a name or path that does not end so. Paths are written relative to the script. An existing file is kept \
            unless --force is given; a session opened from a script saves back to it with no NAME, but \
            not when that script's replay stopped early (that would drop its lines: save NAME.recovered \
            instead, or --force). The write is atomic. help, history, save and undone commands are never \
            saved, nor commands that read what was undone since; --state-only also leaves out commands \
            that only printed. What is saved replays to the workspace as it is now.
            """,
        arguments: [
            ArgumentSpec(
                "NAME", .path, .optional, help: "a name or a path (default: the script the session was opened from)")
        ],
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
        var overwrite = session.mayOverwrite(invocation)
        if let word = invocation.word("NAME") {
            path = savePath(for: word.text, base: session.baseDirectory)
        } else if let origin = session.origin {
            path = origin.path
            if let stop = origin.stoppedAt, !overwrite {
                let recovered = recoveredName(for: origin.path)
                throw GlossError(
                    "\(SessionScript.relative(origin.path, to: session.baseDirectory)) stopped at line \(stop) when it was opened (\(Counted.phrase(origin.notReplayed, "line")) not replayed): saving now would drop \(origin.notReplayed == 1 ? "it" : "them"). Save this state beside it with 'save \(SessionScript.relative(recovered, to: session.baseDirectory))', or replace it with 'save --force'"
                )
            }
            overwrite = true
            if session.frontEnd.isInteractive {
                let added = session.history[min(origin.historyCount, session.history.count)...].filter {
                    $0.isSaved(stateOnly: invocation.flag("state-only"))
                }
                invocation.status(
                    StyledText(
                        "changes since \(origin.path) was opened: \(Counted.phrase(added.count, "command"))", .faint))
                for entry in added.prefix(20) {
                    invocation.status(StyledText("+ " + entry.line.replacingOccurrences(of: "\n", with: " ; "), .faint))
                }
            }
        } else {
            throw GlossError("save needs a NAME (this session was not opened from a script)")
        }
        if let origin = session.origin, origin.stoppedAt != nil, path == origin.path, !invocation.flag("force") {
            throw GlossError(
                "\(SessionScript.relative(path, to: session.baseDirectory)) is the script this session was opened from, and its replay stopped early: add --force to replace it with this state"
            )
        }
        let text = SessionScript.render(
            session, scriptPath: path, stateOnly: invocation.flag("state-only"), version: GlossVersion.current)
        try AtomicFile.write(
            text, to: path, overwrite: overwrite,
            mayWriteInto: session.writeCheck(
                shownAs: invocation.word("NAME")?.text ?? SessionScript.relative(path, to: session.baseDirectory)))
        try WebSnapshot.copy(for: session, besideScript: path)
        let count = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("anchor ") }.count
        invocation.status(
            StyledText("saved \(Counted.phrase(count, "command")) to ", .faint)
                + StyledText(SessionScript.relative(path, to: session.baseDirectory), .strong))
        if session.origin == nil || session.origin?.path == path {
            session.setOrigin(path, stoppedAt: nil, notReplayed: 0)
        }
        session.markSaved(to: path)
    }

    /// `NAME.gloss` → `NAME.recovered.gloss`.
    static func recoveredName(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(stem + ".recovered.gloss").path
    }

    /// `NAME` → `sessions/NAME.gloss` (or `./NAME.gloss`); a path is used as given, with `.gloss` added
    /// unless it ends so (`coded.recovered` is `coded.recovered.gloss`).
    static func savePath(for name: String, base: String) -> String {
        let hasExtension = DocumentLoader.pathExtension(name).lowercased() == "gloss"
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
            The replayed commands join the history one by one, so undo works on them as usual. \
            Inside a replay that loads documents, @ keeps to those documents, so a coding script \
            applied to a new article (load ${1}, filter, tag @ THEME) codes that article only.
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
        guard session.replayDepth < 16 else {
            throw GlossError("replays nested more than 16 deep (does a script replay itself?)")
        }
        let path = SessionScript.absolute(word.text, base: session.baseDirectory)
        let text: String
        do throws(GlossError) {
            try session.checkRead(path, shownAs: word.text)
            text = try ScriptFile.read(path, shownAs: word.text)
        } catch {
            throw GlossError(error.message, column: word.column)
        }
        let files = invocation.words("FILE").map { SessionScript.absolute($0.text, base: session.baseDirectory) }
        let folder = (path as NSString).deletingLastPathComponent
        let name = word.text
        let quiet = invocation.flag("quiet")
        var output = invocation.output
        var warnings: [String] = []
        let outsideReads: [String]
        do throws(GlossError) {
            (_, outsideReads) = try session.withScriptSandbox(scriptFolder: folder, files: files) {
                () throws(GlossError) in
                let savedVariables = session.variables
                let savedBase = session.baseDirectory
                if !files.isEmpty {
                    for (index, file) in files.enumerated() { session.variables[String(index + 1)] = file }
                    session.variables["args"] = files.map(CommandLineTokenizer.quote).joined(separator: " ")
                }
                session.baseDirectory = folder
                session.script.replayLoads.append([])
                defer {
                    session.script.replayLoads.removeLast()
                    session.baseDirectory = savedBase
                    if !files.isEmpty {
                        for index in files.indices {
                            session.variables[String(index + 1)] = savedVariables[String(index + 1)]
                        }
                        session.variables["args"] = savedVariables["args"]
                    }
                }
                try session.groupingJournalWrites { () throws(GlossError) in
                    for command in ScriptRunner.commands(in: text) {
                        // Nested replays can make a great deal of work: Ctrl-C stops it between commands.
                        try session.cancel.check()
                        let result = session.execute(command.text)
                        warnings += result.warnings.map { "\(name):\(command.number): \($0)" }
                        if !quiet && !result.output.isEmpty {
                            output.append(result.output, statusRanges: result.statusRanges)
                        }
                        if var error = result.error {
                            let column =
                                error.column.map {
                                    ":\($0 + command.text.prefix(while: { $0 == " " || $0 == "\t" }).count)"
                                } ?? ""
                            error.chain.insert("in replay of \(name):\(command.number)\(column)", at: 0)
                            error.column = nil
                            throw error
                        }
                        if result.quit { break }
                    }
                }
            }
        } catch {
            invocation.output = output
            invocation.warnings += warnings
            throw error
        }
        invocation.output = output
        invocation.warnings += warnings
        if !outsideReads.isEmpty {
            invocation.warnings.append(
                "\(name) \(ScriptSandbox.describeOutsideReads(outsideReads)) (set strict on refuses such reads)")
        }
        invocation.warnings += session.workspace.takeDriftReports()
    }

    static let resume = CommandSpec(
        "resume", group: .sessions, effect: .meta,
        summary: "List unfinished sessions, restore one, or discard one",
        discussion: """
            An unfinished session is one that ended without saving its work: gloss crashed or was killed, \
            the terminal closed, or quit was answered with Enter. resume alone lists them (time, commands, \
            documents, the script they came from) and restores the only one; resume N restores the Nth of \
            the list, replaying every command it had completed. When a command of the journal fails (a \
            file was moved, a line is damaged), the resume stops there with JOURNAL:LINE and the reason, \
            and the journal is kept whole: --partial (or answering yes at a terminal) keeps the commands \
            restored before it. resume --discard N removes a session for good. A journal is never removed \
            otherwise, except when a session took it over whole.
            """,
        arguments: [ArgumentSpec("N", .number, .optional, help: "which unfinished session (as resume lists them)")],
        options: [
            OptionSpec("discard", help: "remove the session instead of restoring it"),
            OptionSpec("partial", help: "when the journal stops early, keep the commands restored before it"),
        ],
        examples: [
            .init("resume", "list unfinished sessions (and restore the only one)"),
            .init("resume 2", "restore the second of the list"),
            .init("resume --discard 3", "remove the third for good"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let session = invocation.context
        guard let store = session.journalStore else {
            throw GlossError("there is no journal folder ($XDG_STATE_HOME or $HOME is not set)")
        }
        let sessions = store.unfinished()
        guard !sessions.isEmpty else { throw GlossError("there is no unfinished session to resume") }
        let chosen: JournalStore.Unfinished
        if let word = invocation.word("N") {
            guard let number = Int(word.text), (1...sessions.count).contains(number) else {
                throw GlossError(
                    "N must be from 1 to \(sessions.count) (there \(sessions.count == 1 ? "is 1 unfinished session" : "are \(sessions.count) unfinished sessions"))",
                    column: word.column)
            }
            chosen = sessions[number - 1]
        } else if sessions.count == 1 || (session.isScript && !invocation.flag("discard")) {
            chosen = sessions[0]  // without a person to ask, the newest
        } else {
            listUnfinished(sessions, into: &invocation)
            invocation.line(StyledText("resume N restores one; resume --discard N removes one", .faint))
            return
        }
        if invocation.flag("discard") {
            guard invocation.word("N") != nil || sessions.count == 1 else {
                throw GlossError("resume --discard needs N (see resume)")
            }
            let question =
                "Discard the session from \(JournalStore.readable(chosen.started)) (\(Counted.phrase(chosen.commandCount, "command"))) for good?"
            if session.frontEnd.isInteractive, session.frontEnd.confirm?(question) != true {
                invocation.status(StyledText("kept", .faint))
                return
            }
            try store.discard(chosen)
            invocation.status(
                StyledText(
                    "discarded the session from \(JournalStore.readable(chosen.started)) (\(Counted.phrase(chosen.commandCount, "command")))",
                    .faint))
            return
        }
        // Resuming takes over the old journal; commands already run here would be left out of it.
        guard !session.history.contains(where: { $0.effect != .meta }) else {
            throw GlossError(
                "resume must come before other commands: start a new gloss and type resume first (or gloss --resume)")
        }
        let report = try session.restore(chosen) { stop in
            if invocation.flag("partial") { return true }
            guard session.frontEnd.isInteractive, stop.restored > 0 else { return false }
            return session.frontEnd.confirm?(
                "Resuming stopped at line \(stop.line) (\(stop.error.message)). Keep the \(Counted.phrase(stop.restored, "command")) restored before it? The journal is kept either way."
            ) == true
        }
        invocation.warnings += report.skipped.map { "skipped a reading command that failed: \($0)" }
        if let cut = report.cutLine {
            invocation.warnings.append(
                "\(report.journal): its last line was cut short by a crash and is set aside in \(report.journal).damaged: \(cut.prefix(80))"
            )
        }
        let started = JournalStore.readable(chosen.started)
        guard let stop = report.stop else {
            invocation.status(
                StyledText(
                    "resumed \(Counted.phrase(report.restored, "command")) from the session started \(started)", .faint)
            )
            return
        }
        let place = "\(report.journal):\(stop.line)"
        if report.restored > 0 {
            invocation.status(
                StyledText(
                    "resumed \(Counted.phrase(report.restored, "command")) from the session started \(started), up to line \(stop.line)",
                    .faint))
            invocation.warnings.append(
                "\(place): \(stop.error.message); the \(Counted.phrase(stop.notRestored, "command")) from there on \(stop.notRestored == 1 ? "was" : "were") not restored. The journal is kept: fix the cause and resume it again, or resume --discard it"
            )
            return
        }
        let hint =
            stop.restored > 0
            ? "; resume --partial keeps the \(Counted.phrase(stop.restored, "command")) before it" : ""
        throw GlossError(
            "resuming stopped at \(place): \(stop.error.message) (\(Counted.phrase(stop.notRestored, "command")) not restored). The journal is kept\(hint)"
        )
    }

    /// `  1  2026-12-06 20:41 UTC  12 commands  harbor.txt, broadband.md  from sessions/harbor.gloss`
    static func listUnfinished(_ sessions: [JournalStore.Unfinished], into invocation: inout CommandInvocation) {
        invocation.line(StyledText("unfinished sessions, newest first:", .strong))
        let width = String(sessions.count).count
        for (index, unfinished) in sessions.enumerated() {
            var line = StyledText(DisplayWidth.padLeft(String(index + 1), to: width + 2), .address)
            line.append("  " + JournalStore.readable(unfinished.started), .plain)
            line.append("  \(Counted.phrase(unfinished.commandCount, "command"))", .faint)
            let files = unfinished.loaded.map { ($0 as NSString).lastPathComponent }
            if !files.isEmpty {
                line.append(
                    "  " + files.prefix(3).joined(separator: ", ")
                        + (files.count > 3 ? " and \(files.count - 3) more" : ""))
            }
            if let origin = unfinished.origin {
                line.append("  from " + (origin as NSString).lastPathComponent, .faint)
            }
            if let folder = unfinished.folder { line.append("  in " + folder, .faint) }
            if unfinished.hasCutLine { line.append("  (last line cut by a crash)", .faint) }
            invocation.line(line, hangingIndent: width + 4)
        }
    }

    static let orphans = CommandSpec(
        "orphans", group: .sessions, effect: .readOnly,
        summary: "List annotations that could not be re-attached after a document changed",
        discussion:
            "Each orphan shows the element it was on, the text it had, and the command that could not attach it; re-attach with tag, note or mark as usual.",
        options: [OptionSpec("json", help: "print JSON")],
        examples: [.init("orphans", "what a replay on an edited article could not place")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let orphans = invocation.workspace.drift.orphans
        if invocation.flag("json") {
            invocation.output.raw(
                JSONValue.array(
                    orphans.map { orphan in
                        .object([
                            ("document", .string(orphan.document)), ("address", .string(orphan.address)),
                            ("text", .string(orphan.text)), ("command", .string(orphan.command)),
                            ("reason", .string(orphan.reason.rawValue)),
                        ])
                    }
                ).serialized())
            return
        }
        guard !orphans.isEmpty else {
            invocation.line(StyledText("no orphans", .faint))
            return
        }
        for orphan in orphans {
            invocation.line(
                StyledText("\(orphan.document):\(orphan.address)", .address)
                    + StyledText("  " + orphan.command, .strong))
            invocation.line(
                StyledText(orphan.reason.rawValue + (orphan.text.isEmpty ? "" : "; was: " + orphan.text), .faint),
                indent: 4)
        }
        invocation.line(
            StyledText(
                "\(Counted.phrase(orphans.count, "orphan")) · kept in saved sessions; re-attached when a replay finds their text again",
                .faint))
    }

    static let orphan = CommandSpec(
        "orphan", group: .sessions, effect: .mutating,
        summary: "Keep an annotation a changed document orphaned (written by save)",
        discussion: """
            orphan DOC:ADDR HASH HEAD TAIL COMMAND keeps an annotation whose element or quoted span a changed \
            document no longer has: ADDR is where it was, HASH, HEAD and TAIL what the element looked like \
            (as in anchor lines; - when unknown), COMMAND the command that made it. On replay gloss looks for \
            that text again: when it is found, COMMAND runs there and the annotation is re-attached; \
            otherwise it stays an orphan, listed by orphans and carried into the next save.
            """,
        arguments: [
            ArgumentSpec("ADDR", .address, help: "DOC:ADDR where the annotation was"),
            ArgumentSpec("HASH", .word, help: "the first 12 hex digits of the SHA-256 of the element's text, or -"),
            ArgumentSpec("HEAD", .text, help: "its first words"),
            ArgumentSpec("TAIL", .text, help: "its last words"),
            ArgumentSpec("COMMAND", .text, help: "the command that made the annotation (quoted)"),
        ],
        examples: [
            .init(
                "orphan harbor:s8.p1 1f2e3d4c5b6a \"The mayor said\" \"by March.\" \"mark harbor:s8.p1 'twice the figure' cost\"",
                "as written by save")
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let session = invocation.context
        let workspace = invocation.workspace
        let word = invocation.word("ADDR")!
        let items = try AddressParser.parse(word.text)
        guard items.count == 1, case .element(let documentID?, let pattern) = items[0],
            let address = pattern.singleAddress,
            address != .document
        else {
            throw GlossError("orphan takes one DOC:ADDR of an element", column: word.column)
        }
        let document: Int
        do throws(GlossError) { document = try workspace.corpus.document(id: documentID) } catch {
            throw GlossError(error.message, column: word.column)
        }
        let typed = ElementRef(document: document, address: address)
        let hash = invocation.word("HASH")!.text
        let anchor =
            hash == "-"
            ? nil : Anchor(hash: hash, head: invocation.word("HEAD")!.text, tail: invocation.word("TAIL")!.text)
        let command = invocation.word("COMMAND")!.text
        let kept = Orphan(
            document: workspace.corpus.documents[document].id, address: "\(address)",
            text: anchor.map { $0.head + ($0.tail.isEmpty ? "" : " … " + $0.tail) } ?? "",
            command: command, anchor: anchor)
        let parser = CommandParser(registry: session.registry)
        let (spec, nameEnd) = try parser.command(for: command)
        guard spec.effect == .mutating, spec.name != "orphan", spec.name != "load" else {
            throw GlossError(
                "an orphan keeps a tag, untag, note or mark command, not \(spec.name)",
                column: invocation.word("COMMAND")!.column)
        }
        // Found again: the command runs where the text is now, in this version's addresses.
        guard let anchor, let found = workspace.locate(anchor, near: typed) else {
            invocation.recording.presetLine = kept.scriptLine
            invocation.recording.presetOrphans = [kept]
            return
        }
        let moved = ElementRef(document: document, address: found)
        let rewritten = try CommandLineTokenizer.words(command).reversed().reduce(command) { text, part in
            guard part.text.lowercased() == word.text.lowercased() else { return text }
            var characters = Array(text)
            characters.replaceSubrange(
                (part.column - 1)..<(part.endColumn - 1), with: workspace.corpus.label(moved, qualified: true))
            return String(characters)
        }
        var inner = CommandInvocation(spec: spec, context: session, output: invocation.output)
        // The re-attached command's changes are this command's: it records into this transaction.
        swap(&inner.transaction, &invocation.transaction)
        defer { swap(&inner.transaction, &invocation.transaction) }
        // The command's address is already this version's: not mapped again while it runs.
        let remap = workspace.drift.addressRemap[document]
        workspace.perform(.setRemap(document: document, nil))
        session.script.forcesDriftTolerance += 1
        defer {
            session.script.forcesDriftTolerance -= 1
            if let remap { workspace.perform(.setRemap(document: document, remap)) }
        }
        try parser.parse(rewritten, into: &inner, nameEnd: nameEnd)
        try spec.run(&inner)
        invocation.output = inner.output
        invocation.warnings += inner.warnings
        let stillOrphaned = !inner.transaction.orphans.isEmpty || inner.recording.orphanedWhole
        inner.transaction.forgetResolutions()
        if stillOrphaned {
            invocation.recording.presetLine = kept.scriptLine
            invocation.recording.presetOrphans = [
                Orphan(
                    document: kept.document, address: kept.address, text: kept.text,
                    command: command, reason: .quoteGone, anchor: anchor)
            ]
        } else {
            invocation.recording.presetLine =
                inner.recording.canonicalLine ?? Session.canonicalLine(spec, typed: rewritten)
            invocation.recording.presetOrphans = []
            invocation.status(
                StyledText(
                    "re-attached the orphan \(word.text) at \(workspace.corpus.label(moved, qualified: true))", .faint))
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
        examples: [
            .init(
                "anchor harbor:s3.p2 1f2e3d4c5b6a \"Opponents point to the maintenance bill\" \"barriers elsewhere.\"",
                "as written by save")
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        let word = invocation.word("ADDR")!
        let items = try AddressParser.parse(word.text)
        guard items.count == 1, case .element(let documentID, let pattern) = items[0] else {
            throw GlossError("anchor takes one DOC:ADDR", column: word.column)
        }
        let document: Int
        if let documentID {
            document = try workspace.corpus.document(id: documentID)
        } else {
            document = try workspace.defaultDocument()
        }
        guard let address = pattern.singleAddress, address != .document else {
            throw GlossError("anchor takes one element, not a range or a document", column: word.column)
        }
        let anchor = Anchor(
            hash: invocation.word("HASH")!.text, head: invocation.word("HEAD")!.text,
            tail: invocation.word("TAIL")?.text ?? "")
        if workspace.registerAnchor(ElementRef(document: document, address: address), anchor) {
            invocation.warnings.append(
                "\(workspace.corpus.documents[document].path): changed since the session was saved (an anchored text differs); annotations are re-anchored by their text"
            )
        }
    }
}
