import Foundation

/// BM25 relevance of matching units, for `find --rank`.
struct Ranker {
    let corpus: Corpus
    static let k1 = 1.2
    static let b = 0.75

    /// Scores of `units` for the query's positive words (prefixes expanded; phrase and NEAR words count).
    func scores(_ units: UnitSet, query: QueryNode) -> [Int32: Double] {
        let index = corpus.index
        var terms: [[PostingList]] = []
        for matcher in query.positiveMatchers {
            switch matcher {
            case .word(let word): terms.append(index.postingLists(for: word))
            case .stem(let word, let language): terms.append(index.postingLists(stemOf: word, language: language))
            case .phrase(let words), .near(let words, _): terms += words.map { index.postingLists(for: $0) }
            case .prefix(let stem):
                let prefix = Array(stem.utf8)
                terms.append(
                    index.postingLists { term in term.count >= prefix.count && zip(term, prefix).allSatisfy { $0 == $1 }
                    })
            default: break
            }
        }
        let total = Double(max(1, corpus.liveUnits.count))
        let average = max(1, index.averageUnitLength)
        var scores: [Int32: Double] = [:]
        for lists in terms {
            let frequency = Double(lists.reduce(0) { $0 + Int($1.unitCount) })
            let idf = log(1 + (total - frequency + 0.5) / (frequency + 0.5))
            for list in lists {
                list.forEachUnit { unit, count in
                    guard units.contains(unit) else { return }
                    let length = Double(index.unitLengths[Int(unit)])
                    let tf = Double(count)
                    scores[unit, default: 0] +=
                        idf * tf * (Self.k1 + 1) / (tf + Self.k1 * (1 - Self.b + Self.b * length / average))
                }
            }
        }
        return scores
    }
}
