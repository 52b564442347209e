/// A change to the workspace that can be undone: annotation edits, and showing or hiding loaded
/// documents (a run of them: a load of thousands is one edit). Commands change state only through
/// `Workspace.perform(_:in:)`, which records their inverses in the command's
/// `CommandTransaction`.
public enum WorkspaceEdit: Hashable, Sendable {
    case annotation(Annotations.Edit)
    case setLoaded(documents: Range<Int>, Bool)
    /// Orphans added at the end of the list, and their removal (the inverse).
    case addOrphans([Orphan])
    case removeOrphans([Orphan])
    /// The document addresses without `DOC:` refer to; a load or an undo can change it, and undo and
    /// redo must put it back, or a replay would resolve such addresses elsewhere.
    case setCurrentDocument(Int?)
}

extension Workspace {
    /// Applies an edit and records its inverse in the running command's transaction.
    public func perform(_ edit: WorkspaceEdit, in transaction: inout CommandTransaction) {
        caches.annotationVersion += 1
        switch edit {
        case .annotation(let annotationEdit):
            transaction.inverses.append(.annotation(annotations.apply(annotationEdit)))
        case .setLoaded(let range, let loaded):
            // The inverse gives each document back its state: one edit per run of documents that share it.
            var start = range.lowerBound
            while start < range.upperBound {
                var end = start + 1
                while end < range.upperBound, corpus.isLoaded[end] == corpus.isLoaded[start] { end += 1 }
                transaction.inverses.append(.setLoaded(documents: start..<end, corpus.isLoaded[start]))
                start = end
            }
            let current = view.currentDocument
            setLoaded(range, loaded)
            if view.currentDocument != current { transaction.inverses.append(.setCurrentDocument(current)) }
        case .addOrphans(let added):
            drift.orphans += added
            transaction.inverses.append(.removeOrphans(added))
        case .removeOrphans(let removed):
            drift.orphans.removeLast(removed.count)
            transaction.inverses.append(.addOrphans(removed))
        case .setCurrentDocument(let document):
            transaction.inverses.append(.setCurrentDocument(view.currentDocument))
            view.currentDocument = document
        }
    }

    public func perform(_ edit: Annotations.Edit, in transaction: inout CommandTransaction) {
        perform(.annotation(edit), in: &transaction)
    }

    /// Applies edits in order and returns their inverses, last first: what undoes the whole list.
    func applyReturningInverses(_ edits: [WorkspaceEdit]) -> [WorkspaceEdit] {
        caches.annotationVersion += 1
        var transaction = CommandTransaction()
        for edit in edits { perform(edit, in: &transaction) }
        return transaction.undoingEdits
    }

    /// Undoes the changes a transaction recorded (a command failed half-way).
    func rollBack(_ transaction: CommandTransaction) {
        caches.annotationVersion += 1
        for edit in transaction.undoingEdits {
            switch edit {
            case .annotation(let annotationEdit): annotations.apply(annotationEdit)
            case .setLoaded(let range, let loaded): setLoaded(range, loaded)
            case .addOrphans(let added): drift.orphans += added
            case .removeOrphans(let removed): drift.orphans.removeLast(removed.count)
            case .setCurrentDocument(let document): view.currentDocument = document
            }
        }
    }
}
