import Dispatch

/// The inverted index over every unit of the workspace: words with their positions, for words,
/// prefixes, phrases and NEAR. Built incrementally as documents load, on all cores.
public final class SearchIndex: @unchecked Sendable {
    /// Shards in order of their units; each covers the ids from its base to the next shard's.
    private(set) var shards: [IndexShard] = []
    /// Word count of each unit, for BM25.
    private(set) var unitLengths: [Int32] = []
    private(set) var totalLength: Int = 0

    /// A shard may keep growing while it is this small; past it, loads start new shards.
    static let smallShard: Int32 = 20_000

    public init() {}

    public var unitCount: Int { unitLengths.count }
    public var averageUnitLength: Double { unitCount == 0 ? 0 : Double(totalLength) / Double(unitCount) }

    /// Indexes units that follow the current ones: into the last shard when the batch and the shard are
    /// small (so many small loads do not make many shards), else into new shards built on all cores.
    public func add(_ texts: [StoredText]) {
        guard !texts.isEmpty else { return }
        if texts.count < 2_000, let last = shards.last, last.unitCount < Self.smallShard {
            record(last.add(texts[...]))
            return
        }
        let parts = ParallelMap.chunks(of: texts, count: texts.count < 2_000 ? 1 : ParallelMap.cores)
        let built = ParallelMap.map(parts.map { UncheckedBox($0) }) { part -> UncheckedBox<(IndexShard, [Int32])> in
            let shard = IndexShard()
            let lengths = shard.add(part.value[...])
            shard.compact()
            return UncheckedBox((shard, lengths))
        }
        for result in built { append(result.value.0, lengths: result.value.1) }
    }

    /// Adds a shard built elsewhere (by a load worker); its units follow the current ones.
    func append(_ shard: IndexShard, lengths: [Int32]) {
        shard.base = Int32(unitCount)
        shards.append(shard)
        record(lengths)
    }

    private func record(_ lengths: [Int32]) {
        unitLengths.append(contentsOf: lengths)
        totalLength += lengths.reduce(0) { $0 + Int($1) }
    }

    /// Units containing a folded word.
    func units(withTerm term: String, capacity: Int) -> UnitSet {
        unitSet(of: postingLists(for: term), capacity: capacity)
    }

    /// The units of several posting lists. Each list is sorted; lists of different shards interleave.
    func unitSet(of lists: [PostingList], capacity: Int) -> UnitSet {
        var ids: [Int32] = []
        ids.reserveCapacity(lists.reduce(0) { $0 + Int($1.unitCount) })
        for list in lists { list.forEachUnit { unit, _ in ids.append(unit) } }
        if lists.count > 1 { ids.sort() }
        return UnitSet(capacity: capacity, sortedUnique: lists.count > 1 ? ids.uniquedSorted() : ids)
    }

    /// Posting lists of a word in every shard.
    func postingLists(for term: String) -> [PostingList] {
        shards.compactMap { $0.postingList(for: term) }
    }

    /// Posting lists of every word for which `matches` holds (prefixes, regex prefilters).
    func postingLists(where matches: (UnsafeBufferPointer<UInt8>) -> Bool) -> [PostingList] {
        shards.flatMap { shard in shard.terms(where: matches).map { shard.posting(Int($0)) } }
    }

    /// Posting lists of every word whose stem in `language` is the stem of `word`. Shards stem their
    /// vocabularies on first use (in parallel, one stemmer per shard), not at load.
    func postingLists(stemOf word: String, language: String) -> [PostingList] {
        guard let stemmer = Stemmer(language: language) else { return [] }
        prepareStems(in: language)
        let stem = stemmer.stem(word)
        return shards.flatMap { shard in shard.terms(withStem: stem, in: language).map { shard.posting(Int($0)) } }
    }

    /// Stems the vocabulary of every shard not yet stemmed in `language`.
    func prepareStems(in language: String) {
        let stale = shards.filter { !$0.hasStems(in: language) }
        guard !stale.isEmpty else { return }
        _ = ParallelMap.map(stale.map { UncheckedBox($0) }) { shard -> Bool in
            guard let stemmer = Stemmer(language: language) else { return false }
            shard.value.updateStems(with: stemmer)
            return true
        }
    }

    /// Number of units that contain a word (document frequency for ranking).
    func unitFrequency(of term: String) -> Int {
        shards.reduce(0) { $0 + Int($1.postingList(for: term)?.unitCount ?? 0) }
    }

    public var vocabularySize: Int { shards.reduce(0) { $0 + $1.dictionary.count } }

    /// How often each folded word occurs in `units`, read from the posting lists: the counts that
    /// tokenizing those units' texts gives, without reading them, with possessives counted as their
    /// word ("port's" as "port").
    func wordFrequencies(in units: UnitSet) -> [String: Int] {
        var frequencies: [String: Int] = [:]
        for shard in shards {
            for term in 0..<shard.dictionary.count {
                var occurrences = 0
                shard.posting(term).forEachUnit { unit, count in
                    if units.contains(unit) { occurrences += count }
                }
                if occurrences > 0 { frequencies[shard.dictionary.term(Int32(term)), default: 0] += occurrences }
            }
        }
        // A possessive counts as its word, as queries fold it ("ukraine's" is found by ukraine): the
        // index keeps it under its base word too, so its own entry goes.
        for (word, count) in frequencies {
            let bytes = word.utf8
            guard bytes.count > 2, bytes.suffix(2).elementsEqual([0x27, 0x73]) else { continue }
            let base = String(decoding: bytes.dropLast(2), as: UTF8.self)
            frequencies[word] = nil
            if frequencies[base] == nil { frequencies[base] = count }
        }
        return frequencies
    }
}
