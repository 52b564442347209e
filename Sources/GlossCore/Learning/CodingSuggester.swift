/// Learns from the analyst's codings what else deserves a tag (`suggest`), and finds what reads like
/// a given text (`similar`). Works on the items of one grain: whole documents when the tag was
/// applied to documents, else passages, FAQ entries and key points.
struct CodingSuggester {
    let workspace: Workspace

    /// Fewer coded items than this, and a tag teaches nothing reliable.
    static let minimumExamples = 3
    /// Words shown after "because:".
    static let reasonCount = 3

    /// One ranked row.
    struct Row {
        var ref: ElementRef
        /// The suggested tag's path (nil for `similar`).
        var tag: String?
        /// The tag's share of the row (0–1) for `suggest`, the cosine for `similar`.
        var score: Double
        var reasons: [String]
    }

    /// The name of the "everything else" class.
    static let rest = "(rest)"

    struct Listing {
        var grain: CodingGrain
        /// The tag asked for (`suggest TAG`).
        var focus: String?
        /// Ranked rows; only the first `limit` have their reasons.
        var rows: [Row]
        /// The tags learned from, with their numbers of examples (a last "(rest)" class is no tag).
        var classes: [(path: String, examples: Int)]
        /// Leaves left out for having fewer than `minimumExamples` examples (`--all`).
        var skipped: [String] = []
    }

    /// A model's classes: each tag's keys (with the tags below it) and coded items.
    private struct Classes {
        var paths: [String] = []
        var examples: [[Int32]] = []
        /// True when the last class is "everything else", added when a single tag has examples.
        var hasRest = false
    }

    // MARK: - suggest TAG

    /// The items of `candidates` (units) that do not carry `tag`, ranked by how much more they read
    /// like its examples than like the other tags' (or, when no other tag has examples, than like
    /// everything else); `minimum` keeps those whose score reaches it.
    func suggest(tag name: String, within candidates: UnitSet, minimum: Double, limit: Int) throws(GlossError)
        -> Listing
    {
        let tag = try workspace.existingTag(name)
        let keys = workspace.annotations.subtree(tag.key)
        let grain = grain(of: keys)
        let context = workspace.learningContext(grain)
        let covered = try workspace.units(taggedWith: tag.path)
        let examples = self.examples(of: keys, in: context)
        guard examples.count >= Self.minimumExamples else {
            throw GlossError(tooFew(tag.path, examples.count, grain))
        }
        var classes = Classes(paths: [tag.path], examples: [examples])
        let ancestors = Set(sequence(first: tag.path, next: Tag.parent).map(Tag.key))
        for leaf in leaves()
        where !Tag.key(leaf.key, isWithin: tag.key) && !ancestors.contains(leaf.key)
            && self.grain(of: [leaf.key]) == grain
        {
            let members = self.examples(of: [leaf.key], in: context)
            if members.count >= Self.minimumExamples {
                classes.paths.append(leaf.path)
                classes.examples.append(members)
            }
        }
        addRestIfAlone(&classes, in: context)
        let model = CentroidModel(matrix: context.matrix, examples: classes.examples, refine: !classes.hasRest)
        let excluded = Set(context.items.items(of: covered))
        var ranked: [(item: Int32, order: Double, share: Double)] = []
        for item in context.items.items(of: candidates) where !excluded.contains(item) {
            let cosines = model.similarities(ofRow: Int(item))
            let share = Double(CentroidModel.softmax(cosines)[0])
            if share >= minimum { ranked.append((item, CentroidModel.logOdds(cosines, of: 0), share)) }
        }
        ranked.sort { $0.order != $1.order ? $0.order > $1.order : $0.item < $1.item }
        let rows = ranked.enumerated().map { position, entry in
            var row = Row(ref: context.items.refs[Int(entry.item)], tag: tag.path, score: entry.share, reasons: [])
            if position < limit {
                row.reasons = reasons(model, context, item: entry.item, for: 0)
            }
            return row
        }
        return Listing(grain: grain, focus: tag.path, rows: rows, classes: described(classes))
    }

    // MARK: - suggest --all

