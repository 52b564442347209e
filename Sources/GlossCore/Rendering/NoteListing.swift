/// How notes and their targets are described and selected.
enum NoteListing {
    static func describe(_ target: NoteTarget, in workspace: Workspace, qualified: Bool? = nil) -> String {
        switch target {
        case .element(let ref): return workspace.corpus.label(ref, qualified: qualified)
        case .mark(let id): return "m\(id)"
        case .tag(let key): return "tag:" + (workspace.annotations.tags[key]?.path ?? key)
        }
    }

    /// True when a note target is one of `refs` or lies inside one of them (a passage in a section,
    /// a mark in a passage).
    static func target(_ target: NoteTarget, liesWithin refs: Set<ElementRef>, in workspace: Workspace) -> Bool {
        let ref: ElementRef
        switch target {
        case .element(let element): ref = element
        case .mark(let id):
            guard let mark = workspace.annotations.marks[id] else { return false }
            ref = mark.element
        case .tag: return false
        }
        if refs.contains(ref) { return true }
        return refs.contains { container in
            guard container.document == ref.document else { return false }
            switch (container.address, ref.address) {
            case (.document, _): return true
            case (.section(let s), .passage(let section, _)): return s == section
            case (.section(let s), .faq(let q)): return workspace.corpus.documents[ref.document].faq[q - 1].section == s
            case (.section(let s), .keyPoint(let k)):
                return workspace.corpus.documents[ref.document].keyPoints[k - 1].section == s
            default: return false
            }
        }
    }
}
