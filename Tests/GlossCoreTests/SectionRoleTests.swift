import XCTest

@testable import GlossCore

/// Section roles from headings: known headings in any case and punctuation, and random headings
/// against the rule applied to their normalized words as a String.
final class SectionRoleTests: XCTestCase {
    func testKnownHeadingsInAnyCaseAndPunctuation() {
        XCTAssertEqual(SectionRole.classify(heading: "Frequently Asked Questions"), .faq)
        XCTAssertEqual(SectionRole.classify(heading: "  FAQ:"), .faq)
        XCTAssertEqual(SectionRole.classify(heading: "Q&A"), .faq)
        XCTAssertEqual(SectionRole.classify(heading: "Q & A"), .faq)
        XCTAssertEqual(SectionRole.classify(heading: "Key Points"), .keyPoints)
        XCTAssertEqual(SectionRole.classify(heading: "At a Glance —"), .keyPoints)
        XCTAssertEqual(SectionRole.classify(heading: "The Bottom Line"), .summary)
        XCTAssertEqual(SectionRole.classify(heading: "Summary"), .summary)
        XCTAssertEqual(SectionRole.classify(heading: "Summary of the Vote"), .body)
        XCTAssertEqual(SectionRole.classify(heading: "Résumé"), .body)
        XCTAssertEqual(SectionRole.classify(heading: String(repeating: "summary ", count: 6)), .body)
    }

    func testRandomHeadingsAgreeWithTheWordRule() {
        let pieces = [
            "Key", "points", "FAQ", "faqs", "Q", "&", "A", "At", "a", "glance", "In", "summary", "the", "Bottom",
            "line",
            " ", "  ", ":", "—", "-", "é", "Your", "questions", "answered", "1", "?",
        ]
        var random = ReferenceRandom(seed: 61)
        for _ in 0..<20_000 {
            let heading = (0..<random.next(7)).map { _ in pieces[random.next(pieces.count)] }.joined(
                separator: random.next(2) == 0 ? " " : "")
            XCTAssertEqual(SectionRole.classify(heading: heading), Self.reference(heading), heading.debugDescription)
        }
    }

    private static func reference(_ heading: String) -> SectionRole {
        guard heading.utf8.count <= 40 else { return .body }
        switch SectionRole.normalizedWords(heading) {
        case "frequently asked questions", "faq", "faqs", "questions and answers", "q&a", "q & a", "common questions",
            "your questions answered":
            return .faq
        case "key points", "key takeaways", "key facts", "at a glance": return .keyPoints
        case "summary", "in summary", "summing up", "the bottom line", "bottom line": return .summary
        default: return .body
        }
    }
}
