/// The commands a session ran, with the undo and redo stacks over them and what was last saved.
///
/// Every state-changing command that succeeded takes a place on the undo stack, also one that
/// changed nothing (a tag already there): `undo` then steps back over exactly the commands the
/// saved session holds, so the two never disagree.
public struct SessionHistory: Sendable {
    public private(set) var entries: [HistoryEntry] = []
    private var undoStack: [UndoRecord] = []
    private var redoStack: [UndoRecord] = []
    /// The work in effect when the session was last saved (or opened from a script).
    private var savedWork: [Int] = []

    struct UndoRecord: Sendable {
        var historyIndex: Int
        var edits: [WorkspaceEdit]
    }

    /// State-changing commands in effect now: what a replay of the saved session would have run
    /// before the next command.
    var effectiveCount: Int { undoStack.count }

    var canUndo: Bool { !undoStack.isEmpty }
    var canRedo: Bool { !redoStack.isEmpty }

    /// Adds a command; `inverses` (for a state-changing command) are the edits that undo it.
    mutating func append(_ entry: HistoryEntry, inverses: [WorkspaceEdit]?) {
        if let inverses {
            undoStack.append(UndoRecord(historyIndex: entries.count, edits: inverses))
            redoStack.removeAll()
        }
        entries.append(entry)
    }

    /// Takes the last command off the undo stack; `apply` performs its edits and returns theirs.
    mutating func undoLast(_ apply: ([WorkspaceEdit]) -> [WorkspaceEdit]) -> String? {
        guard let record = undoStack.popLast() else { return nil }
        let redo = apply(record.edits)
        entries[record.historyIndex].undone = true
        redoStack.append(UndoRecord(historyIndex: record.historyIndex, edits: redo))
        return entries[record.historyIndex].line
    }

    mutating func redoLast(_ apply: ([WorkspaceEdit]) -> [WorkspaceEdit]) -> String? {
        guard let record = redoStack.popLast() else { return nil }
        let undo = apply(record.edits)
        entries[record.historyIndex].undone = false
        undoStack.append(UndoRecord(historyIndex: record.historyIndex, edits: undo))
        return entries[record.historyIndex].line
    }

    /// Work is every state-changing command but `load`: reading articles is not work that a quit
    /// could lose (the files are still there).
    private var work: [Int] {
        undoStack.map(\.historyIndex).filter { entries[$0].commandName != "load" }
    }

    /// Whether work was done (or undone) since the last save.
    public var hasUnsavedWork: Bool { work != savedWork }

    /// How many commands of work are not saved.
    public var unsavedWorkCount: Int {
        let saved = Set(savedWork)
        let current = work
        return current.filter { !saved.contains($0) }.count + saved.subtracting(current).count
    }

    mutating func markSaved() {
        savedWork = work
    }

    /// Drops everything (after the startup file, whose commands are not the session's).
    mutating func clear() {
        self = SessionHistory()
    }
}
