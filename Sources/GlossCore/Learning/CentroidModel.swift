import Foundation

/// A nearest-centroid classifier over TF-IDF rows, refined with the rows nobody has coded yet.
///
/// Each class starts as the mean direction of its examples (Rocchio). Then, a few rounds of
/// expectation–maximisation (seeded spherical k-means with soft assignments): every uncoded row is
/// shared among the classes by a softmax of its cosines (temperature `temperature`), and each class
/// becomes the mean direction of its examples plus its share of the uncoded rows. With ten examples
/// of each topic this lifts best-class accuracy well above both plain centroids and logistic
/// regression (see `scripts/eval-suggest`), because the uncoded rows teach the model each topic's
/// wider vocabulary. Everything is sums of rows in a fixed order, so results repeat exactly.
struct CentroidModel {
    static let temperature: Float = 0.01
    /// The temperature of the shares shown as scores, chosen on the dev corpora so that a score is
    /// about as often right as it says: at the refinement's temperature the shares were overconfident
    /// (rows scored 0.9 to 0.99 were right 86–91% of the time), at twice it underconfident (98–99.7%).
    static let scoreTemperature: Float = 0.015
    /// Rounds of refinement: 2 to 8 gave the same accuracy within a point on the dev corpora.
    static let rounds = 3
    /// Shares below this are left out of a class's mean (they change nothing visible and cost time).
    static let smallestShare: Float = 1e-3

    let classCount: Int
    /// `centroids[word * classCount + class]`: each class's direction, length 1.
    private(set) var centroids: [Float]
    /// `similarities[row * classCount + class]`: the cosine of each row with each class.
    private(set) var similarities: [Float]

    /// `examples[c]` are the rows coded with class `c`; with `refine`, uncoded rows shape the classes too.
    init(matrix: TermMatrix, examples: [[Int32]], refine: Bool) {
        classCount = examples.count
        let rows = matrix.rowCount
        var fixed = [Float](repeating: 0, count: rows * classCount)
        var isExample = [Bool](repeating: false, count: rows)
        for (index, members) in examples.enumerated() {
            for row in members {
                fixed[Int(row) * classCount + index] = 1
                isExample[Int(row)] = true
            }
        }
        centroids = []
        similarities = []
        centroids = Self.means(matrix, weights: fixed, classCount: classCount)
        guard refine else {
            similarities = Self.similarities(matrix, centroids: centroids, classCount: classCount)
            return
        }
        for _ in 0..<Self.rounds {
            similarities = Self.similarities(matrix, centroids: centroids, classCount: classCount)
            var weights = fixed
            let classCount = classCount
            similarities.withUnsafeBufferPointer { cosines in
                weights.withUnsafeMutableBufferPointer { weights in
                    for row in 0..<rows where !isExample[row] {
                        let range = (row * classCount)..<((row + 1) * classCount)
                        var top = cosines[range.lowerBound]
                        for slot in range { top = max(top, cosines[slot]) }
                        var sum: Float = 0
                        for slot in range {
                            weights[slot] = exp((cosines[slot] - top) / Self.temperature)
                            sum += weights[slot]
                        }
                        for slot in range {
                            let share = weights[slot] / sum
                            weights[slot] = share >= Self.smallestShare ? share : 0
                        }
                    }
                }
            }
            centroids = Self.means(matrix, weights: weights, classCount: classCount)
        }
        similarities = Self.similarities(matrix, centroids: centroids, classCount: classCount)
    }

    /// The cosines of one row with each class.
    func similarities(ofRow row: Int) -> ArraySlice<Float> {
        similarities[(row * classCount)..<((row + 1) * classCount)]
    }

    /// The cosines of a vector that is no row (a mark's quote) with each class.
    func similarities(of vector: [(Int32, Float)]) -> [Float] {
        var result = [Float](repeating: 0, count: classCount)
        for (word, value) in vector {
            for index in 0..<classCount { result[index] += value * centroids[Int(word) * classCount + index] }
        }
        return result
    }

    /// Class shares of a row's cosines, as scores: a softmax at `scoreTemperature`.
    static func softmax<C: Collection>(_ cosines: C) -> [Float] where C.Element == Float {
        let top = cosines.max() ?? 0
        let exponentials = cosines.map { exp(($0 - top) / scoreTemperature) }
        let sum = exponentials.reduce(0, +)
        return exponentials.map { $0 / sum }
    }

    /// Log-odds of class `index` against the others, from the cosines: orders like the class's score,
    /// but without rounding to 1 for the many rows that are clearly in.
    static func logOdds<C: Collection>(_ cosines: C, of index: Int) -> Double where C.Element == Float, C.Index == Int {
        let own = Double(cosines[cosines.startIndex + index]) / Double(scoreTemperature)
        var others: [Double] = []
        for (offset, cosine) in cosines.enumerated() where offset != index {
            others.append(Double(cosine) / Double(scoreTemperature))
        }
        guard let top = others.max() else { return .infinity }
        let sum = others.reduce(0) { $0 + Foundation.exp($1 - top) }
        return own - (top + Foundation.log(sum))
    }

