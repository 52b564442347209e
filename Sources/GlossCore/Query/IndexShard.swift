/// One part of the inverted index: the units of a contiguous range of ids, from `base`. Each core
/// indexes its part of a load into a shard of its own; postings hold ids relative to `base`, so a
/// shard can be built before the ids of the units before it are known.
final class IndexShard: @unchecked Sendable {
    var dictionary = TermDictionary()
    private(set) var postings: [PostingList] = []
    /// Global id of the shard's first unit; set when the shard joins the index.
    var base: Int32 = 0
    /// Units indexed so far; the next unit gets this local id.
    private(set) var unitCount: Int32 = 0

    /// Indexes units in order after those already here; returns each unit's word count (for ranking).
    func add(_ texts: ArraySlice<StoredText>) -> [Int32] {
        // Work on local copies: a class's stored properties cost an exclusivity check and a
        // uniqueness check on every access in this, the hottest loop of a load.
        var dictionary = self.dictionary
        var postings = self.postings
        self.dictionary = TermDictionary()
        self.postings = []
        defer {
            self.dictionary = dictionary
            self.postings = postings
        }
        var lengths: [Int32] = []
        lengths.reserveCapacity(texts.count)
        var scratch: [UInt8] = []
        var occurrences: [UInt64] = []
        var positions: [Int32] = []
        for text in texts {
            let id = unitCount
            unitCount += 1
            occurrences.removeAll(keepingCapacity: true)
            var wordCount: Int32 = 0
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

    /// Releases the spare capacity arrays keep while they grow (up to half of a posting list).
    /// Called once on a shard built whole; a shard that keeps growing is left alone.
    func compact() {
        for term in postings.indices where postings[term].bytes.capacity > postings[term].bytes.count + 16 {
            postings[term].bytes = postings[term].bytes.withUnsafeBufferPointer { Array($0) }
        }
        dictionary.compact()
    }

    /// The posting list of a word, reading global unit ids.
    func postingList(for term: String) -> PostingList? {
        dictionary.id(of: term).map { posting(Int($0)) }
    }

    func posting(_ term: Int) -> PostingList {
        var list = postings[term]
        list.base = base
        return list
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
