/// The order `next` and `prev` read in: a document's passages, FAQ entries and key points section by
/// section, then the next loaded document's. Worked out for the documents a step touches only.
struct ReadingOrder {
    let workspace: Workspace

    /// Where a step starts: an element shown (a whole section or document shown counts as read), or
    /// the start of a document when nothing was shown yet.
    enum Position {
        case at(ElementRef)
        case start(of: Int)

        var document: Int {
            switch self {
            case .at(let ref): return ref.document
            case .start(let document): return document
            }
        }

        var isStart: Bool {
            if case .start = self { return true }
            return false
        }
    }

    /// Passages, FAQ entries and key points of a document in reading order.
    func elements(of document: Int) -> [ElementRef] {
        ElementRenderer(workspace: workspace, view: nil).layout(of: document).children.flatMap { $0 }
    }

    /// The section an element lies in (the lead for a document).
    func sectionIndex(of ref: ElementRef) -> Int {
        switch ref.address {
        case .document, .title: return 0
        case .section(let s), .passage(let s, _): return s
        case .faq(let q): return workspace.corpus.documents[ref.document].faq[q - 1].section
        case .keyPoint(let k): return workspace.corpus.documents[ref.document].keyPoints[k - 1].section
        }
    }

    /// The next (or previous) loaded document in load order.
    func document(besides document: Int, forward: Bool) -> Int? {
        let loaded = workspace.corpus.loadedDocumentIndices
        guard let position = loaded.firstIndex(of: document) else { return loaded.first }
        let other = position + (forward ? 1 : -1)
        return loaded.indices.contains(other) ? loaded[other] : nil
    }

    /// The element after (or before) a position, going on into the next (or previous) document.
    func element(besides position: Position, forward: Bool) -> ElementRef? {
        var document = position.document
        let elements = self.elements(of: document)
        var candidates: [ElementRef]
        switch position {
        case .start:
            candidates = forward ? elements : []
        case .at(let ref):
            switch ref.address {
            case .document:
                candidates = []
            case .title:
                candidates = forward ? elements : []
            case .section(let s):
                candidates =
                    forward
                    ? elements.filter { sectionIndex(of: $0) > s }
                    : elements.filter { sectionIndex(of: $0) < s }.reversed()
            default:
                let index = elements.firstIndex(of: ref) ?? 0
                candidates = forward ? Array(elements[(index + 1)...]) : elements[..<index].reversed()
            }
        }
        while candidates.isEmpty {
            guard let other = self.document(besides: document, forward: forward) else { return nil }
            document = other
            candidates = forward ? self.elements(of: document) : self.elements(of: document).reversed()
        }
        return candidates.first
    }

    /// The section after (or before) a position's, going on into the next (or previous) document.
    func section(besides position: Position, forward: Bool) -> ElementRef? {
        var document = position.document
        let sections = readableSections(of: document)
        var candidates: [Int]
        switch position {
        case .start:
            candidates = forward ? sections : []
        case .at(let ref) where ref.address == .document:
            candidates = []
        case .at(let ref):
            let current = sectionIndex(of: ref)
            candidates = forward ? sections.filter { $0 > current } : sections.filter { $0 < current }.reversed()
        }
        while candidates.isEmpty {
            guard let other = self.document(besides: document, forward: forward) else { return nil }
            document = other
            candidates = forward ? readableSections(of: document) : readableSections(of: document).reversed()
        }
        return ElementRef(document: document, address: .section(candidates[0]))
    }

    /// The sections one can show: the lead when it has passages, then every headed section.
    private func readableSections(of document: Int) -> [Int] {
        workspace.corpus.documents[document].sections.indices.filter {
            $0 > 0 || workspace.corpus.documents[document].hasLead
        }
    }
}
