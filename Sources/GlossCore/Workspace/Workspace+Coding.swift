/// How annotations map onto units, for `tag:`, `has:` and `note:` queries.
extension Workspace: CodedUnitLookup {
    /// Units covered by a tag or its children: tagged elements (a section or document covers all its
    /// units) and the units holding tagged marks.
    func units(taggedWith name: String) throws(GlossError) -> UnitSet {
        let key = Tag.key(name)
        guard annotations.tags[key] != nil else {
            let suggestion = Suggestion.phrase(for: name, among: annotations.tags.values.map(\.path))
            throw GlossError("no tag '\(name)' in the codebook\(suggestion)")
        }
        if let cached = caches.taggedUnits[key], cached.version == caches.annotationVersion,
            cached.units.capacity == corpus.units.count
        {
            return cached.units
        }
        let keys = Set(annotations.subtree(key))
        var ids: [Int32] = []
        defer {
            caches.taggedUnits[key] = (caches.annotationVersion, UnitSet(capacity: corpus.units.count, ids))
        }
        for key in keys {
            for ref in annotations.tagElements[key] ?? [] { appendUnits(of: ref, to: &ids) }
        }
        for mark in annotations.marks.values where !keys.isDisjoint(with: mark.tags) {
            if let unit = unit(of: mark) { ids.append(unit) }
        }
        // Collected in any order, sorted once: inserting one by one into a sorted set is quadratic.
        return UnitSet(capacity: corpus.units.count, ids)
    }

    func unitsWithAnyTag() -> UnitSet {
        var ids: [Int32] = []
        for ref in annotations.elementTags.keys { appendUnits(of: ref, to: &ids) }
        for mark in annotations.marks.values where !mark.tags.isEmpty {
            if let unit = unit(of: mark) { ids.append(unit) }
        }
        return UnitSet(capacity: corpus.units.count, ids)
    }

    func unitsWithNotes(containing words: [String]?) -> UnitSet {
        var ids: [Int32] = []
        let tokenizer = Tokenizer()
        for note in annotations.notes.values {
            if let words {
                let noteWords = Set(tokenizer.foldedWords(note.text))
                guard words.allSatisfy(noteWords.contains) else { continue }
            }
            for target in note.targets {
                switch target {
                case .element(let ref): appendUnits(of: ref, to: &ids)
                case .mark(let id):
                    if let mark = annotations.marks[id], let unit = unit(of: mark) { ids.append(unit) }
                case .tag: break
                }
            }
        }
        return UnitSet(capacity: corpus.units.count, ids)
    }

    private func appendUnits(of ref: ElementRef, to ids: inout [Int32]) {
        guard corpus.exists(ref) else { return }
        ids.append(contentsOf: corpus.units(of: ref))
    }

    /// The unit a mark's span lies in.
    public func unit(of mark: Mark) -> Int32? {
        guard corpus.exists(mark.element) else { return nil }
        return corpus.units(of: mark.element).first { corpus.units[Int($0)].kind == mark.part }
    }
}

extension QueryEvaluator {
    /// An evaluator over the workspace's corpus and annotations.
    init(workspace: Workspace, cancel: CancellationFlag? = nil) {
        self.init(corpus: workspace.corpus, coding: workspace, cancel: cancel)
    }
}
