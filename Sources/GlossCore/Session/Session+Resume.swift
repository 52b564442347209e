import Foundation

/// Restoring an unfinished session from its journal.
extension Session {
    /// Where a resume stopped: a command of the journal that failed.
    public struct ResumeStop: Sendable {
        public var line: Int
        public var error: GlossError
        /// Commands restored before it, and commands after it that were not.
        public var restored: Int
        public var notRestored: Int
    }

    public struct ResumeReport: Sendable {
        public var journal: String
        public var restored = 0
        /// Reading commands that failed and were passed over (they change nothing).
        public var skipped: [String] = []
        public var stop: ResumeStop?
        /// A last line a crash cut short, set aside in `JOURNAL.damaged`.
        public var cutLine: String?
        /// The journal is still unfinished (the resume stopped); false when this session took it over.
        public var journalKept: Bool { stop != nil }
    }

    /// Restores an unfinished session: replays its journal's commands (undo and redo included) without
    /// journaling them again. When every command ran, this session takes the journal over and keeps
    /// appending to it. When one fails, the journal is left whole and unfinished, and `keepPartial`
    /// decides whether the commands before it stay (they are then written to this session's journal)
    /// or the session goes back to empty.
    public func restore(_ unfinished: JournalStore.Unfinished, keepPartial: (ResumeStop) -> Bool) throws(GlossError)
        -> ResumeReport
    {
        guard let store = journalStore else { throw GlossError("there is no journal folder") }
        let taken = try Journal(takingOver: unfinished.path)
        var report = ResumeReport(journal: unfinished.path)
        report.cutLine = try taken.setAsideCutLine()
        let contents = try store.read(unfinished.path)
        let fresh = journal
        let savedBase = baseDirectory
        let savedVariables = variables
        let savedSettings = settings
        journal = nil
        script.isRestoring = true
        var replayed: [JournalContents.Item] = []
        let commandCount = contents.commands.count
        for item in contents.items {
            switch item {
            case .command(let line):
                let result = execute(line.text)
                if let error = result.error {
                    let effect = result.commandName.flatMap { registry.spec(named: $0)?.effect }
                    if effect == .readOnly || effect == .listing {
                        report.skipped.append("\(unfinished.path):\(line.number): \(error.message)")
                        continue
                    }
                    report.stop = ResumeStop(
                        line: line.number, error: error, restored: report.restored,
                        notRestored: commandCount - report.restored - report.skipped.count)
                } else {
                    report.restored += 1
                }
            case .origin(let path, let stop, let left):
                script.origin = ScriptOrigin(
                    path: path, stoppedAt: stop, notReplayed: left, historyCount: history.count)
                log.markSaved()
            case .saved:
                log.markSaved()
            case .folder(let folder):
                if DocumentLoader.isDirectory(folder) { baseDirectory = folder }
            }
            if report.stop != nil { break }
            replayed.append(item)
        }
        script.isRestoring = false
        baseDirectory = savedBase
        guard let stop = report.stop else {
            fresh?.remove()
            journal = taken
            taken.appendMarker("# folder " + LineEscaping.escape(baseDirectory))
            return report
        }
        journal = fresh
        if keepPartial(stop) {
            // This session's journal now holds what was restored; the old one stays as it was.
            for item in replayed {
                switch item {
                case .command(let line): journal?.appendMarker(LineEscaping.escape(line.text))
                case .origin(let path, let stop, let left):
                    journal?.appendMarker("# origin \(stop ?? 0) \(left) " + LineEscaping.escape(path))
                case .saved(let path): journal?.appendMarker("# saved " + LineEscaping.escape(path))
                case .folder: break
                }
            }
            journal?.appendMarker("# folder " + LineEscaping.escape(baseDirectory))
        } else {
            report.restored = 0
            startOver()
            variables = savedVariables
            settings = savedSettings
        }
        return report
    }

    /// Back to an empty session: every state-changing command undone, no view, no history.
    func startOver() {
        _ = undo(log.effectiveCount)
        workspace.perform(.reset)
        script.origin = nil
        log.clear()
    }
}
