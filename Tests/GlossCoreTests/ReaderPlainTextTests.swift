import XCTest

@testable import GlossCore

/// The plain-text reader on fixture articles: each test checks that nothing of the file is lost and
/// compares the whole structure, then spells out the elements the fixture is about.
final class ReaderPlainTextTests: XCTestCase {
    /// Every plain-text fixture goes through here, so every one is checked for lost text.
    private func read(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> ReaderFixture {
        let fixture = try ReaderFixture(name)
        XCTAssertNotEqual(fixture.document.format, .markdown, file: file, line: line)
        XCTAssertNil(fixture.decoded.warning, file: file, line: line)
        ReaderTextInvariant.assertNothingLost(fixture.document, source: fixture.text, file: file, line: line)
        return fixture
    }

    /// A small article written in the test, checked the same way.
    private func read(text: String, file: StaticString = #filePath, line: UInt = #line) -> Document {
        let document = PlainTextReader().read(text)
        ReaderTextInvariant.assertNothingLost(document, source: text, file: file, line: line)
        return document
    }

    /// A line's text without its indentation, cut on bytes, against trimming its characters.
    func testTrimmedLineBytesAgreeWithTrimmingCharacters() {
        let pieces = [
            "word", " ", "  ", "\t", "\u{0B}", "\u{0C}", "\u{A0}", "\u{2003}", "\u{3000}", "e\u{301}", "\u{301}", "é",
            "- item", "’",
        ]
        var random = ReferenceRandom(seed: 43)
        var fastPathTaken = 0
        for _ in 0..<3_000 {
            let text = (0..<random.next(12)).map { _ in pieces[random.next(pieces.count)] }.joined()
            for line in PlainTextReader.blocks(of: text).joined() {
                guard let bytes = line.withTrimmedUTF8({ Array($0) }) else { continue }
                fastPathTaken += 1
                XCTAssertEqual(bytes, Array(line.text.trimmingWhitespace().utf8), text.debugDescription)
            }
        }
        XCTAssertGreaterThan(fastPathTaken, 500)
    }

    /// Lines found and measured on bytes against the same rules applied line by line to substrings.
    func testBlocksAgreeWithLineByLineMeasuring() {
        let pieces = [
            "word", "Port Alder", " ", "  ", "\t", "\n", "\n\n", "\r\n", "| a | b |", "- item", "1. step", "“quoted”",
            "—",
            "\u{A0}", "\u{2003}", "\u{2028}", "e\u{301}", "東京", "👩‍💻", "’s", ".", "?",
        ]
        var random = ReferenceRandom(seed: 41)
        for _ in 0..<3_000 {
            let text = (0..<random.next(40)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let found = PlainTextReader.blocks(of: text).map { $0.map(Self.describe) }
            XCTAssertEqual(found, Self.referenceBlocks(text).map { $0.map(Self.describe) }, text.debugDescription)
        }
    }

    private static func describe(_ line: PlainTextReader.Line) -> String {
        "\(line.number)|\(line.text)|\(line.width)|\(line.isTable)|\(line.isBullet)"
    }

    /// The rules line by line: trailing whitespace trimmed as characters, blank lines split blocks.
    private static func referenceBlocks(_ text: String) -> [[PlainTextReader.Line]] {
        var blocks: [[PlainTextReader.Line]] = []
        var current: [PlainTextReader.Line] = []
        for (index, raw) in text.lineSlices().enumerated() {
            var line = raw[...]
            while let last = line.last, last.isWhitespace { line = line.dropLast() }
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(PlainTextReader.Line(number: index + 1, text: line))
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    func testWireStoryWithTitleWrappedParagraphsAndBlankRuns() throws {
        let document = try read("wire-ferry-story.txt").document
        XCTAssertEqual(document.format, .wire)
        ReaderOutline.assertDump(
            document,
            equals: """
                title 1: Ferry Service to Gull Island Will Resume in May
                s0 lead
                  paragraph 3: By Maria Santos
                  paragraph 5-8: GULL ISLAND — The state … private water taxi.
                  paragraph 11-13: The department said the ferry’s … busiest summer weekends.
                s1 body h1 15: Repairs and Delays
                  paragraph 17-19: The repairs were first expected … by the department.
                  paragraph 21-23: Island businesses said the delay … closed until April.
                s2 body h1 28: What Residents Want Next
                  paragraph 30-31: A petition signed by more … through the winter.
                  paragraph 33-34: “We can’t be cut off … island’s general store.
                s3 summary h1 36: Summary
                  paragraph 38-39: The Gull Island ferry returns … standing backup boat.
                """)
        // Wrapped lines are joined with single spaces; trailing spaces are not carried into the text.
        XCTAssertEqual(
            document.sections[0].passages[1].text,
            """
            GULL ISLAND — The state ferry that links Gull Island to the mainland will resume daily crossings \
            in May after a winter of repairs, the transportation department said on Thursday, ending a \
            shutdown that forced residents to rely on a single private water taxi.
            """)
        XCTAssertEqual(document.sections[1].heading, "Repairs and Delays")
        XCTAssertEqual(
            document.sections[1].passages[1].text,
            """
            Island businesses said the delay cost them the start of the spring season. Gull Island’s only \
            grocery cut its hours twice, and the island’s inn closed until April.
            """)
    }

    func testTitleCasedQuestionsAreHeadingsAndSentencesAreNot() throws {
        let document = try read("school-bell-questions.txt").document
        XCTAssertEqual(document.format, .linePerParagraph)
        XCTAssertNil(document.title)
        ReaderOutline.assertDump(
            document,
            equals: """
                s0 lead
                  paragraph 1: Port Alder’s school board will … for three years.
                  paragraph 2: The proposal would cost about … district’s transportation office.
                s1 body h1 3: Why Change the Bell Schedule?
                  paragraph 4: Pediatricians have long recommended that … in first period.
                  paragraph 5: So who pays?
                  paragraph 6: The district says the money … from new taxes.
                s2 body h1 7: Who Pays for the Extra Buses?
                  paragraph 8: The district would add six … work split shifts.
                  paragraph 9: The vote is set for May 14.
                s3 body h1 10: What Happens to After-School Sports?
                  paragraph 11: Coaches worry that later dismissal … did not fall.
                  paragraph 12: Is this the right time to change?
                  paragraph 13: Should Port Alder wait?
                  paragraph 14: Board members who oppose the … in the fall.
                """)
        XCTAssertEqual(document.faq.count, 0, "questions outside a FAQ section are not FAQ entries")
        XCTAssertEqual(document.sections.dropFirst().map(\.role), [.body, .body, .body])
    }

    func testListsOfShortLinesAndBulletsAreListItemsNotHeadings() throws {
        let document = try read("storm-drill-lists.txt").document
        ReaderOutline.assertDump(
            document,
            equals: """
                s0 lead
                  paragraph 1: Harbor officials released the list … a real evacuation.
                s1 body h1 2: Streets Closed Saturday
                  paragraph 3: Drivers should expect detours from … on these streets:
                  list 4: Harbor Road
                  list 5: Quay Lane
                  list 6: Fifth Street between Main and Water
                  list 7: Old Mill Bridge
                  paragraph 8: Buses will follow their normal … one block inland.
                s2 body h1 9: Shelters
                  paragraph 10: The county will open three … becomes an evacuation:
                  list 11: - Port Alder High School gymnasium
                  list 12: - St. Brendan’s parish hall
                  list 13: • The community center on Ridge Avenue
                  paragraph 14: Residents who need a ride … hotline by Friday.
                s3 body h1 15: What to Bring
                  list 16: 1. Medication for three days
                  list 17: 2. Phone chargers
                  list 18: 3) Copies of insurance documents
                  paragraph 19: The drill ends at noon, … crews clear them.
                """)
        let headings = document.sections.compactMap(\.heading)
        XCTAssertEqual(headings, ["Streets Closed Saturday", "Shelters", "What to Bring"])
    }

    func testTablesHeadingAfterTableAndKeyPointsTable() throws {
        let document = try read("budget-tables.txt").document
        ReaderOutline.assertDump(
            document,
            equals: """
                title 1: Port Alder Budget Gap Widens
                s0 lead
                  paragraph 3-5: The city’s budget office reported … in parking revenue.
                s1 body h1 7: Where the Money Goes
                  table-row 9: Department | This Year | Next Year
                  table-row 11: Fire | $22.1 million | $24.6 million
                  table-row 12: Police | $31.4 million | $32.0 million
                  table-row 13: Parks | $6.8 million | $6.2 million
                s2 body h1 14: How the Council Might Close the Gap
                  paragraph 15-16: Council members have floated a … the rainy-day fund.
                  paragraph 18-19: Departments were asked to submit … and lost fees:
                  list 20: Fire
                  list 21: Police
                  list 22: Parks and Recreation
                kp header: Key Points | Details
                kp1 s2 26: Shortfall = $14 million, up from $9 million in the spring forecast.
                kp2 s2 27: Main Driver = Fire department overtime rose 40 percent.
                kp3 s2 28: Options = A hiring freeze, higher parking rates or the rainy-day fund.
                """)
        // The heading right under the table starts a section of its own, not a table row.
        XCTAssertEqual(document.sections[2].headingLines, LineRange(line: 14))
        // The wrapped paragraph introducing the list stops before the list instead of swallowing "Fire".
        XCTAssertEqual(
            document.sections[2].passages[1].text,
            """
            Departments were asked to submit cuts of 3 percent by the end of the month, and the mayor named \
            the three that account for most of the overtime and lost fees:
            """)
        XCTAssertEqual(document.keyPoints.count, 3)
    }

    func testWireFAQWithMultiParagraphAnswersListsAndSummary() throws {
        let document = try read("recycling-faq-wire.txt").document
        ReaderOutline.assertDump(
            document,
            equals: """
                s0 lead
                  paragraph 1-3: The county’s new recycling rules … of the river.
                s1 faq h1 5: Frequently Asked Questions
                s2 summary h1 30: Summary
                  paragraph 32-33: Glass gets its own bin … the monthly fee.
                q1 s1 7: Why is glass collected separately?
                  answer 9-12: Broken glass contaminates paper and … county about $60,000.
                q2 s1 14: What if I miss a pickup?
                  answer 16-19: Drop-off sites at the transfer … a.m. to noon
                q3 s1 21: Which districts switch to every other week?
                  answer 22-25: The change applies to these districts only:⏎⏎Cedar Hollow⏎⏎North Fork⏎⏎Millbrook Flats
                q4 s1 27: Will my bill go up?
                  answer 28: No. The fee stays at … through next year.
                """)
        XCTAssertEqual(
            document.faq[0].answer,
            """
            Broken glass contaminates paper and cardboard, which the county sells to mills. Separating it \
            raises the price the county gets for each ton.

            Mixed loads were rejected twice last year, costing the county about $60,000.
            """)
        XCTAssertEqual(
            document.faq[1].answer,
            """
            Drop-off sites at the transfer station and the high school stay open on Saturdays.

            - Transfer station: 8 a.m. to 4 p.m.

            - High school lot: 9 a.m. to noon
            """)
        XCTAssertTrue(document.sections[1].passages.isEmpty, "a FAQ's questions and answers are FAQ entries")
    }

    func testOneLinePerParagraphFAQWithMultiLineAnswersAndATable() throws {
        let document = try read("bridge-faq-lines.txt").document
        XCTAssertEqual(document.format, .linePerParagraph)
        ReaderOutline.assertDump(
            document,
            equals: """
                s0 lead
                  paragraph 1: The state will open the … than a decade.
                s1 faq h1 2: Frequently Asked Questions
                s2 summary h1 23: Summary
                  paragraph 24: The new bridge opens in … next two winters.
                q1 s1 3: When does the new bridge open?
                  answer 4-5: The state expects to open … during the day.
                q2 s1 6: Will there be tolls?
                  answer 7: No. The bridge was paid … a federal grant.
                q3 s1 8: What happens to the old bridge?
                  answer 9-10: It will be taken down … become fishing platforms.
                q4 s1 11: Which roads close during demolition?
                  answer 12-15: Three roads close for up … Street⏎⏎Canal Way⏎⏎Depot Road
                q5 s1 16: How long will each closure last?
                  answer 17-22: It depends on the road:⏎⏎Road … of each closure.
                """)
        // A table under a question belongs to the answer, and so does the paragraph after it.
        XCTAssertEqual(
            document.faq[4].answer,
            """
            It depends on the road:

            Road | Closure
            River Street | Two weeks
            Canal Way | Ten days

            Detours will be posted a week ahead of each closure.
            """)
        XCTAssertTrue(document.sections[1].passages.isEmpty)
        // An answer line shaped like a heading is still the answer its question waits for.
        XCTAssertEqual(
            document.faq[2].answer,
            """
            It will be taken down in stages over two winters

            Its steel will be recycled, and two of its piers will become fishing platforms.
            """)
    }

    func testHeadingsWithAbbreviationsCommasAndApostrophes() throws {
        let document = try read("storm-aid-headings.txt").document
        ReaderOutline.assertDump(
            document,
            equals: """
                s0 lead
                  paragraph 1: Federal and state money began … than 3,000 homes.
                s1 body h1 2: U.S. Aid Arrives After the Storm
                  paragraph 3: The first payments from the … agency’s regional office.
                s2 body h1 4: Costs, Delays and the Insurance Gap
                  paragraph 5: Many homeowners learned after the … had flood insurance.
                s3 body h1 6: Residents’ Frustration Grows
                  paragraph 7: At a packed meeting in … weeks for inspectors.
                s4 body h1 8: The Mayor's Next Move
                  paragraph 9: Mayor Tom Bell said he … town’s water plant.
                s5 body h1 10: Help From Washington, D.C.
                  paragraph 11: The state’s congressional delegation has asked for a supplemental appropriation.
                  paragraph 12: Most of the remaining money … from the U.S.
                  paragraph 13: The rest would come from … about $40 million.
                s6 body h1 14: What Comes After the U.S. Funds Run Out?
                  paragraph 15: Local officials say the next … does not cover.
                """)
        XCTAssertEqual(
            document.sections[5].passages[1].text, "Most of the remaining money is expected to come from the U.S.")
    }

    // MARK: - Hard wrapping, on small texts

    func testShortParagraphsOnePerLineAreNotJoined() {
        let document = read(
            text: """
                Ferry Fares Rise
                Fares on the Gull Island ferry will rise by a dollar in June.
                The authority said fuel costs doubled since the last increase in 2015.
                Residents keep their discount.
                """)
        XCTAssertEqual(document.sections.compactMap(\.heading), ["Ferry Fares Rise"])
        XCTAssertEqual(
            document.sections[1].passages.map(\.lines), [LineRange(line: 2), LineRange(line: 3), LineRange(line: 4)])
    }

    func testWrappedParagraphWithCapitalisedContinuationsIsJoined() {
        // Every continuation starts with a name; the long first line is no heading, so it shows wrapping.
        let document = read(
            text: """
                The council met with representatives of the fishing fleet, the port authority and
                Gull Island residents on Tuesday, and agreed to hold a second hearing before
                March.
                """)
        XCTAssertEqual(document.sections[0].passages.map(\.lines), [LineRange(1, 3)])
    }

    func testQuestionAndAnswerLinesInOneBlockStaySeparate() {
        let document = read(
            text: """
                Rural pickup moves to every other week in July.

                Frequently Asked Questions

                Which districts switch to every other week?
                Cedar Hollow and North Fork switch in July.
                """)
        XCTAssertEqual(document.faq.map(\.question), ["Which districts switch to every other week?"])
        XCTAssertEqual(document.faq.map(\.answer), ["Cedar Hollow and North Fork switch in July."])
    }
}
