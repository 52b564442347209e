/// A change to the workspace that can be undone: annotation edits, and showing or hiding loaded
/// documents (a run of them: a load of thousands is one edit). Commands change state only through
/// `Workspace.perform(_:)`.
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
    /// Applies an edit and records its inverse for the running command.
    public func perform(_ edit: WorkspaceEdit) {
        annotationVersion += 1
        switch edit {
        case .annotation(let annotationEdit):
            pendingInverses.append(.annotation(annotations.apply(annotationEdit)))
        case .setLoaded(let range, let loaded):
            // The inverse gives each document back its state: one edit per run of documents that share it.
            var start = range.lowerBound
            while start < range.upperBound {
                var end = start + 1
                while end < range.upperBound, isLoaded[end] == isLoaded[start] { end += 1 }
                pendingInverses.append(.setLoaded(documents: start..<end, isLoaded[start]))
                start = end
            }
            let current = currentDocument
            setLoaded(range, loaded)
            if currentDocument != current { pendingInverses.append(.setCurrentDocument(current)) }
        case .addOrphans(let added):
            orphans += added
            pendingInverses.append(.removeOrphans(added))
        case .removeOrphans(let removed):
            orphans.removeLast(removed.count)
            pendingInverses.append(.addOrphans(removed))
        case .setCurrentDocument(let document):
            pendingInverses.append(.setCurrentDocument(currentDocument))
            currentDocument = document
        }
    }

    public func perform(_ edit: Annotations.Edit) {
        perform(.annotation(edit))
    }

    /// Applies edits in order and returns their inverses, last first: what undoes the whole list.
    func applyReturningInverses(_ edits: [WorkspaceEdit]) -> [WorkspaceEdit] {
        annotationVersion += 1
        let saved = pendingInverses
        pendingInverses = []
        for edit in edits { perform(edit) }
        let inverses = pendingInverses.reversed()
        pendingInverses = saved
        return Array(inverses)
    }

    /// Starts recording a command's changes (and what it touches and orphans).
    func beginChanges() {
        pendingInverses = []
        pendingTouched = []
        pendingResolutions = []
        pendingOrphans = []
    }

    /// Forgets how the last command's target words were resolved (the next of a compound line starts).
    func clearResolutions() {
        pendingResolutions = []
        pendingOrphans = []
    }

    /// Stops recording; returns the edits that undo the command, in the order to apply them.
    func endChanges() -> [WorkspaceEdit] {
        defer { pendingInverses = [] }
        return pendingInverses.reversed()
    }

    /// Undoes the changes recorded so far (a command failed half-way).
    func rollBackChanges() {
        annotationVersion += 1
        let inverses = endChanges()
        for edit in inverses {
            switch edit {
            case .annotation(let annotationEdit): annotations.apply(annotationEdit)
            case .setLoaded(let range, let loaded): setLoaded(range, loaded)
            case .addOrphans(let added): orphans += added
            case .removeOrphans(let removed): orphans.removeLast(removed.count)
            case .setCurrentDocument(let document): currentDocument = document
            }
        }
        pendingInverses = []
    }
}