    /// Every uncoded item of `candidates` with its best tag among the codebook's leaves, grouped by tag
    /// (in codebook order), most confident first; `minimum` keeps those whose share reaches it.
    func suggestAll(within candidates: UnitSet, minimum: Double, limit: Int) throws(GlossError) -> Listing {
        // Each coded leaf has its grain; the grain most leaves share is ranked, from those leaves.
        let coded = leaves().filter { workspace.annotations.directCount($0.key) > 0 }
        let grains = coded.map { self.grain(of: [$0.key]) }
        let grain: CodingGrain = grains.filter { $0 == .document }.count * 2 > grains.count ? .document : .element
        let context = workspace.learningContext(grain)
        var classes = Classes()
        var skipped: [String] = []
        for (leaf, leafGrain) in zip(coded, grains) {
            let members = leafGrain == grain ? examples(of: [leaf.key], in: context) : []
            if members.count >= Self.minimumExamples {
                classes.paths.append(leaf.path)
                classes.examples.append(members)
            } else {
                skipped.append(leaf.path)
            }
        }
        guard !classes.paths.isEmpty else {
            throw GlossError(
                "suggest --all learns from tags with at least \(Self.minimumExamples) coded \(plural(grain)) each, and none has that many yet: "
                    + "tag a few \(plural(grain)) first (tag \(grain == .document ? "DOC:" : "ADDR") TAG)")
        }
        let tagClasses = classes.paths.count
        addRestIfAlone(&classes, in: context)
        let model = CentroidModel(matrix: context.matrix, examples: classes.examples, refine: !classes.hasRest)
        let codedItems = Set(context.items.items(of: workspace.unitsWithAnyTag()))
        var ranked: [(item: Int32, best: Int, order: Double, share: Double)] = []
        for item in context.items.items(of: candidates) where !codedItems.contains(item) {
            let cosines = model.similarities(ofRow: Int(item))
            var best = 0
            for index in 1..<tagClasses where cosines[cosines.startIndex + index] > cosines[cosines.startIndex + best] {
                best = index
            }
            let share = Double(CentroidModel.softmax(cosines)[best])
            guard share >= minimum else { continue }
            ranked.append((item, best, CentroidModel.logOdds(cosines, of: best), share))
        }
        ranked.sort { a, b in
            if a.best != b.best { return a.best < b.best }
            return a.order != b.order ? a.order > b.order : a.item < b.item
        }
        let rows = ranked.enumerated().map { position, entry in
            var row = Row(
                ref: context.items.refs[Int(entry.item)], tag: classes.paths[entry.best], score: entry.share,
                reasons: [])
            if position < limit { row.reasons = reasons(model, context, item: entry.item, for: entry.best) }
            return row
        }
        return Listing(grain: grain, rows: rows, classes: described(classes), skipped: skipped)
    }

    // MARK: - similar

    /// The items of `candidates` most like a target: a document (documents are compared), or an
    /// element or mark (passages, FAQ entries and key points are compared), by the cosine of their
    /// TF-IDF vectors. The target's own items are left out.
    func similar(to target: CodingTarget, within candidates: UnitSet, limit: Int) -> Listing {
        let ref: ElementRef
        var text: String?
        switch target {
        case .element(let element): ref = element
        case .mark(let id):
            let mark = workspace.annotations.marks[id]!
            ref = mark.element
            text = mark.quote
        }
        let grain: CodingGrain = ref.address == .document ? .document : .element
        let context = workspace.learningContext(grain)
        let matrix = context.matrix
        let own = Set(
            context.items.items(of: UnitSet(capacity: workspace.corpus.units.count, workspace.corpus.units(of: ref))))
        var query: [(Int32, Float)]
        if text == nil, own.count == 1, let item = own.first {
            query = matrix.row(Int(item)).map { (matrix.columns[$0], matrix.values[$0]) }
        } else {
            let joined =
                text
                ?? workspace.corpus.units(of: ref).map { workspace.corpus.text(ofUnit: $0) }.joined(separator: "\n")
            query = matrix.vector(ofText: joined, vocabulary: context.vocabulary)
        }
        var dense = [Float](repeating: 0, count: matrix.columnCount)
        for (word, value) in query { dense[Int(word)] = value }
        var ranked: [(item: Int32, score: Float)] = []
        for item in context.items.items(of: candidates) where !own.contains(item) {
            var score: Float = 0
            for slot in matrix.row(Int(item)) { score += matrix.values[slot] * dense[Int(matrix.columns[slot])] }
            if score > 0 { ranked.append((item, score)) }
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }
        let rows = ranked.enumerated().map { position, entry in
            var row = Row(ref: context.items.refs[Int(entry.item)], tag: nil, score: Double(entry.score), reasons: [])
            if position < limit {
                let entries = matrix.row(Int(entry.item)).map { (matrix.columns[$0], matrix.values[$0]) }
                row.reasons = Self.readable(CentroidModel.topWords(entries) { dense[Int($0)] }, context)
            }
            return row
        }
        return Listing(grain: grain, rows: rows, classes: [])
    }

