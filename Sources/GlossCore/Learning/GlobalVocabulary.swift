/// The words of every index shard under one id each. Ids follow the words' byte order, so they do
/// not depend on how loads were split into shards (which varies with timing): a model built on them
/// adds its numbers in the same order in every run, and so ranks the same way.
struct GlobalVocabulary {
    /// The words, one id each (in the order they were met; `rankOfWord` gives the byte-order id).
    private var words = TermDictionary()
    /// Byte-order id of each word of `words`, and back.
    private var rankOfWord: [Int32] = []
    private var wordOfRank: [Int32] = []
    /// For each id, where it is in the shards: `(shard, local id)` pairs from `locationStarts[id]`.
    private(set) var locationStarts: [Int32] = [0]
    private(set) var locations: [(shard: Int32, term: Int32)] = []

    var count: Int { wordOfRank.count }

    init(_ shards: [IndexShard]) {
        var words = TermDictionary()
        var wordsOfShard: [[Int32]] = []
        for shard in shards {
            wordsOfShard.append(
                (0..<shard.dictionary.count).map { local in
                    shard.dictionary.withTermBytes(local) { words.insert($0).id }
                })
        }
        wordOfRank = words.idsInByteOrder()
        rankOfWord = [Int32](repeating: 0, count: wordOfRank.count)
        for (rank, word) in wordOfRank.enumerated() { rankOfWord[Int(word)] = Int32(rank) }
        self.words = words
        // Each id's shard locations, by a counting sort; shards stay in order within an id.
        var counts = [Int32](repeating: 0, count: wordOfRank.count + 1)
        for shardWords in wordsOfShard {
            for word in shardWords { counts[Int(rankOfWord[Int(word)]) + 1] += 1 }
        }
        for id in 0..<wordOfRank.count { counts[id + 1] += counts[id] }
        locationStarts = counts
        var next = counts
        locations = Array(repeating: (0, 0), count: Int(counts.last!))
        for (shard, shardWords) in wordsOfShard.enumerated() {
            for (local, word) in shardWords.enumerated() {
                let id = Int(rankOfWord[Int(word)])
                locations[Int(next[id])] = (Int32(shard), Int32(local))
                next[id] += 1
            }
        }
    }

    /// The word of an id.
    func word(_ id: Int32) -> String {
        words.term(wordOfRank[Int(id)])
    }

    /// The id of a folded word, if some unit has it.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        words.lookup(bytes).map { rankOfWord[Int($0)] }
    }
}
