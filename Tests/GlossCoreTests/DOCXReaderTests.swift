import XCTest

@testable import GlossCore

/// The DOCX reader on a reviewed draft made by pandoc (comments, tracked changes, footnotes) and on
/// small documents written here for what pandoc does not write.
final class DOCXReaderTests: XCTestCase {
    private func read(_ bytes: [UInt8]) throws -> Document {
        try OfficeFixture.read(bytes: bytes, name: "test.docx").document
    }

    private func passages(_ document: Document) -> [String] {
        document.sections.flatMap(\.passages).map(\.text)
    }

    func testReviewDraftKeepsCommentsAsNotesAndReadsChangesAsAccepted() throws {
        let document = try OfficeFixture.read("review-draft.docx").document
        XCTAssertEqual(document.title, "Ferry Terminal Upgrade — Draft Briefing")
        XCTAssertEqual(document.sections.compactMap(\.heading), ["Options Before the Board", "Who Would Pay", "Notes"])
        let text = passages(document).joined(separator: "\n")
        // Insertions kept, deletions dropped.
        XCTAssertTrue(text.contains("whether to replace the north ferry terminal"), text)
        XCTAssertTrue(text.contains("moves the terminal half a kilometre south"), text)
        XCTAssertTrue(text.contains("The remainder would come from a levy on tickets"), text)
        for deleted in ["rebuild the", "four hundred metres", "This sentence was cut"] {
            XCTAssertFalse(text.contains(deleted), deleted)
        }
        // Comments: a span, a point (the whole paragraph), a span in a Key Points table's row.
        XCTAssertEqual(document.comments.map(\.author), ["Tomas Berg", "Priya Natarajan", "Tomas Berg"])
        XCTAssertEqual(
            document.comments.map(\.text),
            [
                "Which survey? The 2024 count gave 3,100.", "Please add the operator’s own estimate here.",
                "Two of five load tests failed.",
            ])
        XCTAssertEqual(
            document.comments.map(\.quote),
            ["The terminal’s ramps date from 1987", nil, "Two of five load tests failed last autumn."])
        XCTAssertEqual(
            document.comments.map(\.element),
            [.passage(section: 0, number: 3), .passage(section: 1, number: 5), .keyPoint(2)])
        // Footnotes: marked where referenced, kept in a Notes section at the end.
        XCTAssertTrue(text.contains("failed two of five load tests last autumn.[1]"), text)
        let notes = try XCTUnwrap(document.sections.last)
        XCTAssertEqual(notes.passages.map(\.kind), [.footnote, .footnote])
        XCTAssertEqual(
            notes.passages.map(\.text),
            [
                "[1] Inspection report of the regional transport board, October 2025.",
                "[2] Estimates exclude land purchase near the rail station.",
            ])
        XCTAssertEqual(document.keyPoints.map(\.label), ["Decision", "Ramps", "Cost"])
        XCTAssertEqual(document.metadataValues(.author), ["Maya Lindqvist"])
        XCTAssertEqual(document.metadataValues(.language), ["en-GB"])
    }

