import Foundation

/// Evaluates a query to the set of units it matches, using the index wherever it can. It reads the
/// corpus, and asks `coding` for what tags and notes cover.
struct QueryEvaluator {
    let corpus: Corpus
    let coding: any CodedUnitLookup
    var cancel: CancellationFlag?

    init(corpus: Corpus, coding: any CodedUnitLookup, cancel: CancellationFlag? = nil) {
        self.corpus = corpus
        self.coding = coding
        self.cancel = cancel
    }

    private var capacity: Int { corpus.units.count }
    private var index: SearchIndex { corpus.index }

    /// Units of `universe` that match.
    func evaluate(_ node: QueryNode, within universe: UnitSet) throws(GlossError) -> UnitSet {
        var result = try matches(node, universe: universe)
        result.formIntersection(universe)
        return result
    }

    private func matches(_ node: QueryNode, universe: UnitSet) throws(GlossError) -> UnitSet {
        try cancel?.check()
        switch node {
        case .all:
            return universe
        case .word(let term):
            return index.units(withTerm: term, capacity: capacity)
        case .stem(let word, let language):
            return unitSet(of: index.postingLists(stemOf: word, language: language))
        case .prefix(let stem):
            return unitSet(of: prefixLists(stem))
        case .phrase(let words):
            return positional(words, universe: universe) { positions in Self.containsPhrase(positions) }
        case .near(let words, let distance):
            return positional(words, universe: universe) { positions in Self.withinWindow(positions, distance) }
        case .regex(let pattern, let caseInsensitive, let column):
            return try regex(pattern, caseInsensitive: caseInsensitive, column: column, universe: universe)
        case .kinds(let kinds):
            var set = UnitSet(capacity: capacity)
            for kind in kinds { set.formUnion(kindSet(kind)) }
            return set
        case .section(let words):
            return sectionUnits(words)
        case .document(let glob):
            var set = UnitSet(capacity: capacity)
            for document in corpus.loadedDocumentIndices
            where fnmatch(glob, corpus.documents[document].id, 0) == 0 {
                for unit in corpus.documentUnits[document] { set.insert(unit) }
            }
            return set
        case .metadata, .language, .published, .path:
            var set = UnitSet(capacity: capacity)
            for document in corpus.loadedDocumentIndices
            where MetadataMatch.matches(node, corpus.documents[document]) {
                for unit in corpus.documentUnits[document] { set.insert(unit) }
            }
            return set
        case .tag(let name):
            return try coding.units(taggedWith: name)
        case .note(let words):
            return coding.unitsWithNotes(containing: words)
        case .hasTag:
            return coding.unitsWithAnyTag()
        case .hasNote:
            return coding.unitsWithNotes(containing: nil)
        case .untagged:
            return universe.subtracting(coding.unitsWithAnyTag())
        case .and(let nodes):
            var result = universe
            // Cheap, selective operands first; NOT last, against what is left.
            for node in nodes.sorted(by: { Self.cost($0) < Self.cost($1) }) {
                if case .not(let inner) = node {
                    result.subtract(try matches(inner, universe: result))
                } else {
                    result.formIntersection(try matches(node, universe: result))
                }
                if result.isEmpty { break }
            }
            return result
        case .or(let nodes):
            var result = UnitSet(capacity: capacity)
            for node in nodes { result.formUnion(try matches(node, universe: universe)) }
            return result
        case .not(let inner):
            return universe.subtracting(try matches(inner, universe: universe))
        }
    }

    /// Rough evaluation cost, to order AND operands.
    private static func cost(_ node: QueryNode) -> Int {
        switch node {
        case .word, .kinds, .document, .metadata, .language, .published, .path, .tag, .hasTag, .hasNote, .untagged,
            .all:
            return 0
        case .stem, .prefix, .section, .note: return 1
        case .phrase, .near, .and, .or: return 2
        case .not: return 3
        case .regex: return 4
        }
    }

