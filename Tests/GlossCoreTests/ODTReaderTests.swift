import XCTest

@testable import GlossCore

/// The ODT reader on the reviewed draft as LibreOffice writes it (annotations, tracked changes, notes)
/// and on small documents written here.
final class ODTReaderTests: XCTestCase {
    private func read(_ bytes: [UInt8]) throws -> Document {
        try OfficeFixture.read(bytes: bytes, name: "test.odt").document
    }

    private func passages(_ document: Document) -> [String] {
        document.sections.flatMap(\.passages).map(\.text)
    }

    /// LibreOffice's ODT of the reviewed draft reads as Word's DOCX of it does: same outline, same
    /// comments on the same spans.
    func testReviewDraftAsLibreOfficeWritesItMatchesTheDOCX() throws {
        let odt = try OfficeFixture.read("review-draft.odt").document
        let docx = try OfficeFixture.read("review-draft.docx").document
        ComparableOutline.assertEqual(ComparableOutline(odt), ComparableOutline(docx), "review-draft.odt")
        XCTAssertEqual(odt.comments, docx.comments)
        let text = passages(odt).joined(separator: "\n")
        XCTAssertFalse(text.contains("This sentence was cut"), "tracked deletions are left out")
        XCTAssertTrue(text.contains("half a kilometre"), "tracked insertions are kept")
        XCTAssertEqual(odt.metadataValues(.author), ["Maya Lindqvist"])
        XCTAssertEqual(odt.metadataValues(.language), ["en-GB"])
    }

    func testHeadingsListsTablesNotesAndAnnotations() throws {
        let styles = """
            <style:style style:name="Title" style:display-name="Title" style:family="paragraph"/>
            <style:style style:name="Quotations" style:family="paragraph"/>
            <style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph"/>
            """
        let automatic = """
            <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Quotations"/>
            <style:style style:name="P2" style:family="paragraph" style:parent-style-name="Title"/>
            """
        let body = """
            <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>Deleted words.</text:p></text:deletion></text:changed-region></text:tracked-changes>
            <text:table-of-content><text:index-body><text:p text:style-name="Contents_20_1">Intro 1</text:p></text:index-body></text:table-of-content>
            <text:p text:style-name="P2">The Report</text:p>
            <text:h text:outline-level="2">First   part</text:h>
            <text:p>Two<text:s text:c="3"/>spaces,<text:tab/>a tab<text:line-break/>and a break<text:change text:change-id="c1"/>.\
            <text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>A note.</text:p></text:note-body></text:note></text:p>
            <text:p text:style-name="P1">A quote <office:annotation office:name="a1"><dc:creator>Ana</dc:creator><dc:date>2026-01-01</dc:date>\
            <text:p>Which report?</text:p></office:annotation>from the report<office:annotation-end office:name="a1"/>.</text:p>
            <text:list><text:list-item><text:p>Item one<office:annotation><dc:creator>Bo</dc:creator><text:p>A point.</text:p></office:annotation></text:p>\
            <text:list><text:list-item><text:p>Nested item</text:p></text:list-item></text:list></text:list-item></text:list>
            <text:section><table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Key Points</text:p></table:table-cell>\
            <table:table-cell><text:p>Details</text:p></table:table-cell></table:table-row></table:table-header-rows>\
            <table:table-row><table:table-cell><text:p>Cost</text:p></table:table-cell><table:table-cell><text:p>High</text:p>\
            <text:p>and rising</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table></text:section>
            <text:p><draw:frame><draw:text-box><text:p>A caption in a frame</text:p></draw:text-box></draw:frame>After the frame.</text:p>
            """
        let meta =
            "<meta:initial-creator>Ana Writer</meta:initial-creator><dc:creator>Bo Editor</dc:creator><dc:date>2026-02-01T10:00:00</dc:date>"
        let document = try read(
            try OfficePackage.odt(body: body, automaticStyles: automatic, styles: styles, meta: meta))
        XCTAssertEqual(document.title, "The Report")
        XCTAssertEqual(document.sections.map(\.heading), [nil, "First part", "Notes"])
        XCTAssertEqual(document.sections[1].level, 2)
        XCTAssertEqual(
            passages(document),
            [
                "Two spaces, a tab\nand a break.[1]", "A quote from the report.", "Item one", "Nested item",
                "After the frame.", "[1] A note.",
            ])
        XCTAssertEqual(document.sections[1].passages.map(\.kind), [.paragraph, .quote, .list, .list, .paragraph])
        XCTAssertEqual(document.keyPoints.map { "\($0.label) = \($0.detail)" }, ["Cost = High and rising"])
        XCTAssertEqual(document.comments.map(\.quote), ["from the report", nil])
        XCTAssertEqual(document.comments.map(\.noteText), ["Ana: Which report?", "Bo: A point."])
        XCTAssertEqual(
            document.comments.map(\.element), [.passage(section: 1, number: 2), .passage(section: 1, number: 3)])
        XCTAssertEqual(document.metadataValues(.author), ["Ana Writer"])
        XCTAssertEqual(document.metadataValues(.modified), ["2026-02-01T10:00:00"])
    }
}