    // MARK: - Helpers

    /// Document grain when most of the codings with these tags are of whole documents (a tag's own
    /// grain, or with the tags below it).
    private func grain(of keys: [String]) -> CodingGrain {
        var documents = 0
        var others = 0
        let annotations = workspace.annotations
        for key in keys {
            for ref in annotations.tagElements[key] ?? [] where workspace.corpus.isLoaded[ref.document] {
                if ref.address == .document { documents += 1 } else { others += 1 }
            }
        }
        let keySet = Set(keys)
        others += annotations.marks.values.filter { !keySet.isDisjoint(with: $0.tags) }.count
        return documents > others ? .document : .element
    }

    /// Items coded with one of `keys`: in document grain, documents tagged whole; in element grain,
    /// items any of whose units the tags cover (through a section, a document or a mark too).
    private func examples(of keys: [String], in context: LearningContext) -> [Int32] {
        switch context.grain {
        case .document:
            var units: [Int32] = []
            for key in keys {
                for ref in workspace.annotations.tagElements[key] ?? []
                where ref.address == .document && workspace.corpus.isLoaded[ref.document] {
                    if let first = workspace.corpus.documentUnits[ref.document].first { units.append(first) }
                }
            }
            return context.items.items(of: UnitSet(capacity: workspace.corpus.units.count, units))
        case .element:
            var units = UnitSet(capacity: workspace.corpus.units.count)
            for key in keys {
                if let covered = try? workspace.units(taggedWith: key) { units.formUnion(covered) }
            }
            return context.items.items(of: units.intersection(workspace.corpus.liveUnits))
        }
    }

    /// Tags with no tag below them, in codebook order.
    private func leaves() -> [Tag] {
        let tags = workspace.annotations.tags.values
        let parents = Set(tags.compactMap { Tag.parent(of: $0.path).map(Tag.key) })
        return tags.filter { !parents.contains($0.key) }.sorted { $0.path.lowercased() < $1.path.lowercased() }
    }

    /// With a single tag there is nothing to tell it from but the rest: every item not coded with it.
    private func addRestIfAlone(_ classes: inout Classes, in context: LearningContext) {
        guard classes.paths.count == 1 else { return }
        let members = Set(classes.examples[0])
        classes.paths.append(Self.rest)
        classes.examples.append((0..<Int32(context.items.count)).filter { !members.contains($0) })
        classes.hasRest = true
    }

    private func described(_ classes: Classes) -> [(path: String, examples: Int)] {
        zip(classes.paths, classes.examples).map { ($0, $1.count) }
    }

    /// The words that weigh most for class `index` against its closest rival in an item.
    private func reasons(_ model: CentroidModel, _ context: LearningContext, item: Int32, for index: Int) -> [String] {
        let cosines = model.similarities(ofRow: Int(item))
        var rival: Int?
        for other in 0..<model.classCount where other != index {
            if rival == nil || cosines[cosines.startIndex + other] > cosines[cosines.startIndex + rival!] {
                rival = other
            }
        }
        return Self.readable(model.reasons(row: Int(item), matrix: context.matrix, for: index, against: rival), context)
    }

    /// The first `reasonCount` words that have a letter: numbers weigh like words, but explain little.
    static func readable(_ ranked: [Int32], _ context: LearningContext) -> [String] {
        var words: [String] = []
        for column in ranked where words.count < reasonCount {
            let word = context.matrix.word(ofColumn: column, in: context.vocabulary)
            if word.unicodeScalars.contains(where: \.properties.isAlphabetic) { words.append(word) }
        }
        return words
    }

    private func plural(_ grain: CodingGrain) -> String {
        grain == .document ? "documents" : "passages"
    }

    private func tooFew(_ path: String, _ count: Int, _ grain: CodingGrain) -> String {
        let what = grain == .document ? (count == 1 ? "document" : "documents") : (count == 1 ? "element" : "elements")
        return "[\(path)] has \(count) coded \(what); suggest learns from at least \(Self.minimumExamples): "
            + "tag \(Self.minimumExamples - count) more (tag \(grain == .document ? "DOC:" : "ADDR") \(path)), then ask again"
    }
}
