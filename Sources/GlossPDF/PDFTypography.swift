import Foundation

/// What a document's type says about its structure, measured over all its lines: the body text's size
/// (the size most characters have), the larger sizes headings use (the larger, the higher the level),
/// a title's size when one paragraph alone uses the largest size near the top of the first page, the
/// distance between lines of a size, and the words it writes with hyphens (to undo a line-end break).
struct PDFTypography {
    let bodySize: Double
    /// Heading sizes, largest first (the title's not among them).
    let headingSizes: [Double]
    let titleSize: Double?
    private let pitches: [Double: Double]
    /// Words written whole somewhere in the document, lowercase, with and without hyphens.
    private let words: Set<String>

    init(pages: [PDFPage]) {
        let all = pages.lazy.flatMap(\.lines)
        var characters: [Double: Int] = [:]
        for line in all { characters[line.size, default: 0] += line.text.count }
        let body = characters.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 12
        bodySize = body

        // The title: the largest size, set on the first page's top half only, in one run of lines.
        let largest = characters.keys.max() ?? body
        let atLargest = Array(all.filter { $0.size == largest })
        let firstHeight = pages.first?.height ?? 0
        let isTitle =
            largest >= body * 1.3 && !atLargest.isEmpty && atLargest.count <= 6
            && atLargest.allSatisfy { $0.page == 1 && $0.y0 < 0.5 * firstHeight }
        let title = isTitle ? largest : nil
        titleSize = title
        headingSizes = characters.keys.filter { $0 >= body * 1.12 && $0 != title }.sorted(by: >)

        var gaps: [Double: [Double]] = [:]
        for page in pages {
            let sorted = page.lines.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
            for (previous, line) in zip(sorted, sorted.dropFirst())
            where previous.size == line.size && abs(previous.x0 - line.x0) < 2 * line.size {
                let gap = line.y1 - previous.y1
                if gap > 0.5 * line.size, gap < 2.5 * line.size { gaps[line.size, default: []].append(gap) }
            }
        }
        pitches = gaps.mapValues { values in values.sorted()[values.count / 2] }

        var words: Set<String> = []
        for line in all {
            for word in line.text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "\u{2011}" })
            where word.count > 2 {
                words.insert(String(word))
            }
        }
        self.words = words
    }

    /// The usual distance from one baseline to the next for text of a size.
    func pitch(_ size: Double) -> Double {
        pitches[size] ?? size * 1.2
    }

    /// The heading level of text of a size (bold text of the body's size ranks below every larger size);
    /// nil when text of that size and weight is not a heading's.
    func headingLevel(size: Double, bold: Bool) -> Int? {
        if let index = headingSizes.firstIndex(where: { abs($0 - size) < 0.3 }) { return index + 1 }
        if bold, size >= bodySize * 0.95, size < bodySize * 1.12 { return headingSizes.count + 1 }
        return nil
    }

    /// Lines `before` (ending in a hyphen) and `after` joined: the hyphen kept when the document writes
    /// the word with it elsewhere or a part is one that makes compounds ("low-lying", "self-made",
    /// "school-age"), dropped otherwise (a word broken at the line's end). Without a dictionary this is
    /// a guess; the document's own words decide first.
    func joinHyphenated(_ before: Substring, _ after: Substring) -> String {
        let left = before.dropLast()
        let leftWord = left.reversed().prefix { $0.isLetter }
        let rightWord = after.prefix { $0.isLetter }
        let first = String(leftWord.reversed()).lowercased()
        let second = rightWord.lowercased()
        if words.contains(first + "-" + second) || Self.compoundFirstParts.contains(first)
            || Self.compoundSecondParts.contains(second)
        {
            return String(before) + after
        }
        return String(left) + after
    }

    private static let compoundFirstParts: Set<String> = [
        "self", "non", "well", "low", "high", "long", "short", "full", "half", "cross", "multi", "anti", "semi",
        "mid", "all", "ex", "co", "post", "pre", "so", "far", "near", "one", "two", "three", "four", "five",
        "year", "state", "city", "cost", "time", "world", "left", "right", "open", "first", "second", "third",
    ]
    private static let compoundSecondParts: Set<String> = [
        "age", "based", "term", "time", "scale", "like", "free", "wide", "level", "related", "style", "sized", "size",
        "making", "owned", "run", "led", "made", "known", "friendly", "oriented", "specific", "driven", "focused",
        "old", "year", "day", "week", "month", "up", "down", "in", "out", "off", "over", "back", "income", "class",
    ]
}
