import XCTest

@testable import GlossCore

/// The Markdown reader on fixture articles. Block markers (`#`, `>`, bullets, fences) are markup, so
/// the nothing-is-lost check compares the text without them.
final class ReaderMarkdownTests: XCTestCase {
    private func read(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> ReaderFixture {
        let fixture = try ReaderFixture(name)
        XCTAssertEqual(fixture.document.format, .markdown, file: file, line: line)
        ReaderTextInvariant.assertNothingLost(fixture.document, markdown: fixture.text, file: file, line: line)
        return fixture
    }

    func testFrontMatterNestedHeadingsListsQuotesAndCode() throws {
        let document = try read("lighthouse-front-matter.md").document
        ReaderOutline.assertDump(
            document,
            equals: """
                meta title: Lighthouse Keepers Return to Cape Morrow
                meta author: Dana Whitfield
                meta date: 2025-03-14
                meta tags: [coast, history]
                title 8: Lighthouse Keepers Return to Cape Morrow
                s0 lead
                  paragraph 10-12: For the first time since … May to October.
                s1 body h2 14: History
                  paragraph 16: The light was automated in … stood empty since.
                s2 body h3 18: The First Keepers
                  paragraph 20-21: The station's first keeper, Abel … cliff by hand.
                s3 body h4 23: Logbooks
                  paragraph 25: Crane's logbooks survive in the county archive.
                s4 body h2 27: Restoration Plans
                  paragraph 29: The nonprofit plans three projects before the keepers arrive:
                  list 31: Replace the cottage roof.
                  list 32: Repair the fog-signal building.
                  list 33: Salvage the original bell.
                  list 34: Rebuild the stairs to the beach.
                  quote 36-37: The keepers will be the … than thirty years.
                  paragraph 39-40: The volunteers will log the … used in 1871:
                  code 42-45: DATE  WIND  SEA …   GOOD
                  code 47: Indented code keeps its spaces.
                s5 summary h2 49: Summary
                  paragraph 51: Cape Morrow will have resident keepers again this summer.
                """)
        // Front matter is metadata only: no passage holds any of its lines.
        let frontMatterLines = 1...6
        let passageLines = document.sections.flatMap(\.passages).map(\.lines.first)
        XCTAssertFalse(passageLines.contains(where: frontMatterLines.contains))
        XCTAssertEqual(document.sections.map(\.level), [0, 2, 3, 4, 2, 2])
        XCTAssertEqual(document.depth(ofSection: 3), 2)
        let quote = document.sections[4].passages[5]
        XCTAssertEqual(
            quote.text, "The keepers will be the first people to sleep at the station in more than thirty years.")
        XCTAssertEqual(document.sections[4].passages[7].text, "DATE  WIND  SEA    VISIBILITY\n0514  SW 3  CALM   GOOD")
    }

    func testFAQQuestionHeadingsAndKeyPointsTable() throws {
        let document = try read("ferry-fares-faq-key-points.md").document
        ReaderOutline.assertDump(
            document,
            equals: """
                title 1: Ferry Fares Rise for the First Time in a Decade
                s0 lead
                  paragraph 3-4: The state ferry authority approved … and crew costs.
                s1 faq h2 6: Frequently Asked Questions
                s2 key-points h2 30: Key Points
                s3 body h2 38: What Comes Next
                  table-row 40: Route | Old Fare | New Fare
                  table-row 42: Gull Island | $8.00 | $9.00
                  table-row 43: Cape Morrow | $11.00 | $12.30
                  paragraph 45: The authority will review fares again in two years.
                q1 s1 8: When do the new fares start?
                  answer 10-17: The new fares take effect … 1 stay valid.
                q2 s1 19: Are there discounts for island residents?
                  answer 21-23: Yes. Residents keep their 40 … vehicle per household.
                q3 s1 25: What about commuter passes?
                  answer 27-28: Monthly passes rise from $90 … unchanged this year.
                kp header: Item | Detail
                kp1 s2 34: Increase = 12 percent, the first since 2015
                kp2 s2 35: Start = June 1
                kp3 s2 36: Residents = 40 percent discount kept
                """)
        // A table under a question belongs to the answer, and so does the paragraph after it.
        XCTAssertEqual(
            document.faq[0].answer,
            """
            The new fares take effect on June 1:

            Ticket | Before | After
            Adult | $8.00 | $9.00
            Child | $4.00 | $4.50

            Tickets bought before June 1 stay valid.
            """)
        XCTAssertTrue(document.sections[1].passages.isEmpty)
        XCTAssertEqual(
            document.faq[1].answer,
            """
            Yes. Residents keep their 40 percent discount.

            The discount now also covers a second vehicle per household.
            """)
        XCTAssertEqual(
            document.faq[2].answer, "Monthly passes rise from $90 to $100.\n\nAnnual passes are unchanged this year.")
        // The key points come from the table under the Key Points heading, whatever its header says.
        XCTAssertTrue(document.sections[2].passages.isEmpty)
    }

    func testFrontMatterTitleWhenThereIsNoTitleHeading() {
        let document = DocumentLoader.parse(
            """
            ---
            title: Tide Tables
            ---

            High tide is at 6:12.
            """, pathExtension: "md")
        XCTAssertEqual(document.title, "Tide Tables")
        XCTAssertEqual(document.titleLines, LineRange(line: 2))
        XCTAssertEqual(document.metadata, [MetadataField(key: "title", value: "Tide Tables")])
        XCTAssertEqual(document.sections[0].passages.map(\.text), ["High tide is at 6:12."])
    }
}
