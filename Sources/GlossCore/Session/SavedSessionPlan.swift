/// Chooses what a saved session holds so that replaying it gives the workspace as it is now.
///
/// Undone commands are left out, and with them what the session saw of them: a command that is not
/// undone ran after every state-changing command before it that is saved (undo goes back in order),
/// but a reading or view command may have run while a command since undone was in effect — it read a
/// document, a tag or a view the replay will not have. Such commands are dropped; a listing dropped (or
/// computed in a view that changed) no longer gives the same `#n` rows, and a dropped `use` no longer
/// sets the same current document, so later commands that relied on them are written with their
/// targets spelled out.
enum SavedSessionPlan {
    static func entries(_ history: [HistoryEntry], stateOnly: Bool) -> [HistoryEntry] {
        var kept: [HistoryEntry] = []
        var replayed = 0
        // The filter stack as the replay will build it: true for a filter left out.
        var filters: [Bool] = []
        var listingDiffers = false
        var currentDocumentDiffers = false
        for entry in history where entry.isSaved(stateOnly: false) {
            let sawUndoneState = entry.effectiveBefore != replayed
            let contextDiffers =
                (entry.usesListing && listingDiffers) || (entry.usesView && filters.contains(true))
                || (entry.usesCurrentDocument && currentDocumentDiffers)
            var planned = entry
            if contextDiffers {
                if let explicit = entry.explicitLine {
                    planned.line = explicit
                    planned.usesListing = false
                } else if entry.effect != .mutating {
                    continue
                }
            }
            switch entry.effect {
            case .mutating:
                replayed += 1
            case .view:
                switch entry.commandName {
                case "filter":
                    filters.append(sawUndoneState)
                    if sawUndoneState { continue }
                case "unfilter":
                    if entry.line.contains("--all") {
                        let anyKept = filters.contains(false)
                        filters = []
                        if !anyKept { continue }
                    } else if filters.popLast() == true {
                        continue
                    }
                case "use":
                    currentDocumentDiffers = sawUndoneState
                    if sawUndoneState { continue }
                default:
                    break
                }
            case .listing:
                if sawUndoneState || (contextDiffers && planned.line == entry.line) {
                    listingDiffers = true
                    continue
                }
                listingDiffers = filters.contains(true)
            case .readOnly:
                if sawUndoneState { continue }
            case .meta:
                continue
            }
            if planned.line.isEmpty { continue }
            kept.append(planned)
        }
        guard stateOnly else { return kept }
        return keepingState(kept)
    }

    /// Without commands that only printed: listings stay only when a later command uses their `#n`
    /// rows before the next listing (a `more` that continues them counts, and is kept on the same terms).
    private static func keepingState(_ entries: [HistoryEntry]) -> [HistoryEntry] {
        var kept: [HistoryEntry] = []
        for (index, entry) in entries.enumerated() {
            switch entry.effect {
            case .mutating, .view:
                kept.append(entry)
            case .listing:
                var used = false
                for later in entries[(index + 1)...] {
                    if later.commandName == "more" { continue }  // its rows join this listing
                    if later.effect == .listing { break }
                    if later.usesListing {
                        used = true
                        break
                    }
                }
                if used { kept.append(entry) }
            case .readOnly, .meta:
                break
            }
        }
        return kept
    }
}
