import Dispatch
import Foundation

/// The TF-IDF vectors of every item (a document or an element), read from the inverted index
/// without reading any text: one row per item, each word weighted `(1 + ln tf) · idf` and the row
/// scaled to length 1, so a dot product of two rows is their cosine. `idf` is
/// `ln((1 + n) / (1 + df)) + 1` over the n items (the smoothed form of common practice).
///
/// Columns are the words, most frequent first (by units, ties in vocabulary order): the models'
/// sums then touch a small, cache-friendly block for most entries. Rows are built column by column,
/// so their entries come out in column order without sorting.
struct TermMatrix {
    /// Row `i` is `columns[rowStarts[i]..<rowStarts[i + 1]]`, columns increasing, with `values` alongside.
    private(set) var rowStarts: [Int]
    private(set) var columns: [Int32]
    private(set) var values: [Float]
    /// Per column: the number of items that have the word, its idf, and its vocabulary id.
    private(set) var documentFrequency: [Int32]
    private(set) var idf: [Float]
    private(set) var wordOfColumn: [Int32]
    /// Per vocabulary id, its column.
    private(set) var columnOfWord: [Int32]
    /// `parts + 1` column bounds that cut the entries into parts of about equal size.
    private(set) var columnParts: [Int32]
    /// Where each row's share of each column part starts: `partStarts[row * (parts + 1) + part]`.
    private(set) var partStarts: [Int]

    var rowCount: Int { rowStarts.count - 1 }
    var columnCount: Int { idf.count }

    /// The word of a column.
    func word(ofColumn column: Int32, in vocabulary: GlobalVocabulary) -> String {
        vocabulary.word(wordOfColumn[Int(column)])
    }

    /// Parts the work is cut into: fixed, so that sums are made in the same order on any machine.
    static let parts = 8

