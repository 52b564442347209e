import XCTest

@testable import GlossCore

/// The rules every reader shares, fed as structure events the way a reader reports them.
final class DocumentBuilderTests: XCTestCase {
    private func lines(_ line: Int) -> LineRange { LineRange(line: line) }

    func testListItemsUnderAKeyTakeawaysHeadingAreKeyPoints() {
        var builder = DocumentBuilder(format: .markdown)
        builder.block(.paragraph, "The council met on Tuesday.", lines: lines(1))
        builder.heading("Key takeaways", level: 2, lines: lines(2))
        builder.block(.list, "Cost: $40 million over ten years", lines: lines(3))
        builder.block(.list, "Fishing fleet — wants a schedule", lines: lines(4))
        builder.block(.list, "The vote was postponed by a week.", lines: lines(5))
        builder.block(.paragraph, "A paragraph in the box stays a passage.", lines: lines(6))
        builder.heading("Highlights", level: 2, lines: lines(7))
        builder.block(.list, "Grants cover half", lines: lines(8))
        builder.heading("What Comes Next", level: 2, lines: lines(9))
        builder.block(.list, "A list item in a body section.", lines: lines(10))
        let document = builder.finish()
        ReaderOutline.assertDump(
            document,
            equals: """
                s0 lead
                  paragraph 1: The council met on Tuesday.
                s1 key-points h2 2: Key takeaways
                  paragraph 6: A paragraph in the box stays a passage.
                s2 key-points h2 7: Highlights
                s3 body h2 9: What Comes Next
                  list 10: A list item in a body section.
                kp1 s1 3: Cost = $40 million over ten years
                kp2 s1 4: Fishing fleet = wants a schedule
                kp3 s1 5: The vote was postponed by a week. = 
                kp4 s2 8: Grants cover half = 
                """)
    }

    func testFAQAsksWithHeadingsOrWithQuestionShapedBlocks() {
        var builder = DocumentBuilder(format: .markdown)
        builder.heading("FAQ", level: 2, lines: lines(1))
        builder.block(.paragraph, "What is planned?", lines: lines(2), asks: true)
        builder.block(.paragraph, "Is this an answer?", lines: lines(3), asks: true)
        builder.block(.list, "A list item answers too.", lines: lines(4))
        builder.block(.paragraph, "Who pays?", lines: lines(5), asks: true)
        builder.block(.paragraph, "The state.", lines: lines(6))
        builder.heading("Questions and answers", level: 2, lines: lines(7))
        builder.heading("When does it start?", level: 3, lines: lines(8))
        builder.block(.paragraph, "Does a question-shaped paragraph answer here?", lines: lines(9), asks: true)
        builder.heading("After the FAQ", level: 2, lines: lines(10))
        builder.block(.paragraph, "Is this a question?", lines: lines(11), asks: true)
        let document = builder.finish()
        ReaderOutline.assertDump(
            document,
            equals: """
                s0 lead
                s1 faq h2 1: FAQ
                s2 faq h2 7: Questions and answers
                s3 body h2 10: After the FAQ
                  paragraph 11: Is this a question?
                q1 s1 2: What is planned?
                  answer 3-4: Is this an answer?⏎⏎A list item answers too.
                q2 s1 5: Who pays?
                  answer 6: The state.
                q3 s2 8: When does it start?
                  answer 9: Does a question-shaped paragraph answer here?
                """)
    }

    func testTablesGiveKeyPointsAnswersOrRows() {
        var builder = DocumentBuilder(format: .wire)
        let keyPoints: [DocumentBuilder.TableRow] = [
            .init(cells: ["Key Points", "Details"], line: 1, isHeader: true),
            .init(cells: ["Cost", "$40 million", "over ten years"], line: 2),
        ]
        builder.table(keyPoints, lines: LineRange(1, 2))
        builder.heading("Key Facts", level: 1, lines: lines(3))
        builder.table([.init(cells: ["a", "b"], line: 4)], lines: lines(4))
        builder.table(
            [
                .init(cells: ["Item", "Detail"], line: 5, isHeader: true),
                .init(cells: ["Fleet", "120 boats"], line: 6),
            ],
            lines: LineRange(5, 6))
        builder.heading("Frequently Asked Questions", level: 1, lines: lines(7))
        builder.block(.paragraph, "What does it cost?", lines: lines(8), asks: true)
        builder.table(
            [.init(cells: ["Year", "Cost"], line: 9, isHeader: true), .init(cells: ["2025", "$4m"], line: 10)],
            lines: LineRange(9, 10))
        let document = builder.finish()
        ReaderOutline.assertDump(
            document,
            equals: """
                s0 lead
                s1 key-points h1 3: Key Facts
                  table-row 4: a | b
                s2 faq h1 7: Frequently Asked Questions
                q1 s2 8: What does it cost?
                  answer 9-10: Year | Cost⏎2025 | $4m
                kp header: Key Points | Details
                kp1 s0 2: Cost = $40 million | over ten years
                kp2 s1 6: Fleet = 120 boats
                """)
    }

