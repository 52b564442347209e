/// History, undo and redo, saving and replaying.
enum SessionCommands {
    static let all: [CommandSpec] = [undo, redo, history]

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
        invocation.context.journal?.appendMarker("undo \(count)")
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
        invocation.context.journal?.appendMarker("redo \(count)")
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
            line.append(entry.line.replacingOccurrences(of: "\n", with: " ; "), entry.undone ? .faint : .plain)
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
}
