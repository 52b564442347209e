/// The session's side of its journal: the file it appends to, the folder of journals, and how writes
/// are grouped and their failures reported.
public struct SessionJournal {
    /// Where journals live, for `resume`.
    public var store: JournalStore?
    public var file: Journal?
    /// Set by `quit --discard`: the journal goes even though work was not saved.
    public var discardsUnsavedWork = false
    /// Write failures not yet reported by a command.
    private var warnings: [String] = []
    /// Nesting depth of runs of many commands (a replay, a script), whose lines reach the disk together
    /// when the outermost ends; and whether some have been written since the last fsync.
    private var groupDepth = 0
    private var needsSync = false

    public init() {}

    /// Appends a command: fsync'ed at once when `durable`, unless a group is open (then at its end).
    mutating func append(_ entry: HistoryEntry, durable: Bool) {
        if let error = file?.append(entry, durable: durable && groupDepth == 0) { warnings.append(error.message) }
        if durable && groupDepth > 0 { needsSync = true }
    }

    mutating func note(_ line: String) {
        if let error = file?.appendMarker(line) { warnings.append(error.message) }
    }

    mutating func beginGroup() {
        groupDepth += 1
    }

    mutating func endGroup() {
        groupDepth -= 1
        if groupDepth == 0, needsSync {
            needsSync = false
            if let error = file?.sync() { warnings.append(error.message) }
        }
    }

    mutating func takeWarnings() -> [String] {
        defer { warnings = [] }
        return warnings
    }
}