    init(index: SearchIndex, vocabulary: GlobalVocabulary, items: ItemSpace) {
        let rows = items.count
        let shards = index.shards
        let itemOfUnit = items.itemOfUnit
        let starts = vocabulary.locationStarts
        // Column order from the units each word is in, known without decoding a posting list.
        var unitFrequency = [Int](repeating: 0, count: vocabulary.count)
        for word in 0..<vocabulary.count {
            for location in Int(starts[word])..<Int(starts[word + 1]) {
                let (shard, term) = vocabulary.locations[location]
                unitFrequency[word] += Int(shards[Int(shard)].posting(Int(term)).unitCount)
            }
        }
        let wordOfColumn = (0..<Int32(vocabulary.count)).sorted { (a: Int32, b: Int32) -> Bool in
            let frequencyA = unitFrequency[Int(a)]
            let frequencyB = unitFrequency[Int(b)]
            return frequencyA != frequencyB ? frequencyA > frequencyB : a < b
        }
        var columnOfWord = [Int32](repeating: 0, count: vocabulary.count)
        for (column, word) in wordOfColumn.enumerated() { columnOfWord[Int(word)] = Int32(column) }
        var columnParts: [Int32] = [0]
        let occurrences = unitFrequency.reduce(0, +)
        var sum = 0
        for (column, word) in wordOfColumn.enumerated() {
            sum += unitFrequency[Int(word)]
            while columnParts.count < Self.parts, sum * Self.parts >= occurrences * columnParts.count {
                columnParts.append(Int32(column + 1))
            }
        }
        while columnParts.count <= Self.parts { columnParts.append(Int32(wordOfColumn.count)) }

        /// Calls `body(column, item, count)` for each item having each word of a column range, in
        /// order, the counts of an item's units added up (units of one item are adjacent in a posting
        /// list, and a word's lists in shard order read units in increasing order).
        func forEachEntry(_ part: Int, _ body: (Int32, Int32, Int32) -> Void) {
            for column in Int(columnParts[part])..<Int(columnParts[part + 1]) {
                let word = Int(wordOfColumn[column])
                var item: Int32 = -1
                var count: Int32 = 0
                for location in Int(starts[word])..<Int(starts[word + 1]) {
                    let (shard, term) = vocabulary.locations[location]
                    shards[Int(shard)].posting(Int(term)).forEachUnit { unit, occurrences in
                        let next = itemOfUnit[Int(unit)]
                        guard next >= 0 else { return }
                        if next != item {
                            if item >= 0 { body(Int32(column), item, count) }
                            item = next
                            count = 0
                        }
                        count += Int32(occurrences)
                    }
                }
                if item >= 0 { body(Int32(column), item, count) }
            }
        }

        // Pass 1: each row's entries in each part, and each column's item frequency.
        var frequency = [Int32](repeating: 0, count: wordOfColumn.count)
        let counted: [[Int32]] = frequency.withUnsafeMutableBufferPointer { frequency in
            let shared = UncheckedBox(frequency)
            return ParallelMap.map(Array(0..<Self.parts)) { part -> [Int32] in
                var perRow = [Int32](repeating: 0, count: rows)
                forEachEntry(part) { column, item, _ in
                    perRow[Int(item)] += 1
                    shared.value[Int(column)] += 1
                }
                return perRow
            }
        }
        // A row holds its parts' shares one after another, so its columns increase.
        var rowStarts = [Int](repeating: 0, count: rows + 1)
        var partStarts = [Int](repeating: 0, count: rows * (Self.parts + 1))
        var total = 0
        for row in 0..<rows {
            rowStarts[row] = total
            for part in 0..<Self.parts {
                partStarts[row * (Self.parts + 1) + part] = total
                total += Int(counted[part][row])
            }
            partStarts[row * (Self.parts + 1) + Self.parts] = total
        }
        rowStarts[rows] = total
        var columns = [Int32](repeating: 0, count: total)
        var values = [Float](repeating: 0, count: total)
        let n = Float(rows)
        let idf = frequency.map { log((1 + n) / (1 + Float($0))) + 1 }

        // Pass 2: each part writes its entries at its own place in each row.
        columns.withUnsafeMutableBufferPointer { columns in
            values.withUnsafeMutableBufferPointer { values in
                let output = UncheckedBox((columns, values))
                _ = ParallelMap.map(Array(0..<Self.parts)) { part -> Int in
                    var next = (0..<rows).map { partStarts[$0 * (Self.parts + 1) + part] }
                    forEachEntry(part) { column, item, count in
                        let slot = next[Int(item)]
                        next[Int(item)] += 1
                        output.value.0[slot] = column
                        output.value.1[slot] = (1 + log(Float(count))) * idf[Int(column)]
                    }
                    return 0
                }
            }
        }
        // Rows scaled to length 1, each on one core, in one order.
        values.withUnsafeMutableBufferPointer { values in
            let output = UncheckedBox(values)
            let rowBounds = (0...Self.parts).map { $0 * rows / Self.parts }
            _ = ParallelMap.map(Array(0..<Self.parts)) { part -> Int in
                let values = output.value
                for row in rowBounds[part]..<rowBounds[part + 1] {
                    let range = rowStarts[row]..<rowStarts[row + 1]
                    var squares: Float = 0
                    for slot in range { squares += values[slot] * values[slot] }
                    guard squares > 0 else { continue }
                    let scale = 1 / squares.squareRoot()
                    for slot in range { values[slot] *= scale }
                }
                return 0
            }
        }
        self.rowStarts = rowStarts
        self.columns = columns
        self.values = values
        self.documentFrequency = frequency
        self.idf = idf
        self.wordOfColumn = wordOfColumn
        self.columnOfWord = columnOfWord
        self.columnParts = columnParts
        self.partStarts = partStarts
    }

    /// The entries of a row.
    func row(_ row: Int) -> Range<Int> { rowStarts[row]..<rowStarts[row + 1] }

    /// The TF-IDF vector of a text that is no row (a mark's quote), with the rows' weights, length 1:
    /// `(column, weight)` by column. Words no item has are left out.
    func vector(ofText text: String, vocabulary: GlobalVocabulary) -> [(Int32, Float)] {
        var counts: [Int32: Int32] = [:]
        IndexedWords.forEach(in: text) { bytes in
            if let id = vocabulary.id(of: bytes), documentFrequency[Int(columnOfWord[Int(id)])] > 0 {
                counts[columnOfWord[Int(id)], default: 0] += 1
            }
        }
        var entries = counts.keys.sorted().map { id in (id, (1 + log(Float(counts[id]!))) * idf[Int(id)]) }
        let length = entries.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
        if length > 0 { entries = entries.map { ($0.0, $0.1 / length) } }
        return entries
    }
}
