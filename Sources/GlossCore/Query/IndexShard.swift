/// One part of the inverted index. Units are split between shards so that both cores build at once;
/// each shard sees increasing unit ids, so its posting lists stay sorted.
final class IndexShard: @unchecked Sendable {
    var dictionary = TermDictionary()
    var postings: [PostingList] = []

    /// Indexes units; returns each unit's word count (for ranking).
    func add(_ units: [(id: Int32, text: String)], cancel: CancellationFlag? = nil) -> [Int32] {
        var lengths: [Int32] = []
        lengths.reserveCapacity(units.count)
        var scratch: [UInt8] = []
        var occurrences: [UInt64] = []
        var positions: [Int32] = []
        for (id, text) in units {
            occurrences.removeAll(keepingCapacity: true)
            var wordCount: Int32 = 0
            var text = text
            text.withUTF8 { bytes in
                Tokenizer.scan(bytes, scratch: &scratch) { word, position, _ in
                    let term = dictionary.insert(word)
                    if term.isNew { postings.append(PostingList()) }
                    occurrences.append(UInt64(UInt32(term.id)) << 32 | UInt64(UInt32(position)))
                    // A possessive is also found under its base word: "Zelensky’s" matches `zelensky`.
                    if word.count > 2, word[word.count - 2] == 0x27, word[word.count - 1] == 0x73 {
                        let base = dictionary.insert(UnsafeBufferPointer(rebasing: word[..<(word.count - 2)]))
                        if base.isNew { postings.append(PostingList()) }
                        occurrences.append(UInt64(UInt32(base.id)) << 32 | UInt64(UInt32(position)))
                    }
                    wordCount = Int32(position + 1)
                }
            }
            lengths.append(wordCount)
            occurrences.sort()
            var start = 0
            while start < occurrences.count {
                let term = occurrences[start] >> 32
                var end = start
                positions.removeAll(keepingCapacity: true)
                while end < occurrences.count, occurrences[end] >> 32 == term {
                    positions.append(Int32(truncatingIfNeeded: occurrences[end] & 0xFFFF_FFFF))
                    end += 1
                }
                postings[Int(term)].append(unit: id, positions: positions[...])
                start = end
            }
        }
        return lengths
    }

    func postingList(for term: String) -> PostingList? {
        dictionary.id(of: term).map { postings[Int($0)] }
    }

    /// Ids of terms for which `matches` holds, by a scan of the vocabulary.
    func terms(where matches: (UnsafeBufferPointer<UInt8>) -> Bool) -> [Int32] {
        var result: [Int32] = []
        for id in 0..<dictionary.count where dictionary.withTermBytes(id, matches) {
            result.append(Int32(id))
        }
        return result
    }
}
