import XCTest

@testable import GlossCore

/// `HeadingRule` on single lines: rule 1 (shape) and rule 2 (title case), with the cases that sit on
/// the edge of each.
final class HeadingRuleTests: XCTestCase {
    private func assertShaped(_ lines: [String], _ expected: Bool, file: StaticString = #filePath, line: UInt = #line) {
        for text in lines {
            XCTAssertEqual(
                HeadingRule.isHeadingShaped(text[...]), expected, "isHeadingShaped(\"\(text)\")", file: file, line: line
            )
        }
    }

    private func assertTitleCased(
        _ lines: [String], _ expected: Bool, file: StaticString = #filePath, line: UInt = #line
    ) {
        for text in lines {
            XCTAssertEqual(
                HeadingRule.isTitleCased(text[...]), expected, "isTitleCased(\"\(text)\")", file: file, line: line)
        }
    }

    func testShortLinesWithoutClosingPunctuationAreHeadingShaped() {
        assertShaped(
            [
                "Where the Council Vote Stands",
                "Costs, Grants and Who Pays",
                "The Fishing Fleet’s Concerns",
                "The Mayor's Next Move",
                "Residents’ Frustration Grows",
                "2035 and Beyond",
                "Phase One: The Gates",
                "Storm-Surge Barrier — A Timeline",
                "“Not in My Harbor”",
                "Élan Returns to the Harbor",
                "港の未来",
                "Where the council vote stands",
                "  Indented Heading  ",
                "By the Numbers",
            ], true)
    }

    func testSentencesAndFragmentsAreNotHeadingShaped() {
        assertShaped(
            [
                "",
                "   ",
                "The vote is set for May 14.",
                "Drivers should expect detours on these streets:",
                "Harbor Road, Quay Lane,",
                "Wait for it…",
                "Stop the barrier!",
                "Vote now;",
                "港の未来。",
                "lowercase start of a line",
                "“we are ready,” she said",
                "By Maria Santos",
                "The owner is Harbor Holdings Inc.",
            ], false)
    }

    func testQuestionsAreShapedLikeHeadingsRuleTwoDecides() {
        assertShaped(["Who Pays for the Barrier?", "So who pays?", "Who Pays for the Barrier?”"], true)
    }

    func testLengthLimits() {
        let twelveWords = "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve"
        assertShaped([twelveWords], true)
        assertShaped([twelveWords + " Thirteen"], false)
        let ninetyCharacters = "Harbor " + String(repeating: "x", count: 83)
        XCTAssertEqual(ninetyCharacters.count, 90)
        assertShaped([ninetyCharacters], true)
        assertShaped([ninetyCharacters + "x"], false)
    }

    func testFinalAbbreviationNeedsTitleCase() {
        assertShaped(
            [
                "Help From Washington, D.C.",
                "Storm Aid From the U.S.",
                "Aid from the U.S.",
                "The Meeting Starts at 7 P.M.",
            ], true)
        assertShaped(
            [
                "Most of the remaining money is expected to come from the U.S.",
                "The drill ends at 11 a.m.",
            ], false)
        assertShaped(["U.S. Aid Arrives After the Storm", "What Comes After the U.S. Funds Run Out?"], true)
    }

    func testTitleCasedQuestions() {
        assertTitleCased(
            [
                "Who Pays for the Barrier?",
                "What Happens to After-School Sports?",
                "What’s Next for Port Alder’s Fleet?",
                "Is the U.S. Ready for Another Storm?",
                "What Happens to the Fleet during a Closure?",
                "Who Decides Between the Two Plans?",
                "Why?",
                "  Who Pays?",
            ], true)
    }

    func testSentenceCaseQuestionsAreNotTitleCased() {
        assertTitleCased(
            [
                "So who pays?",
                "How much would the barrier cost, and who would pay?",
                "Is this the right time to change?",
                "Should Port Alder wait?",
                "Can Port Alder afford it?",
                "why?",
            ], false)
    }

    func testEndsSentence() {
        for text in ["The vote is Tuesday.", "Who pays?", "Stop!", "these streets:", "he said.”", "and then…"] {
            XCTAssertTrue(HeadingRule.endsSentence(text[...]), text)
        }
        for text in [
            "a higher parking rate downtown and", "Harbor Road,", "Costs, Grants and Who Pays", "Vote now;", "",
        ] {
            XCTAssertFalse(HeadingRule.endsSentence(text[...]), text)
        }
    }

