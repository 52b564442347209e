/// Adding the codes of another codebook (`tags import`) to this one.
extension Workspace {
    /// What an import did, by tag.
    public struct CodebookImportSummary: Equatable, Sendable {
        /// Tags that were not in the codebook.
        public var added = 0
        /// Existing tags given a description or colour (filled in, or replaced with `overwrite`).
        public var updated = 0
        /// Existing tags the import had nothing to add to.
        public var unchanged = 0
        /// Existing tags that kept a description or colour differing from the imported one (some of
        /// them may also count as updated: kept their description, got a colour).
        public var kept = 0

        /// Distinct codes read: every one is added, updated or unchanged.
        public var codes: Int { added + updated + unchanged }
    }

    /// Merge policy: nothing is removed or renamed. A new tag gets the code's description and colour.
    /// An existing tag keeps its case, and its description and colour are only filled in when it has
    /// none — the analyst's own definitions win — unless `overwrite`, when the imported ones replace
    /// them. Colours are compared by value (`orange` equals `#e67e22`). Goes through `perform`, so
    /// the whole import is one undoable command.
    public func importCodebook(
        _ codes: [CodebookReader.Code], overwrite: Bool, in transaction: inout CommandTransaction
    ) throws(GlossError) -> CodebookImportSummary {
        var summary = CodebookImportSummary()
        var counted = Set<String>()
        let before = Set(annotations.tags.keys)
        for code in codes {
            let key: String
            do throws(GlossError) { key = try ensureTag(code.path, in: &transaction) } catch {
                throw GlossError("code '\(code.path)': \(error.message)")
            }
            let isNew = !before.contains(key)
            var tag = annotations.tags[key]!
            let original = tag
            var differing = false
            if let description = code.description, description != tag.description {
                if tag.description == nil || overwrite { tag.description = description } else { differing = true }
            }
            if let color = code.color, TerminalColor.hex(for: color) != tag.color.flatMap(TerminalColor.hex(for:)) {
                if tag.color == nil || overwrite { tag.color = color } else { differing = true }
            }
            if tag != original { perform(.replaceTag(key: key, tag), in: &transaction) }
            // A code listed twice (same path, any case) counts once, as what happened first.
            guard counted.insert(key).inserted else { continue }
            if isNew {
                summary.added += 1
            } else if tag != original {
                summary.updated += 1
            } else {
                summary.unchanged += 1
            }
            if differing && !isNew { summary.kept += 1 }
        }
        return summary
    }
}
