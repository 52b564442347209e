import XCTest

@testable import GlossCore

/// The two shared sample articles, checked against the structure their README describes and for lost text.
final class ReaderSampleTests: XCTestCase {
    func testHarborBarrierVote() throws {
        let fixture = try ReaderFixture(sample: "harbor-barrier-vote.txt")
        let document = fixture.document
        ReaderTextInvariant.assertNothingLost(document, source: fixture.text)

        XCTAssertEqual(document.format, .linePerParagraph)
        XCTAssertNil(document.title)
        XCTAssertEqual(document.sections[0].passages.count, 2, "a lead of 2 paragraphs")
        XCTAssertEqual(
            document.sections.compactMap(\.heading),
            [
                "Where the Council Vote Stands", "What the Engineers Propose", "Costs, Grants and Who Pays",
                "The Fishing Fleet’s Concerns", "Alternatives on the Table", "Frequently Asked Questions", "Summary",
            ])
        XCTAssertEqual(document.sections.map(\.role), [.lead, .body, .body, .body, .body, .body, .faq, .summary])
        let bodyParagraphs = document.sections.filter { $0.role == .body }.flatMap(\.passages)
        XCTAssertEqual(bodyParagraphs.count, 10)
        XCTAssertEqual(Set(bodyParagraphs.map(\.kind)), [.paragraph])
        XCTAssertEqual(document.faq.count, 4)
        XCTAssertTrue(document.faq.allSatisfy { $0.question.hasSuffix("?") && $0.answerLines != nil })
        XCTAssertEqual(document.faq[3].questionLines, LineRange(line: 25))
        XCTAssertEqual(document.keyPointsHeader, ["Key Points", "Details"])
        XCTAssertEqual(document.keyPoints.count, 8)
        XCTAssertEqual(document.keyPoints.first?.label, "Council Vote")
        XCTAssertEqual(document.keyPoints.map(\.lines.first), Array(29...36))
        XCTAssertEqual(document.sections[7].passages.count, 1, "1 summary paragraph")
        XCTAssertEqual(document.sections[7].headingLines, LineRange(line: 37))
    }

    /// The check itself must be able to fail: a dropped passage and a misplaced one are both reported.
    func testNothingLostCheckNoticesMissingAndMisplacedText() throws {
        let fixture = try ReaderFixture(sample: "harbor-barrier-vote.txt")
        XCTAssertEqual(ReaderTextInvariant.problems(fixture.document, source: fixture.text), [])

        var dropped = fixture.document
        let lost = dropped.sections[3].passages.remove(at: 1)
        let droppedProblems = ReaderTextInvariant.problems(dropped, source: fixture.text)
        XCTAssertEqual(droppedProblems.count, 1)
        XCTAssertTrue(
            droppedProblems.first?.contains(String(lost.text.prefix(8)).filter { !$0.isWhitespace }) == true,
            droppedProblems.first ?? "")

        var swapped = fixture.document
        swapped.sections[1].passages.swapAt(0, 1)
        let swappedProblems = ReaderTextInvariant.problems(swapped, source: fixture.text)
        XCTAssertTrue(swappedProblems.contains("s1.p2 (line 4) comes after s1.p1 (line 5)"), "\(swappedProblems)")
    }

    func testRiverTownsBroadband() throws {
        let fixture = try ReaderFixture(sample: "river-towns-broadband.md")
        let document = fixture.document
        ReaderTextInvariant.assertNothingLost(document, markdown: fixture.text)

        XCTAssertEqual(document.title, "River Towns Bet on Public Broadband")
        XCTAssertEqual(
            document.sections.compactMap(\.heading),
            [
                "How the Network Would Work", "Paying for It", "Frequently Asked Questions", "Key Points", "Summary",
            ])
        XCTAssertEqual(
            document.sections.map { $0.passages.map(\.kind) },
            [
                [.paragraph, .paragraph], [.paragraph, .list, .list, .list], [.paragraph, .quote], [], [], [.paragraph],
            ])
        XCTAssertEqual(document.sections.map(\.level), [0, 2, 2, 2, 2, 2])
        XCTAssertEqual(
            document.faq.map(\.question), ["Who will own the network?", "What happens if too few people sign up?"])
        XCTAssertEqual(document.keyPoints.map(\.label), ["Coverage", "Ownership", "Financing", "Risk"])
        // A list item ends on its own line, not on the blank line after the list.
        XCTAssertEqual(document.sections[1].passages[3].lines, LineRange(line: 20))
    }
}