    // MARK: - Words

    private func prefixLists(_ stem: String) -> [PostingList] {
        let prefix = Array(stem.utf8)
        return index.postingLists { term in
            term.count >= prefix.count && zip(term, prefix).allSatisfy { $0 == $1 }
        }
    }

    private func unitSet(of lists: [PostingList]) -> UnitSet {
        index.unitSet(of: lists, capacity: capacity)
    }

    /// Units containing all words whose positions satisfy `accept` (phrases, NEAR). A unit lives in
    /// one shard, so each shard is checked on its own: its posting lists are sorted by unit, and one
    /// merge walks them together.
    private func positional(_ words: [String], universe: UnitSet, accept: ([ArraySlice<Int32>]) -> Bool) -> UnitSet {
        var candidates = universe
        for word in words {
            candidates.formIntersection(index.units(withTerm: word, capacity: capacity))
            if candidates.isEmpty { return candidates }
        }
        var matched: [Int32] = []
        for shard in index.shards {
            var tables: [PositionTable] = []
            for word in words {
                guard let list = shard.postingList(for: word) else { break }
                tables.append(PositionTable(list, keeping: candidates))
            }
            guard tables.count == words.count else { continue }
            var cursors = [Int](repeating: 0, count: tables.count)
            outer: while cursors[0] < tables[0].units.count {
                let unit = tables[0].units[cursors[0]]
                for k in 1..<tables.count {
                    while cursors[k] < tables[k].units.count, tables[k].units[cursors[k]] < unit { cursors[k] += 1 }
                    if cursors[k] == tables[k].units.count { break outer }
                }
                if (1..<tables.count).allSatisfy({ tables[$0].units[cursors[$0]] == unit }),
                    accept(tables.indices.map { tables[$0].positions(at: cursors[$0]) })
                {
                    matched.append(unit)
                }
                cursors[0] += 1
            }
        }
        return UnitSet(capacity: capacity, matched)
    }

    /// Word `i` at position `p + i` for some `p`.
    static func containsPhrase(_ positions: [ArraySlice<Int32>]) -> Bool {
        positions[0].contains { start in
            positions.indices.dropFirst().allSatisfy { offset in
                let slice = positions[offset]
                let target = start + Int32(offset)
                var low = slice.startIndex
                var high = slice.endIndex
                while low < high {
                    let middle = (low + high) / 2
                    if slice[middle] < target { low = middle + 1 } else { high = middle }
                }
                return low < slice.endIndex && slice[low] == target
            }
        }
    }

    /// Some occurrence of every word inside a window of `distance` words (any order).
    static func withinWindow(_ positions: [ArraySlice<Int32>], _ distance: Int) -> Bool {
        var events: [(position: Int32, word: Int)] = []
        for (word, list) in positions.enumerated() { for position in list { events.append((position, word)) } }
        events.sort { $0.position < $1.position }
        var counts = [Int](repeating: 0, count: positions.count)
        var covered = 0
        var left = 0
        for right in events.indices {
            if counts[events[right].word] == 0 { covered += 1 }
            counts[events[right].word] += 1
            while events[right].position - events[left].position > Int32(distance) {
                counts[events[left].word] -= 1
                if counts[events[left].word] == 0 { covered -= 1 }
                left += 1
            }
            if covered == positions.count { return true }
        }
        return false
    }

    // MARK: - Regular expressions