    func testStructuredFAQEntriesJoinTheFAQSectionOrOpenOne() {
        var builder = DocumentBuilder(format: .markdown)
        builder.heading("Background", level: 2, lines: lines(1))
        builder.block(.paragraph, "Text.", lines: lines(2))
        builder.faqEntry(question: "Who decides?", answer: "The council.", lines: lines(3))
        builder.faqEntry(question: "When?", answer: "", lines: lines(4))
        let document = builder.finish()
        ReaderOutline.assertDump(
            document,
            equals: """
                s0 lead
                s1 body h2 1: Background
                  paragraph 2: Text.
                s2 faq h2 3: Frequently Asked Questions
                q1 s2 3: Who decides?
                  answer 3: The council.
                q2 s2 4: When?
                  answer none: 
                """)
    }

    func testCaptionsAreUnitsOfTheirOwnKind() throws {
        var builder = DocumentBuilder(format: .markdown)
        builder.block(.paragraph, "The barrier would close in storms.", lines: lines(1))
        builder.block(.caption, "The harbor mouth at low tide.", lines: lines(2))
        var document = builder.finish()
        document.path = "figure.md"
        let session = Session()
        session.workspace.add([document])
        XCTAssertEqual(try TestSession.matches("kind:caption", in: session), ["s0.p2"])
        XCTAssertEqual(try TestSession.matches("kind:captions harbor", in: session), ["s0.p2"])
        XCTAssertTrue(try TestSession.run("show s0.p2", in: session).contains("caption"))
        XCTAssertTrue(try TestSession.run("outline --json", in: session).contains("\"kind\": \"caption\""))
    }

    func testCommentsFromTheSourceBecomeNotesOnMarksOfTheirSpans() throws {
        var builder = DocumentBuilder(format: .markdown)
        builder.comment("Before any block: dropped.", author: nil)
        builder.block(.paragraph, "The vote was close, and the vote was late.", lines: lines(1))
        builder.comment("Which vote?", author: "Ana Reviewer", span: 28..<32)
        builder.comment("Whole paragraph.", author: nil)
        builder.heading("FAQ", level: 2, lines: lines(2))
        builder.block(.paragraph, "Who voted?", lines: lines(3), asks: true)
        builder.block(.paragraph, "Seven members.", lines: lines(4))
        builder.comment("Check the count.", author: "Ben", span: 0..<5)
        var document = builder.finish()
        XCTAssertEqual(
            document.comments,
            [
                SourceComment(
                    element: .passage(section: 0, number: 1), quote: "vote", occurrence: 2, text: "Which vote?",
                    author: "Ana Reviewer"),
                SourceComment(
                    element: .passage(section: 0, number: 1), quote: nil, text: "Whole paragraph.", author: nil),
                SourceComment(element: .faq(1), quote: "Seven", occurrence: 1, text: "Check the count.", author: "Ben"),
            ])
        document.path = "draft.md"
        let session = Session()
        session.workspace.add([document])
        var transaction = CommandTransaction()
        XCTAssertEqual(session.workspace.addSourceComments(of: [0], in: &transaction), 3)
        let marks = try TestSession.run("marks", in: session)
        XCTAssertTrue(marks.contains("m1") && marks.contains("vote"), marks)
        let notes = try TestSession.run("notes", in: session)
        XCTAssertTrue(notes.contains("Ana Reviewer: Which vote?") && notes.contains("Ben: Check the count."), notes)
        let mark = try XCTUnwrap(session.workspace.annotations.marks[1])
        XCTAssertEqual(mark.start, 28, "the second 'vote' of the passage")
    }

    func testWarningsTravelWithTheDocument() throws {
        let file = try TemporaryFile(bytes: Array("Caf".utf8) + [0xE9, 0x0A], name: "cafe.txt")
        defer { file.remove() }
        let (document, warnings) = try DocumentLoader.read(file.candidate)
        XCTAssertEqual(document.title, nil)
        XCTAssertEqual(warnings, ["cafe.txt: not valid UTF-8 (first bad byte at offset 3); read as Windows-1252"])
    }
}

/// A file in a fresh temporary folder, named as a load would name it.
struct TemporaryFile {
    let directory: URL
    let candidate: DocumentLoader.Candidate

    init(bytes: [UInt8], name: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        candidate = DocumentLoader.Candidate(path: url.path, displayName: name, explicit: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
