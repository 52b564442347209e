/// The article-extraction benchmarks' metric, as scripts/html-f1 computes it: tokens are runs of word
/// characters (letters, digits, underscore), a text's shingles are its runs of four tokens counted as a
/// multiset, and per page true and false positives and negatives are divided by their sum.
enum TokenShingles {
    struct Counts {
        var truePositives: Double
        var falsePositives: Double
        var falseNegatives: Double

        var f1: Double {
            let precision = truePositives + falsePositives > 0 ? truePositives / (truePositives + falsePositives) : 0
            let recall = truePositives + falseNegatives > 0 ? truePositives / (truePositives + falseNegatives) : 0
            return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
    }

    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
                current.append(scalar)
            default:
                if !current.isEmpty { tokens.append(String(current)) }
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    static func shingles(_ text: String) -> [String: Int] {
        let words = tokens(text)
        guard !words.isEmpty else { return [:] }
        var counts: [String: Int] = [:]
        if words.count < 4 {
            counts[words.joined(separator: " ")] = 1
            return counts
        }
        for start in 0...(words.count - 4) {
            counts[words[start..<(start + 4)].joined(separator: " "), default: 0] += 1
        }
        return counts
    }

    static func counts(extracted: String, expected: String) -> Counts {
        let got = shingles(extracted)
        let want = shingles(expected)
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        for (shingle, count) in got {
            let matched = min(count, want[shingle] ?? 0)
            truePositives += matched
            falsePositives += count - matched
        }
        for (shingle, count) in want { falseNegatives += count - min(count, got[shingle] ?? 0) }
        let total = Double(truePositives + falsePositives + falseNegatives)
        guard total > 0 else { return Counts(truePositives: 0, falsePositives: 0, falseNegatives: 0) }
        return Counts(
            truePositives: Double(truePositives) / total, falsePositives: Double(falsePositives) / total,
            falseNegatives: Double(falseNegatives) / total)
    }

    /// F1 of the precision and recall averaged over pages (a page without extraction counts for recall only).
    static func benchmarkF1(_ pages: [Counts]) -> Double {
        let precisions = pages.filter { $0.truePositives + $0.falsePositives > 0 }.map {
            $0.truePositives / ($0.truePositives + $0.falsePositives)
        }
        let recalls = pages.filter { $0.truePositives + $0.falseNegatives > 0 }.map {
            $0.truePositives / ($0.truePositives + $0.falseNegatives)
        }
        let precision = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
        let recall = recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count)
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
}
