/// How annotations map onto units, for `tag:`, `has:` and `note:` queries.
extension Workspace {
    /// Units covered by a tag or its children: tagged elements (a section or document covers all its
    /// units) and the units holding tagged marks.
    func units(taggedWith name: String) throws(GlossError) -> UnitSet {
        let key = Tag.key(name)
        guard annotations.tags[key] != nil else {
            let suggestion = Suggestion.phrase(for: name, among: annotations.tags.values.map(\.path))
            throw GlossError("no tag '\(name)' in the codebook\(suggestion)")
        }
        let keys = Set(annotations.subtree(key))
        var set = UnitSet(capacity: units.count)
        for key in keys {
            for ref in annotations.tagElements[key] ?? [] { insertUnits(of: ref, into: &set) }
        }
        for mark in annotations.marks.values where !keys.isDisjoint(with: mark.tags) {
            if let unit = unit(of: mark) { set.insert(unit) }
        }
        return set
    }

    func unitsWithAnyTag() -> UnitSet {
        var set = UnitSet(capacity: units.count)
        for ref in annotations.elementTags.keys { insertUnits(of: ref, into: &set) }
        for mark in annotations.marks.values where !mark.tags.isEmpty {
            if let unit = unit(of: mark) { set.insert(unit) }
        }
        return set
    }

    /// Units with a note (whose text has all `words`, when given) on them, their element or their marks.
    func unitsWithNotes(containing words: [String]?) -> UnitSet {
        var set = UnitSet(capacity: units.count)
        let tokenizer = Tokenizer()
        for note in annotations.notes.values {
            if let words {
                let noteWords = Set(tokenizer.foldedWords(note.text))
                guard words.allSatisfy(noteWords.contains) else { continue }
            }
            for target in note.targets {
                switch target {
                case .element(let ref): insertUnits(of: ref, into: &set)
                case .mark(let id):
                    if let mark = annotations.marks[id], let unit = unit(of: mark) { set.insert(unit) }
                case .tag: break
                }
            }
        }
        return set
    }

    private func insertUnits(of ref: ElementRef, into set: inout UnitSet) {
        guard exists(ref) else { return }
        for unit in units(of: ref) { set.insert(unit) }
    }

    /// The unit a mark's span lies in.
    public func unit(of mark: Mark) -> Int32? {
        guard exists(mark.element) else { return nil }
        return units(of: mark.element).first { units[Int($0)].kind == mark.part }
    }
}
