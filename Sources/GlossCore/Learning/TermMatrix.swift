import Dispatch
import Foundation

/// The TF-IDF vectors of every item (a document or an element), read from the inverted index
/// without reading any text: one row per item, its words by vocabulary id, each weighted
/// `(1 + ln tf) · idf` and the row scaled to length 1, so a dot product of two rows is their cosine.
/// `idf` is `ln((1 + n) / (1 + df)) + 1` over the n items (the smoothed form of common practice).
struct TermMatrix {
    /// Row `i` is `columns[rowStarts[i]..<rowStarts[i + 1]]`, ids increasing, with `values` alongside.
    private(set) var rowStarts: [Int]
    private(set) var columns: [Int32]
    private(set) var values: [Float]
    /// Per vocabulary id: the number of items that have the word, and its idf.
    private(set) var documentFrequency: [Int32]
    private(set) var idf: [Float]

    var rowCount: Int { rowStarts.count - 1 }
    var columnCount: Int { idf.count }

    /// Parts the work is cut into: fixed, so that sums are made in the same order on any machine.
    static let parts = 8

    init(index: SearchIndex, vocabulary: GlobalVocabulary, items: ItemSpace) {
        let rows = items.count
        let wordCount = vocabulary.count
        let shards = index.shards
        // Contiguous ranges of vocabulary ids, one per part; each part counts, then fills, its own
        // share of every row, so a row holds its parts' shares one after another, ids increasing.
        let bounds = (0...Self.parts).map { $0 * wordCount / Self.parts }
        var frequency = [Int32](repeating: 0, count: wordCount)
        let itemOfUnit = items.itemOfUnit

        /// Calls `body(word, item, count)` for each item having each word of a range, in order, the
        /// counts of an item's units added up (units of one item are adjacent in a posting list,
        /// and a word's lists in shard order read units in increasing order).
        func forEachEntry(_ words: Range<Int>, _ body: (Int32, Int32, Int32) -> Void) {
            let starts = vocabulary.locationStarts
            for word in words {
                var item: Int32 = -1
                var count: Int32 = 0
                for location in Int(starts[word])..<Int(starts[word + 1]) {
                    let (shard, term) = vocabulary.locations[location]
                    shards[Int(shard)].posting(Int(term)).forEachUnit { unit, occurrences in
                        let next = itemOfUnit[Int(unit)]
                        guard next >= 0 else { return }
                        if next != item {
                            if item >= 0 { body(Int32(word), item, count) }
                            item = next
                            count = 0
                        }
                        count += Int32(occurrences)
                    }
                }
                if item >= 0 { body(Int32(word), item, count) }
            }
        }

        // Pass 1: entries per row and part, and each word's item frequency.
        let counted: [[Int32]] = frequency.withUnsafeMutableBufferPointer { frequency in
            let shared = UncheckedBox(frequency)
            return ParallelMap.map(Array(0..<Self.parts)) { part -> [Int32] in
                var perRow = [Int32](repeating: 0, count: rows)
                forEachEntry(bounds[part]..<bounds[part + 1]) { word, item, _ in
                    perRow[Int(item)] += 1
                    shared.value[Int(word)] += 1
                }
                return perRow
            }
        }
        var rowStarts = [Int](repeating: 0, count: rows + 1)
        for row in 0..<rows {
            var length = 0
            for part in 0..<Self.parts { length += Int(counted[part][row]) }
            rowStarts[row + 1] = rowStarts[row] + length
        }
        let total = rowStarts[rows]
        var columns = [Int32](repeating: 0, count: total)
        var values = [Float](repeating: 0, count: total)
        let n = Float(rows)
        let idf = frequency.map { log((1 + n) / (1 + Float($0))) + 1 }

        // Pass 2: each part writes its entries at its own place in each row.
        columns.withUnsafeMutableBufferPointer { columns in
            values.withUnsafeMutableBufferPointer { values in
                let output = UncheckedBox((columns, values))
                _ = ParallelMap.map(Array(0..<Self.parts)) { part -> Int in
                    var next = [Int](repeating: 0, count: rows)
                    for row in 0..<rows {
                        var start = rowStarts[row]
                        for earlier in 0..<part { start += Int(counted[earlier][row]) }
                        next[row] = start
                    }
                    forEachEntry(bounds[part]..<bounds[part + 1]) { word, item, count in
                        let slot = next[Int(item)]
                        next[Int(item)] += 1
                        output.value.0[slot] = word
                        output.value.1[slot] = (1 + log(Float(count))) * idf[Int(word)]
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
                for row in rowBounds[part]..<rowBounds[part + 1] {
                    let range = rowStarts[row]..<rowStarts[row + 1]
                    var squares: Float = 0
                    for slot in range { squares += output.value[slot] * output.value[slot] }
                    guard squares > 0 else { continue }
                    let scale = 1 / squares.squareRoot()
                    for slot in range { output.value[slot] *= scale }
                }
                return 0
            }
        }
        self.rowStarts = rowStarts
        self.columns = columns
        self.values = values
        self.documentFrequency = frequency
        self.idf = idf
    }

    /// The entries of a row.
    func row(_ row: Int) -> Range<Int> { rowStarts[row]..<rowStarts[row + 1] }

    /// The TF-IDF vector of a text that is no row (a mark's quote), with the rows' weights, length 1:
    /// `(id, weight)` by id. Words no item has are left out.
    func vector(ofText text: String, vocabulary: GlobalVocabulary) -> [(Int32, Float)] {
        var counts: [Int32: Int32] = [:]
        IndexedWords.forEach(in: text) { bytes in
            if let id = vocabulary.id(of: bytes) { counts[id, default: 0] += 1 }
        }
        var entries = counts.keys.sorted().map { id in (id, (1 + log(Float(counts[id]!))) * idf[Int(id)]) }
        let length = entries.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
        if length > 0 { entries = entries.map { ($0.0, $0.1 / length) } }
        return entries
    }
}