    /// ASCII lines (nearly all) are judged on bytes; the character-based rules must agree on them.
    func testByteRulesAgreeWithCharacterRulesOnASCII() {
        let fragments = [
            "The", "Vote", "by", "By", "U.S.", "D.C.", "and", "Between", "between", "Who", "Pays", "x", "9", "2026",
            "well-known", "Port's", "\"", "'", ")", "]", "*", "_", ".", ",", ";", ":", "!", "?", "  ", "\t", "-",
            "a.b.",
        ]
        var random = ReferenceRandom(seed: 11)
        for _ in 0..<5_000 {
            let line = (0..<(1 + random.next(9))).map { _ in fragments[random.next(fragments.count)] }
                .joined(separator: random.next(3) == 0 ? "" : " ")
            let text = line[...].trimmingWhitespace()
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
            XCTAssertEqual(
                HeadingRule.isHeadingShapedASCII(text, wordCount: words),
                HeadingRule.isHeadingShapedByCharacters(text, wordCount: words),
                "isHeadingShaped: \(line.debugDescription)")
            XCTAssertEqual(
                HeadingRule.isTitleCasedASCII(Array(text.utf8)), HeadingRule.isTitleCasedByCharacters(text),
                "isTitleCased: \(line.debugDescription)")
        }
    }

    /// The byte fast paths of line measuring (character count, trimming) against the standard library
    /// on random lines mixing the characters they count directly with those that send them to
    /// grapheme breaking (combining marks, emoji sequences, flags, Hangul, CR).
    func testLineMeasuresAgreeWithTheStandardLibrary() {
        let pieces = [
            "a", "Z", "7", " ", "\t", "  ", ".", "\"", "é", "ß", "ŋ", "\u{A0}", "\u{2009}", "“", "”", "’", "—", "–",
            "…", "•",
            "e\u{301}", "a\u{308}\u{301}", "👩\u{200D}💻", "🇫🇷", "한", "\u{1100}\u{1161}", "\r", "\r\n", "\n", "中",
            "\u{2028}", "Ā",
        ]
        var random = ReferenceRandom(seed: 23)
        for _ in 0..<20_000 {
            let line = (0..<random.next(40)).map { _ in pieces[random.next(random.next(4) == 0 ? pieces.count : 8)] }
                .joined()
            let text = line[...]
            XCTAssertEqual(text.characterCount, text.count, "characterCount: \(line.debugDescription)")
            XCTAssertEqual(
                String(text.trimmingWhitespace()), Self.referenceTrimmed(line, leading: true),
                "trimming: \(line.debugDescription)")
            XCTAssertEqual(
                String(text.trimmingTrailingWhitespace()), Self.referenceTrimmed(line, leading: false),
                "trailing trimming: \(line.debugDescription)")
        }
    }

    private static func referenceTrimmed(_ line: String, leading: Bool) -> String {
        var characters = Array(line)
        while let last = characters.last, last.isWhitespace { characters.removeLast() }
        if leading { while let first = characters.first, first.isWhitespace { characters.removeFirst() } }
        return String(characters)
    }

    /// How a line ends, read from its bytes, against the same rules on characters: random lines of
    /// words, sentence ends, closing quotes and brackets, spaces of all kinds, marks that join the
    /// character before them, and a Prepend (U+0600) that joins the one after it.
    func testLineEndingsOnBytesAgreeWithCharacters() {
        let pieces = [
            "word", "Vote", " ", "\t", ".", "!", "?", ":", ",", ";", "…", "。", "！", "？", "：", "\"", "'", ")", "]", "*",
            "_",
            "”", "’", "»", "“", "\u{A0}", "\u{2003}", "\u{85}", "\u{301}", "\u{600}", "e\u{301}", "東", "é", "—", "👩‍💻",
            "U.S.",
        ]
        var random = ReferenceRandom(seed: 53)
        for _ in 0..<20_000 {
            let line = (0..<random.next(8)).map { _ in pieces[random.next(pieces.count)] }.joined()[...]
            XCTAssertEqual(
                HeadingRule.endsSentence(line), HeadingRule.endsSentenceByCharacters(line),
                "endsSentence: \(line.debugDescription)")
            XCTAssertEqual(
                HeadingRule.endsWithQuestionMark(line), HeadingRule.endsWithQuestionMarkByCharacters(line),
                "endsWithQuestionMark: \(line.debugDescription)")
        }
    }
}