    /// The words of a row that weigh for `index` against `rival`: largest `value · (a − b)` first.
    func reasons(row: Int, matrix: TermMatrix, for index: Int, against rival: Int?) -> [Int32] {
        let range = matrix.row(row)
        return Self.topWords(range.map { (matrix.columns[$0], matrix.values[$0]) }) { word in
            let own = centroids[Int(word) * classCount + index]
            return own - (rival.map { centroids[Int(word) * classCount + $0] } ?? 0)
        }
    }

    /// The words with a positive `value · weight(word)`, largest first; ties go to the lower id.
    static func topWords(_ entries: [(Int32, Float)], weight: (Int32) -> Float) -> [Int32] {
        let scored = entries.compactMap { word, value -> (Int32, Float)? in
            let contribution = value * weight(word)
            return contribution > 0 ? (word, contribution) : nil
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    // MARK: - Sums over rows

    /// Each class's weighted mean of the rows, scaled to length 1. Cut by word ranges, so each
    /// centroid entry is summed by one core, rows in order.
    private static func means(_ matrix: TermMatrix, weights: [Float], classCount: Int) -> [Float] {
        let words = matrix.columnCount
        var sums = [Float](repeating: 0, count: words * classCount)
        // The rows with any weight and their nonzero `(class, weight)` pairs (most rows have one).
        var weightedRows: [Int32] = []
        var pairStarts: [Int32] = [0]
        var pairs: [(Int32, Float)] = []
        for row in 0..<matrix.rowCount {
            for index in 0..<classCount where weights[row * classCount + index] != 0 {
                pairs.append((Int32(index), weights[row * classCount + index]))
            }
            if pairs.count > Int(pairStarts.last!) {
                weightedRows.append(Int32(row))
                pairStarts.append(Int32(pairs.count))
            }
        }
        sums.withUnsafeMutableBufferPointer { sums in
            let output = UncheckedBox(sums)
            matrix.columns.withUnsafeBufferPointer { columns in
                matrix.values.withUnsafeBufferPointer { values in
                    matrix.partStarts.withUnsafeBufferPointer { partStarts in
                        pairs.withUnsafeBufferPointer { pairs in
                            let input = UncheckedBox((columns, values, partStarts, pairs))
                            _ = ParallelMap.map(Array(0..<TermMatrix.parts)) { part -> Int in
                                let (columns, values, partStarts, pairs) = input.value
                                let sums = output.value
                                for (position, row) in weightedRows.enumerated() {
                                    let first = Int(row) * (TermMatrix.parts + 1) + part
                                    let rowPairs = Int(pairStarts[position])..<Int(pairStarts[position + 1])
                                    for slot in partStarts[first]..<partStarts[first + 1] {
                                        let base = Int(columns[slot]) * classCount
                                        let value = values[slot]
                                        for pair in rowPairs {
                                            sums[base + Int(pairs[pair].0)] += pairs[pair].1 * value
                                        }
                                    }
                                }
                                return 0
                            }
                        }
                    }
                }
            }
        }
        for index in 0..<classCount {
            var squares: Float = 0
            for word in 0..<words { squares += sums[word * classCount + index] * sums[word * classCount + index] }
            guard squares > 0 else { continue }
            let scale = 1 / squares.squareRoot()
            for word in 0..<words { sums[word * classCount + index] *= scale }
        }
        return sums
    }

    /// Cosine of every row with every class, cut by row ranges.
    private static func similarities(_ matrix: TermMatrix, centroids: [Float], classCount: Int) -> [Float] {
        let rows = matrix.rowCount
        var result = [Float](repeating: 0, count: rows * classCount)
        let bounds = (0...TermMatrix.parts).map { $0 * rows / TermMatrix.parts }
        result.withUnsafeMutableBufferPointer { result in
            let output = UncheckedBox(result)
            matrix.columns.withUnsafeBufferPointer { columns in
                matrix.values.withUnsafeBufferPointer { values in
                    centroids.withUnsafeBufferPointer { centroids in
                        matrix.rowStarts.withUnsafeBufferPointer { rowStarts in
                            let input = UncheckedBox((columns, values, centroids, rowStarts))
                            _ = ParallelMap.map(Array(0..<TermMatrix.parts)) { part -> Int in
                                let (columns, values, centroids, rowStarts) = input.value
                                let result = output.value
                                for row in bounds[part]..<bounds[part + 1] {
                                    let base = row * classCount
                                    for slot in rowStarts[row]..<rowStarts[row + 1] {
                                        let value = values[slot]
                                        let word = Int(columns[slot]) * classCount
                                        for index in 0..<classCount {
                                            result[base + index] += value * centroids[word + index]
                                        }
                                    }
                                }
                                return 0
                            }
                        }
                    }
                }
            }
        }
        return result
    }
}