    /// Narrows candidates with a literal the regex requires (looked up in the vocabulary), then runs
    /// PCRE2 on what remains, in parallel. A unit PCRE2 gives up on fails the query (the first in
    /// order): taking it for "no match" would drop units silently.
    private func regex(_ pattern: String, caseInsensitive: Bool, column: Int, universe: UnitSet) throws(GlossError)
        -> UnitSet
    {
        let matcher = try RegexMatcher(pattern: pattern, caseInsensitive: caseInsensitive)
        var candidates = universe
        if let pieces = RegexLiteral.requiredAlternatives(of: pattern) {
            let needles = pieces.map { Array($0.utf8) }
            let lists = index.postingLists { term in needles.contains { Self.contains(term, $0) } }
            candidates.formIntersection(unitSet(of: lists))
        }
        let ids = candidates.ids
        let chunkCount = ids.count < 512 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
        let chunkSize = (ids.count + chunkCount - 1) / max(1, chunkCount)
        let chunks = stride(from: 0, to: ids.count, by: max(1, chunkSize)).map {
            Array(ids[$0..<min(ids.count, $0 + chunkSize)])
        }
        let reader = corpus.unitTextReader
        let cancel = self.cancel
        typealias Scan = (hits: [Int32], failure: (unit: Int32, RegexMatcher.MatchFailure)?)
        let matched = ParallelMap.map(chunks) { chunk -> Scan in
            let scratch = RegexMatcher.Scratch(for: matcher)
            var hits: [Int32] = []
            for unit in chunk {
                // Every unit: one regex match can take long (backtracking), and the flag is one load.
                if cancel?.isRaised == true { break }
                var failure: RegexMatcher.MatchFailure?
                let hit = reader.withUTF8(ofUnit: unit) { bytes in
                    do throws(RegexMatcher.MatchFailure) {
                        return try matcher.matches(bytes, scratch: scratch)
                    } catch {
                        failure = error
                        return false
                    }
                }
                if let failure { return (hits, (unit, failure)) }
                if hit { hits.append(unit) }
            }
            return (hits, nil)
        }
        try cancel?.check()
        if let (unit, failure) = matched.lazy.compactMap({ (scan: Scan) in scan.failure }).first {
            throw failure.error(at: corpus.label(corpus.units[Int(unit)].ref, qualified: true), column: column)
        }
        return UnitSet(capacity: capacity, matched.map { (scan: Scan) in scan.hits }.joined())
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        if needle.isEmpty { return true }
        let first = needle[0]
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    // MARK: - Structure

    func kindSet(_ kind: QueryNode.KindFilter) -> UnitSet {
        if let cached = corpus.kindSets[kind] { return cached }
        var set = UnitSet(capacity: capacity)
        for (id, unit) in corpus.units.enumerated() where Self.unit(unit, is: kind, in: corpus) {
            set.insert(Int32(id))
        }
        corpus.kindSets[kind] = set
        return set
    }

    private static func unit(_ unit: Unit, is kind: QueryNode.KindFilter, in corpus: Corpus) -> Bool {
        switch kind {
        case .paragraph: return unit.kind == .paragraph
        case .list: return unit.kind == .list
        case .quote: return unit.kind == .quote
        case .code: return unit.kind == .code
        case .tableRow: return unit.kind == .tableRow
        case .caption: return unit.kind == .caption
        case .footnote: return unit.kind == .footnote
        case .heading: return unit.kind == .heading
        case .title: return unit.kind == .title
        case .faq: return unit.kind == .question || unit.kind == .answer
        case .question: return unit.kind == .question
        case .answer: return unit.kind == .answer
        case .keyPoint: return unit.kind == .keyPoint
        case .lead: return unit.section == 0 && unit.kind != .title
        case .summary:
            return corpus.documents[Int(unit.document)].sections[Int(unit.section)].role == .summary
                && unit.kind != .heading
        }
    }

    /// Units of sections whose heading contains all the words.
    private func sectionUnits(_ words: [String]) -> UnitSet {
        var headings = kindSet(.heading)
        for word in words { headings.formIntersection(index.units(withTerm: word, capacity: capacity)) }
        var set = UnitSet(capacity: capacity)
        headings.forEach { heading in
            let unit = corpus.units[Int(heading)]
            for id in corpus.documentUnits[Int(unit.document)] where corpus.units[Int(id)].section == unit.section {
                set.insert(id)
            }
        }
        return set
    }
}
