import XCTest

@testable import GlossCore

/// `tag @` on real corpora: an empty target explained, and a big one confirmed at a terminal.
final class TagViewTests: XCTestCase {
    private func session(paragraphs: Int) -> Session {
        let text =
            "A Long Report\n\n" + (1...paragraphs).map { "Paragraph \($0) about the budget." }.joined(separator: "\n\n")
            + "\n"
        return TestSession.make([("report.txt", text)])
    }

    func testTagAllExplainsAViewOfHeadingsAndTitlesOnly() throws {
        let session = session(paragraphs: 3)
        try TestSession.run("filter kind:title", in: session)
        let error = TestSession.failure("tag @ theme", in: session)
        XCTAssertEqual(
            error?.message,
            "@ leaves out headings and titles, and the view holds only those (1 unit): name a title (DOC:title), a section (s2) or a whole document (DOC:) by its address, or tag find's rows (#1-3)"
        )
        XCTAssertEqual(error?.column, 5)
        try TestSession.run("filter kind:paragraph", in: session)
        XCTAssertEqual(TestSession.failure("tag @ theme", in: session)?.message, "the view is empty: nothing to act on")
    }

    func testTagAllOfMoreThanFiveHundredElementsAsksAtATerminal() throws {
        let session = session(paragraphs: CodingCommands.confirmedViewSize + 1)
        session.frontEnd.isInteractive = true
        var asked: [String] = []
        session.frontEnd.confirm = { question in
            asked.append(question)
            return false
        }
        XCTAssertEqual(TestSession.failure("tag @ budget", in: session)?.message, "nothing tagged")
        XCTAssertTrue(session.workspace.annotations.elementTags.isEmpty)
        XCTAssertEqual(asked, ["Tag all 501 elements in the view with [budget]?"])
        session.frontEnd.confirm = { question in
            asked.append(question)
            return true
        }
        try TestSession.run("tag @ budget", in: session)
        XCTAssertEqual(session.workspace.annotations.elementTags.count, 501)
        // untag @ asks in its own words, and a no keeps every tag.
        session.frontEnd.confirm = { question in
            asked.append(question)
            return false
        }
        XCTAssertEqual(TestSession.failure("untag @ budget", in: session)?.message, "nothing untagged")
        XCTAssertEqual(asked.last, "Remove [budget] from all 501 elements in the view?")
        XCTAssertEqual(session.workspace.annotations.elementTags.count, 501)
        session.frontEnd.confirm = { question in
            asked.append(question)
            return true
        }
        // Not at a terminal (a script, a pipe): no question.
        session.frontEnd.isInteractive = false
        let questions = asked.count
        try TestSession.run("tag @ other", in: session)
        XCTAssertEqual(asked.count, questions)
        // Up to 500 elements: no question either.
        let small = self.session(paragraphs: CodingCommands.confirmedViewSize)
        small.frontEnd.isInteractive = true
        small.frontEnd.confirm = { _ in
            XCTFail("asked")
            return false
        }
        try TestSession.run("tag @ budget", in: small)
    }
}
