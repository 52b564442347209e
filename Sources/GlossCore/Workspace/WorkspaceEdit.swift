/// A change to the workspace that can be undone: annotation edits, and showing or hiding a loaded
/// document. Commands change state only through `Workspace.perform(_:)`.
public enum WorkspaceEdit: Hashable, Sendable {
    case annotation(Annotations.Edit)
    case setLoaded(document: Int, Bool)
}

extension Workspace {
    /// Applies an edit and records its inverse for the running command.
    public func perform(_ edit: WorkspaceEdit) {
        annotationVersion += 1
        let inverse: WorkspaceEdit
        switch edit {
        case .annotation(let annotationEdit):
            inverse = .annotation(annotations.apply(annotationEdit))
        case .setLoaded(let document, let loaded):
            inverse = .setLoaded(document: document, isLoaded[document])
            setLoaded(document, loaded)
        }
        pendingInverses.append(inverse)
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
            case .setLoaded(let document, let loaded): setLoaded(document, loaded)
            }
        }
        pendingInverses = []
    }
}