    func testLoadingMakesTheCommentsNotesThatUndoRemoves() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(try OfficeFixture.bytes("review-draft.docx")).write(to: folder.appendingPathComponent("draft.docx"))
        let session = Session(baseDirectory: folder.path)
        let result = session.execute("load draft.docx")
        XCTAssertNil(result.error)
        XCTAssertTrue(result.output.contains("3 comments from the documents kept as notes"), result.output)
        let notes = session.execute("notes").output
        XCTAssertTrue(notes.contains("Tomas Berg: Which survey? The 2024 count gave 3,100."), notes)
        XCTAssertTrue(session.execute("find kind:footnote inspection").output.contains("s3.p1"))
        XCTAssertNil(session.execute("undo").error)
        XCTAssertEqual(session.workspace.annotations.notes.count, 0)
    }

    func testTrackedChangesAcceptedInRunsParagraphMarksAndRows() throws {
        let body = """
            <w:p><w:r><w:t>Kept </w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t>inserted </w:t></w:r></w:ins>\
            <w:del w:id="2" w:author="A"><w:r><w:delText>deleted </w:delText></w:r></w:del>\
            <w:moveFrom w:id="3" w:author="A"><w:r><w:t>moved away </w:t></w:r></w:moveFrom>\
            <w:moveTo w:id="4" w:author="A"><w:r><w:t>moved here </w:t></w:r></w:moveTo><w:r><w:t>end.</w:t></w:r></w:p>
            <w:p><w:pPr><w:rPr><w:del w:id="5" w:author="A"/></w:rPr></w:pPr><w:r><w:t>First half,</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve"> second half.</w:t></w:r></w:p>
            <w:p><w:pPr><w:rPr><w:del w:id="6" w:author="A"/></w:rPr></w:pPr><w:del w:id="7" w:author="A"><w:r><w:delText>A paragraph deleted whole.</w:delText></w:r></w:del></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Kept row</w:t></w:r></w:p></w:tc></w:tr>\
            <w:tr><w:trPr><w:del w:id="8" w:author="A"/></w:trPr><w:tc><w:p><w:r><w:t>Deleted row</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            """
        let document = try read(try OfficePackage.docx(body: body))
        XCTAssertEqual(passages(document), ["Kept inserted moved here end.", "First half, second half.", "Kept row"])
    }

    func testHeadingsFromLocalisedStylesOutlineLevelsAndTitle() throws {
        let styles = """
            <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
            <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Kapitel"><w:name w:val="Kapitel"/><w:basedOn w:val="Ebene"/></w:style>
            <w:style w:type="paragraph" w:styleId="Ebene"><w:name w:val="Ebene"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Verzeichnis1"><w:name w:val="toc 1"/></w:style>
            <w:style w:type="paragraph" w:styleId="Zitat"><w:name w:val="Quote"/></w:style>
            """
        let body = [
            OfficePackage.paragraph("Der Bericht", style: "Titel"),
            OfficePackage.paragraph("Inhalt\t3", style: "Verzeichnis1"),
            OfficePackage.paragraph("Einleitung", style: "berschrift1"),
            OfficePackage.paragraph("Ein Absatz."),
            OfficePackage.paragraph("Genauer", style: "Kapitel"),
            "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>Direkt</w:t></w:r></w:p>",
            OfficePackage.paragraph("Ein Zitat.", style: "Zitat"),
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"4\"/></w:numPr></w:pPr><w:r><w:t>Ein Punkt</w:t></w:r></w:p>",
        ].joined()
        let document = try read(try OfficePackage.docx(body: body, styles: styles))
        XCTAssertEqual(document.title, "Der Bericht")
        XCTAssertEqual(document.sections.map(\.heading), [nil, "Einleitung", "Genauer", "Direkt"])
        XCTAssertEqual(document.sections.map(\.level), [0, 1, 2, 3])
        XCTAssertEqual(document.sections[1].passages.map(\.kind), [.paragraph])
        XCTAssertEqual(document.sections[3].passages.map(\.kind), [.quote, .list])
        XCTAssertFalse(passages(document).contains { $0.contains("Inhalt") }, "a table of contents is left out")
    }

    func testFieldCodesHiddenTextAndAlternateContent() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
            <w:r><w:instrText> HYPERLINK "https://example.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
            <w:r><w:t>the site</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve"> and the link</w:t></w:r></w:hyperlink>\
            <w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden words</w:t></w:r>\
            <w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> shown</w:t></w:r>\
            <mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>choice</w:t></w:r></mc:Choice>\
            <mc:Fallback><w:r><w:t xml:space="preserve"> fallback</w:t></w:r></mc:Fallback></mc:AlternateContent>\
            <w:r><w:drawing><w:p><w:r><w:t>text box</w:t></w:r></w:p></w:drawing></w:r>\
            <w:r><w:tab/><w:t>tab</w:t><w:br/><w:t>new line</w:t></w:r></w:p>
            """
        let document = try read(try OfficePackage.docx(body: body))
        XCTAssertEqual(passages(document), ["See the site and the link shown fallback tab\nnew line"])
    }

    func testCommentsAcrossParagraphsOnPointsAndInTables() throws {
        let comments = """
            <w:comment w:id="1" w:author="Ana"><w:p><w:r><w:t>Spans two paragraphs.</w:t></w:r></w:p></w:comment>
            <w:comment w:id="2" w:author=""><w:p><w:r><w:t>On a point.</w:t></w:r></w:p><w:p><w:r><w:t>Second line.</w:t></w:r></w:p></w:comment>
            <w:comment w:id="3" w:author="Bo"><w:p><w:r><w:t>In a cell.</w:t></w:r></w:p></w:comment>
            """
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t>the start</w:t></w:r></w:p>
            <w:p><w:r><w:t>and on</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>
            <w:p><w:r><w:t>A point</w:t></w:r><w:r><w:commentReference w:id="2"/></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:p><w:r><w:t>Cell three</w:t></w:r></w:p></w:tc><w:tc><w:p><w:commentRangeStart w:id="3"/>\
            <w:r><w:t>four</w:t></w:r><w:commentRangeEnd w:id="3"/></w:p></w:tc></w:tr></w:tbl>
            """
        let document = try read(try OfficePackage.docx(body: body, comments: comments))
        XCTAssertEqual(
            document.comments.map(\.element),
            [.passage(section: 0, number: 1), .passage(section: 0, number: 3), .passage(section: 0, number: 5)])
        XCTAssertEqual(document.comments.map(\.quote), ["the start", nil, "four"])
        XCTAssertEqual(document.comments.map(\.author), ["Ana", nil, "Bo"])
        XCTAssertEqual(document.comments[1].text, "On a point.\nSecond line.")
        XCTAssertEqual(passages(document)[4], "Cell three | four")
    }

    func testFootnotesAndEndnotesInReferenceOrder() throws {
        let footnotes = """
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Second source.</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="3"><w:p><w:r><w:t>First source.</w:t></w:r></w:p><w:p><w:r><w:t>Its page.</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="9"><w:p><w:r><w:t>Never referenced.</w:t></w:r></w:p></w:footnote>
            """
        let endnotes = "<w:endnote w:id=\"2\"><w:p><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote>"
        let body = """
            <w:p><w:r><w:t>One</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r><w:r><w:t xml:space="preserve"> two</w:t></w:r>\
            <w:r><w:footnoteReference w:id="7"/></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p>
            <w:p><w:r><w:t>Again</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r></w:p>
            """
        let document = try read(try OfficePackage.docx(body: body, footnotes: footnotes, endnotes: endnotes))
        XCTAssertEqual(
            passages(document),
            [
                "One[1] two[2][i]", "Again[1]", "[1] First source.\nIts page.", "[2] Second source.", "[i] An endnote.",
            ])
        XCTAssertEqual(document.sections.map(\.heading), [nil, "Notes"])
        XCTAssertEqual(document.sections[1].passages.map(\.kind), [.footnote, .footnote, .footnote])
    }

    func testStrictNamespaceAndCoreProperties() throws {
        let core = """
            <dc:title>From the properties</dc:title><dc:creator>Lee Park</dc:creator>\
            <dcterms:created>2025-11-04T08:00:00Z</dcterms:created><dcterms:modified>2025-11-05T10:00:00Z</dcterms:modified>\
            <dc:language>fr-FR</dc:language>
            """
        let document = try read(
            try OfficePackage.docx(
                body: OfficePackage.paragraph("Un paragraphe."), core: core, namespace: OfficePackage.strictWord))
        XCTAssertEqual(passages(document), ["Un paragraphe."])
        XCTAssertEqual(document.title, "From the properties", "the properties' title when the body has none")
        XCTAssertEqual(document.metadataValues(.author), ["Lee Park"])
        XCTAssertEqual(document.metadataValues(.published), ["2025-11-04T08:00:00Z"])
        XCTAssertEqual(document.metadataValues(.modified), ["2025-11-05T10:00:00Z"])
        XCTAssertEqual(document.metadataValues(.language), ["fr-FR"])
    }

    func testAFileNamedOtherwiseIsSniffedAsDOCX() throws {
        let bytes = try OfficeFixture.bytes("harbor-barrier-vote.docx")
        XCTAssertEqual(ReaderRegistry.standard.reader(forPath: "/in/harbor.bin", bytes: bytes).name, "DOCX")
        XCTAssertEqual(
            ReaderRegistry.standard.reader(
                forPath: "/in/harbor.bin", bytes: try OfficeFixture.bytes("harbor-barrier-vote.odt")
            ).name, "ODT")
    }
}
