/// Counts the matches a highlighter marks in a set of units, as its ranges over each unit's text would
/// add up, but reading the index where it can: a `find` footer gives totals over every result, and
/// tokenizing each result's text for a common word would cost as much as the query.
///
/// A word is counted once per occurrence whichever matcher takes it (a word of the query, a possessive
/// of one, a prefix); each phrase adds its occurrences, each regex its matches.
struct MatchCounter {
    let corpus: Corpus
    let highlighter: Highlighter

    func count(in units: UnitSet) -> Int {
        guard !units.isEmpty else { return 0 }
        var total = 0
        if !highlighter.words.isEmpty || !highlighter.prefixes.isEmpty || !highlighter.stemmed.isEmpty {
            for (stemmer, _) in highlighter.stemmed { corpus.index.prepareStems(in: stemmer.language) }
            for shard in corpus.index.shards { total += wordCount(in: shard, units: units) }
        }
        for phrase in highlighter.phrases {
            for shard in corpus.index.shards { total += phraseCount(phrase, in: shard, units: units) }
        }
        if !highlighter.regexes.isEmpty {
            units.forEach { unit in
                let text = corpus.text(ofUnit: unit)
                for regex in highlighter.regexes {
                    total += (try? regex.matcher.matchRanges(text, scratch: regex.scratch))?.count ?? 0
                }
            }
        }
        return total
    }

    /// Occurrences of the words the highlighter marks. A possessive ("port's") is indexed under its
    /// base word too, at the same position, so a term's own occurrences are its count less that of its
    /// possessive.
    private func wordCount(in shard: IndexShard, units: UnitSet) -> Int {
        var terms: [Int32]
        if highlighter.prefixes.isEmpty {
            terms = highlighter.words.flatMap { [$0, $0 + "'s"] }.compactMap { shard.dictionary.id(of: $0) }
        } else {
            let prefixes = highlighter.prefixes.map { Array($0.utf8) }
            terms = shard.terms { term in
                prefixes.contains { term.count >= $0.count && zip(term, $0).allSatisfy { $0 == $1 } }
                    || !highlighter.words.isEmpty
                        && (highlighter.words.contains(String(decoding: term, as: UTF8.self))
                            || highlighter.words.contains(String(decoding: Self.base(of: term), as: UTF8.self)))
            }
        }
        // A stemmed word's forms, each with its possessive (which a stemmer may give another stem).
        for (stemmer, stems) in highlighter.stemmed {
            for stem in stems {
                for term in shard.terms(withStem: stem, in: stemmer.language) {
                    terms.append(term)
                    let possessive = shard.dictionary.term(term) + "'s"
                    if let id = shard.dictionary.id(of: possessive) { terms.append(id) }
                }
            }
        }
        if !highlighter.stemmed.isEmpty { terms = Array(Set(terms)) }
        var total = 0
        for term in terms {
            total += occurrences(shard.posting(Int(term)), units)
            let possessive = shard.dictionary.withTermBytes(Int(term)) { String(decoding: $0, as: UTF8.self) } + "'s"
            if let id = shard.dictionary.id(of: possessive) { total -= occurrences(shard.posting(Int(id)), units) }
        }
        return total
    }

    /// A term without its possessive ending ("port" of "port's"), or the term.
    private static func base(of term: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard term.count > 2, term[term.count - 2] == UInt8(ascii: "'"), term[term.count - 1] == UInt8(ascii: "s")
        else { return term }
        return UnsafeBufferPointer(rebasing: term[..<(term.count - 2)])
    }

    private func occurrences(_ list: PostingList, _ units: UnitSet) -> Int {
        var total = 0
        list.forEachUnit { unit, count in
            if units.contains(unit) { total += count }
        }
        return total
    }

    /// Starts of the phrase (word `i` at position `p + i`) in the shard's units of `units`.
    private func phraseCount(_ phrase: [String], in shard: IndexShard, units: UnitSet) -> Int {
        var tables: [PositionTable] = []
        for word in phrase {
            guard let list = shard.postingList(for: word) else { return 0 }
            tables.append(PositionTable(list, keeping: units))
        }
        var total = 0
        var cursors = [Int](repeating: 0, count: tables.count)
        for (row, unit) in tables[0].units.enumerated() {
            var positions: [ArraySlice<Int32>] = [tables[0].positions(at: row)]
            for k in 1..<tables.count {
                while cursors[k] < tables[k].units.count, tables[k].units[cursors[k]] < unit { cursors[k] += 1 }
                guard cursors[k] < tables[k].units.count, tables[k].units[cursors[k]] == unit else { break }
                positions.append(tables[k].positions(at: cursors[k]))
            }
            guard positions.count == tables.count else { continue }
            let later = positions.dropFirst().map(Set.init)
            total +=
                positions[0].filter { start in
                    later.enumerated().allSatisfy { $0.element.contains(start + Int32($0.offset + 1)) }
                }.count
        }
        return total
    }
}
