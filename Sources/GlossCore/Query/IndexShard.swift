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
    /// The buffers of a batch, kept for the next one while the shard grows (allocating them per batch
    /// cost page faults: they are large enough to be mapped afresh each time); `compact` drops them.
    private var spareBatch = Batch()
    /// Terms grouped by stem, per language, built when a stemmed search first needs them.
    private var stemTables: [String: StemTable] = [:]

    /// Indexes units in order after those already here; returns each unit's word count (for ranking).
    ///
    /// The words of the batch are collected first, in text order, then grouped by term with a counting
    /// sort over the terms the batch uses: each term's posting list is then extended once per batch,
    /// its units and positions already in order, instead of once per unit after a sort per unit.
    func add(_ texts: ArraySlice<StoredText>) -> [Int32] {
        // Work on local copies: a class's stored properties cost an exclusivity check and a
        // uniqueness check on every access in this, the hottest loop of a load.
        var dictionary = self.dictionary
        var batch = spareBatch
        batch.start(postings: self.postings, termCount: dictionary.count)
        self.dictionary = TermDictionary()
        self.postings = []
        spareBatch = Batch()
        defer {
            self.dictionary = dictionary
            self.postings = batch.postings
            batch.postings = []
            spareBatch = batch
        }
        var lengths: [Int32] = []
        lengths.reserveCapacity(texts.count)
        var scratch: [UInt8] = []
        for text in texts {
            let unit = UInt64(UInt32(unitCount))
            unitCount += 1
            var wordCount: Int32 = 0
            text.withUTF8 { bytes in
                Tokenizer.scan(bytes, scratch: &scratch) { word, position, _ in
                    let unitAndPosition = unit << 32 | UInt64(UInt32(position))
                    batch.record(dictionary.insert(word), unitAndPosition)
                    // A possessive is also found under its base word: "Zelensky’s" matches `zelensky`.
                    if word.count > 2, word[word.count - 2] == UInt8(ascii: "'"),
                        word[word.count - 1] == UInt8(ascii: "s")
                    {
                        batch.record(
                            dictionary.insert(UnsafeBufferPointer(rebasing: word[..<(word.count - 2)])), unitAndPosition
                        )
                    }
                    wordCount = Int32(position + 1)
                }
            }
            lengths.append(wordCount)
            // A caller may pass a whole large load at once: keep the batch buffers bounded (~20 MB).
            if batch.occurrences.count >= 1 << 20 { batch.flush() }
        }
        batch.flush()
        return lengths
    }

    /// The occurrences of one batch of units, on their way into the posting lists.
    private struct Batch {
        /// One occurrence: the batch slot of its term, and its unit and position (`unit << 32 | position`).
        /// Kept together so that recording one is a single append (each append checks uniqueness).
        struct Occurrence {
            var slot: Int32
            var unitAndPosition: UInt64
        }

        var postings: [PostingList] = []
        var occurrences: [Occurrence] = []
        /// Terms the batch uses, in first-seen order; `slotOfTerm` maps back (-1: unused).
        var batchTerms: [Int32] = []
        var slotOfTerm: [Int32] = []
        /// Occurrences per slot, counted at flush.
        var counts: [Int32] = []
        /// The counting sort's output and the start of each slot in it.
        var grouped: [UInt64] = []
        var starts: [Int] = []

        mutating func start(postings: [PostingList], termCount: Int) {
            self.postings = postings
            if slotOfTerm.count < termCount {
                slotOfTerm.append(contentsOf: repeatElement(-1, count: termCount - slotOfTerm.count))
            }
        }

        @inline(__always)
        mutating func record(_ term: (id: Int32, isNew: Bool), _ unitAndPosition: UInt64) {
            if term.isNew {
                postings.append(PostingList())
                slotOfTerm.append(-1)
            }
            var slot = slotOfTerm[Int(term.id)]
            if slot < 0 {
                slot = Int32(batchTerms.count)
                slotOfTerm[Int(term.id)] = slot
                batchTerms.append(term.id)
            }
            occurrences.append(Occurrence(slot: slot, unitAndPosition: unitAndPosition))
        }

        /// Groups the occurrences by term (a stable counting sort, so each term's stay in unit and
        /// position order) and appends each term's to its posting list.
        mutating func flush() {
            counts.removeAll(keepingCapacity: true)
            counts.append(contentsOf: repeatElement(0, count: batchTerms.count))
            counts.withUnsafeMutableBufferPointer { counts in
                for occurrence in occurrences { counts[Int(occurrence.slot)] += 1 }
            }
            starts.removeAll(keepingCapacity: true)
            starts.append(0)
            for slot in counts.indices { starts.append(starts[slot] + Int(counts[slot])) }
            if grouped.count < occurrences.count {
                grouped.append(contentsOf: repeatElement(0, count: occurrences.count - grouped.count))
            }
            var next = starts
            grouped.withUnsafeMutableBufferPointer { grouped in
                next.withUnsafeMutableBufferPointer { next in
                    for occurrence in occurrences {
                        let slot = Int(occurrence.slot)
                        grouped[next[slot]] = occurrence.unitAndPosition
                        next[slot] += 1
                    }
                }
            }
            let encoded = UnsafeMutableBufferPointer<UInt8>.allocate(
                capacity: PostingList.encodedCapacity(Int(counts.max() ?? 0)))
            defer { encoded.deallocate() }
            grouped.withUnsafeBufferPointer { grouped in
                for slot in batchTerms.indices {
                    let term = Int(batchTerms[slot])
                    postings[term].append(
                        UnsafeBufferPointer(rebasing: grouped[starts[slot]..<starts[slot + 1]]), encodingIn: encoded)
                    slotOfTerm[term] = -1
                }
            }
            occurrences.removeAll(keepingCapacity: true)
            batchTerms.removeAll(keepingCapacity: true)
        }
    }

    /// Releases the spare capacity arrays keep while they grow (up to half of a posting list).
    /// Called once on a shard built whole; a shard that keeps growing is left alone.
    func compact() {
        for term in postings.indices where postings[term].bytes.capacity > postings[term].bytes.count + 16 {
            postings[term].bytes = postings[term].bytes.withUnsafeBufferPointer { Array($0) }
        }
        dictionary.compact()
        spareBatch = Batch()
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

    /// Whether the shard's stem table for `language` covers all of its terms.
    func hasStems(in language: String) -> Bool {
        stemTables[language]?.coveredTerms == dictionary.count
    }

    /// Brings the stem table for the stemmer's language up to date with the vocabulary.
    func updateStems(with stemmer: Stemmer) {
        var table = stemTables.removeValue(forKey: stemmer.language) ?? StemTable(language: stemmer.language)
        table.update(from: dictionary, stemmer: stemmer)
        stemTables[stemmer.language] = table
    }

    /// Ids of terms whose stem in `language` is `stem`; `updateStems` must have run since the last add.
    func terms(withStem stem: String, in language: String) -> [Int32] {
        stemTables[language]?.terms(withStem: stem) ?? []
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
