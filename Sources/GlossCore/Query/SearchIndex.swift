import Dispatch

/// The inverted index over every unit of the workspace: words with their positions, for words,
/// prefixes, phrases and NEAR. Built incrementally as documents load, on all cores.
public final class SearchIndex: @unchecked Sendable {
    private(set) var shards: [IndexShard]
    /// Word count of each unit, for BM25.
    private(set) var unitLengths: [Int32] = []
    private(set) var totalLength: Int = 0

    public init(shardCount: Int = 2) {
        shards = (0..<max(1, shardCount)).map { _ in IndexShard() }
    }

    public var unitCount: Int { unitLengths.count }
    public var averageUnitLength: Double { unitCount == 0 ? 0 : Double(totalLength) / Double(unitCount) }

    /// Adds units whose ids continue from `unitCount`, splitting large batches across the shards.
    public func add(_ units: [(id: Int32, text: String)]) {
        guard !units.isEmpty else { return }
        precondition(Int(units[0].id) == unitCount, "units must be added in id order")
        var lengths: [[Int32]]
        if units.count < 2_000 || shards.count == 1 {
            let smallest = shards.indices.min { shards[$0].postings.count < shards[$1].postings.count }!
            lengths = [shards[smallest].add(units)]
        } else {
            let chunk = (units.count + shards.count - 1) / shards.count
            let parts = (0..<shards.count).map { Array(units[min(units.count, $0 * chunk)..<min(units.count, ($0 + 1) * chunk)]) }
            let shards = self.shards
            lengths = ParallelMap.map(Array(zip(shards.indices, parts).map { ShardJob(shard: shards[$0.0], units: $0.1) })) {
                $0.shard.add($0.units)
            }
        }
        for part in lengths {
            unitLengths.append(contentsOf: part)
            totalLength += part.reduce(0) { $0 + Int($1) }
        }
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
        shards.flatMap { shard in shard.terms(where: matches).map { shard.postings[Int($0)] } }
    }

    /// Number of units that contain a word (document frequency for ranking).
    func unitFrequency(of term: String) -> Int {
        shards.reduce(0) { $0 + Int($1.postingList(for: term)?.unitCount ?? 0) }
    }

    public var vocabularySize: Int { shards.reduce(0) { $0 + $1.dictionary.count } }
}

private struct ShardJob: @unchecked Sendable {
    let shard: IndexShard
    let units: [(id: Int32, text: String)]
}
