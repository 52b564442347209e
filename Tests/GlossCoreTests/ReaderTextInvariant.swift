import XCTest

@testable import GlossCore

/// The "nothing is lost" check: every character of an article other than whitespace and table
/// markup reappears in the model, in document order.
///
/// The model's text is read as title, then each section's heading and passages, with the FAQ
/// entries and key points that belong to the section merged in by source line (they are kept in
/// their own lists). The key-points table header goes just before the first key point.
enum ReaderTextInvariant {
    struct Piece {
        var line: Int
        var text: String
        var what: String
        /// Headings and passages are never empty; a key point's detail may be.
        var requiresText = false
    }

    static func pieces(of document: Document) -> [Piece] {
        var result: [Piece] = []
        if let title = document.title {
            result.append(Piece(line: document.titleLines?.first ?? 0, text: title, what: "title"))
        }
        let firstKeyPoint = document.keyPoints.first
        for (index, section) in document.sections.enumerated() {
            if let heading = section.heading {
                result.append(
                    Piece(
                        line: section.headingLines?.first ?? 0, text: heading, what: "s\(index) heading",
                        requiresText: true))
            }
            // Passages, FAQ entries and key points each stay in model order; the three lists are merged
            // by source line, so an element the model holds out of order shows up as out of order.
            let passages = section.passages.enumerated().map { number, passage in
                [
                    Piece(
                        line: passage.lines.first, text: passage.text, what: "s\(index).p\(number + 1)",
                        requiresText: true)
                ]
            }
            let entries = document.faq.enumerated().filter { $0.element.section == index }.map { number, entry in
                [Piece(line: entry.questionLines.first, text: entry.question, what: "q\(number + 1)")]
                    + (entry.answerLines.map {
                        [Piece(line: $0.first, text: entry.answer, what: "q\(number + 1) answer")]
                    } ?? [])
            }
            var points = document.keyPoints.enumerated().filter { $0.element.section == index }.map { number, point in
                [Piece(line: point.lines.first, text: point.label + " " + point.detail, what: "kp\(number + 1)")]
            }
            if let firstKeyPoint, firstKeyPoint.section == index, !points.isEmpty, !document.keyPointsHeader.isEmpty {
                let header = Piece(
                    line: firstKeyPoint.lines.first, text: document.keyPointsHeader.joined(separator: " "),
                    what: "kp header")
                points[0].insert(header, at: 0)
            }
            result.append(contentsOf: merged([passages, entries, points]).flatMap { $0 })
        }
        return result
    }

    /// Merges lists of element groups by the first line of each group, keeping each list's own order.
    private static func merged(_ lists: [[[Piece]]]) -> [[Piece]] {
        var heads = lists.map { $0[...] }
        var result: [[Piece]] = []
        while let next = heads.indices.filter({ !heads[$0].isEmpty })
            .min(by: { heads[$0].first![0].line < heads[$1].first![0].line })
        {
            result.append(heads[next].removeFirst())
        }
        return result
    }

    /// Asserts the invariant for a plain-text article.
    static func assertNothingLost(
        _ document: Document, source: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        for problem in problems(document, source: source) { XCTFail(problem, file: file, line: line) }
    }

    /// Asserts the invariant for a Markdown article, whose block markers (`#`, `>`, list bullets,
    /// code fences) are markup rather than text. Front matter is metadata and is checked apart.
    static func assertNothingLost(
        _ document: Document, markdown source: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        for problem in problems(document, markdown: source) { XCTFail(problem, file: file, line: line) }
    }

    static func problems(_ document: Document, source: String) -> [String] {
        problems(pieces(of: document), expected: normalized(plainText: source))
    }

    static func problems(_ document: Document, markdown source: String) -> [String] {
        let frontMatterEnd = frontMatterLineCount(source)
        let body = pieces(of: document).filter { !($0.what == "title" && $0.line <= frontMatterEnd) }
        return problems(body, expected: normalized(markdown: source))
    }

    /// Elements out of order, empty elements, and the first place the text differs from the source.
    private static func problems(_ pieces: [Piece], expected: String) -> [String] {
        var result: [String] = []
        for (previous, next) in zip(pieces, pieces.dropFirst()) where next.line < previous.line {
            result.append("\(next.what) (line \(next.line)) comes after \(previous.what) (line \(previous.line))")
        }
        for piece in pieces where piece.requiresText && piece.text.trimmingWhitespace().isEmpty {
            result.append("\(piece.what) is empty")
        }
        let actual = pieces.map { squeezed($0.text) }.joined()
        if actual != expected {
            let common = zip(actual, expected).prefix(while: { $0 == $1 }).count
            result.append(
                """
                model text differs from the source after \(common) characters
                  source: …\(expected.dropFirst(max(0, common - 30)).prefix(80))
                  model:  …\(actual.dropFirst(max(0, common - 30)).prefix(80))
                """)
        }
        return result
    }

    /// The source without whitespace, table pipes and table delimiter rows.
    static func normalized(plainText source: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !isDelimiterRow($0) }
            .map(squeezed)
            .joined()
    }

    static func normalized(markdown source: String) -> String {
        var result = ""
        var inFence = false
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines.dropFirst(frontMatterLineCount(source)) {
            var text = line.trimmingWhitespace()
            if text.hasPrefix("```") {
                inFence.toggle()
                continue
            }
            if !inFence {
                if isDelimiterRow(text) { continue }
                text = strippingBlockMarkers(text)
            }
            result += squeezed(text)
        }
        return result
    }

    /// `> `, `#`s, `- `/`* `/`+ ` and `1. ` at the start of a Markdown line, nested or not.
    private static func strippingBlockMarkers(_ line: Substring) -> Substring {
        var text = line
        while true {
            let before = text
            if text.hasPrefix(">") { text = text.dropFirst() }
            if text.first == "#" {
                let marks = text.prefix(while: { $0 == "#" })
                if text.dropFirst(marks.count).first?.isWhitespace != false { text = text.dropFirst(marks.count) }
            }
            if let first = text.first, "-*+".contains(first), text.dropFirst().first == " " { text = text.dropFirst() }
            let digits = text.prefix(while: \.isNumber)
            if !digits.isEmpty, let mark = text.dropFirst(digits.count).first, mark == "." || mark == ")",
                text.dropFirst(digits.count + 1).first == " "
            {
                text = text.dropFirst(digits.count + 1)
            }
            text = text.trimmingWhitespace()
            if text == before { return text }
        }
    }

    /// Number of lines taken by `---` front matter at the top, including both fences.
    static func frontMatterLineCount(_ source: String) -> Int {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." })
        else { return 0 }
        return close + 1
    }

    static func isDelimiterRow(_ line: Substring) -> Bool {
        let text = line.trimmingWhitespace()
        return text.first == "|" && text.contains("-") && text.allSatisfy { "|-: \t".contains($0) }
    }

    static func squeezed<S: StringProtocol>(_ text: S) -> String {
        String(text.filter { !$0.isWhitespace && $0 != "|" })
    }
}
