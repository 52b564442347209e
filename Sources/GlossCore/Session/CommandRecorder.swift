/// Works out how a command that just ran is recorded (history, journal, saved session) so that a
/// replay does the same: the canonical line, with addresses a changed document moved written where
/// they are now; `orphan` lines for annotations that could not be placed; and, when a target word
/// depended on state (`@`, `#n`, the current document), the explicit form a save falls back on when
/// that state will not be there.
struct CommandRecorder {
    let invocation: CommandInvocation
    /// The line as typed, variables expanded.
    let typed: String

    private var workspace: Workspace { invocation.workspace }

    func record() -> RecordedCommand {
        let resolutions = invocation.transaction.resolutions
        var command = RecordedCommand()
        command.usesListing = resolutions.contains(where: \.usesListing) || invocation.recording.continuesListing
        command.usesView = resolutions.contains(where: \.usesView)
        command.usesCurrentDocument = resolutions.contains(where: \.usesCurrentDocument)

        let relocations = resolutions.filter(\.relocated).compactMap { resolution -> (CommandWord, String)? in
            word(at: resolution.column).map { ($0, replacement(for: $0, targets: resolution.resolvedTargets)) }
        }
        let dropsCommand = invocation.recording.orphanedWhole || relocations.contains { $0.1.isEmpty }
        var main: String
        if let preset = invocation.recording.presetLine {
            main = preset
        } else if dropsCommand {
            main = ""
        } else if relocations.isEmpty, let canonical = invocation.recording.canonicalLine {
            main = canonical
        } else {
            main = canonical(rewriting: relocations)
        }
        if !dropsCommand, invocation.recording.presetLine == nil, resolutions.contains(where: \.dependsOnContext) {
            let explicit = resolutions.compactMap { resolution -> (CommandWord, String)? in
                word(at: resolution.column).map { ($0, replacement(for: $0, targets: resolution.resolvedTargets)) }
            }
            command.explicitLine = explicit.contains { $0.1.isEmpty } ? "" : canonical(rewriting: explicit)
            // `@` kept to a replay's documents means something else outside that replay.
            if resolutions.contains(where: \.scopedToReplay), let explicit = command.explicitLine {
                main = explicit
                command.usesView = false
            }
        }

        if invocation.spec.effect == .mutating {
            if let preset = invocation.recording.presetOrphans {
                command.orphans = preset
            } else {
                command.orphans = invocation.transaction.orphans.map { orphan(for: $0, resolutions: resolutions) }
            }
        }
        if invocation.recording.presetLine == nil {
            let orphanLines = command.orphans.map(\.scriptLine)
            main = ([main].filter { !$0.isEmpty } + orphanLines).joined(separator: "\n")
            if let explicit = command.explicitLine {
                command.explicitLine = ([explicit].filter { !$0.isEmpty } + orphanLines).joined(separator: "\n")
            }
        }
        command.line = main
        return command
    }

    private func orphan(for pending: PendingOrphan, resolutions: [TargetResolution]) -> Orphan {
        let label = workspace.corpus.label(pending.typed, qualified: true)
        let holder = resolutions.first { $0.items.contains { $0.typed == .element(pending.typed) } }.flatMap {
            word(at: $0.column)
        }
        let restricted = holder.map { canonical(rewriting: [($0, label)]) } ?? canonical(rewriting: [])
        return Orphan(
            document: workspace.corpus.documents[pending.typed.document].id, address: "\(pending.typed.address)",
            text: pending.anchor.map { $0.head + ($0.tail.isEmpty ? "" : " … " + $0.tail) } ?? "",
            command: restricted, reason: pending.reason, anchor: pending.anchor)
    }

    /// The word of the command line that starts at `column`.
    private func word(at column: Int) -> CommandWord? {
        for words in invocation.positional.values {
            if let word = words.first(where: { $0.column == column }) { return word }
        }
        return nil
    }

    /// The targets as an explicit word; `tag:NAME` parts of a note's target word are kept.
    private func replacement(for word: CommandWord, targets: [CodingTarget]) -> String {
        let tagParts = word.text.split(separator: ",").filter { $0.lowercased().hasPrefix("tag:") }.map(String.init)
        let explicit = targets.isEmpty ? [] : [TargetLabels.explicit(targets, in: workspace)]
        return (tagParts + explicit).joined(separator: ",")
    }

    /// The canonical line of the command with some words replaced.
    private func canonical(rewriting edits: [(CommandWord, String)]) -> String {
        var characters = Array(typed)
        for (word, text) in edits.sorted(by: { $0.0.column > $1.0.column }) {
            let start = max(0, min(characters.count, word.column - 1))
            let end = max(start, min(characters.count, word.endColumn - 1))
            characters.replaceSubrange(start..<end, with: CommandLineTokenizer.quote(text))
        }
        return Session.canonicalLine(invocation.spec, typed: String(characters))
    }
}

/// A command as the session records it.
struct RecordedCommand {
    /// The canonical line(s); empty when nothing of the command is left to replay.
    var line = ""
    var explicitLine: String?
    var orphans: [Orphan] = []
    var usesListing = false
    var usesView = false
    var usesCurrentDocument = false
}
