import XCTest

@testable import GlossCore

/// The EPUB reader: pandoc's EPUB 3 and EPUB 2 books (scripts/make-fixtures) and small books written
/// here for what pandoc does not write (notes in asides, spine order unlike the manifest's, NCX only,
/// title pages, DRM).
final class EPUBReaderTests: XCTestCase {
    private func read(_ bytes: [UInt8], name: String = "book.epub") throws -> (document: Document, warnings: [String]) {
        try OfficeFixture.read(bytes: bytes, name: name)
    }

    private func outline(_ document: Document) -> [String] {
        document.sections.enumerated().map { index, section in
            "\(section.level) \(section.heading ?? "-"): "
                + section.passages.map { "\($0.kind.rawValue) \($0.text)" }.joined(separator: " / ")
        }
    }

    // MARK: - pandoc's books

    func testAChapteredBookGivesSectionsFromItsTableOfContents() throws {
        // pandoc numbers each chapter's notes from 1; the marks are the book's own.
        for name in ["tide-atlas.epub", "tide-atlas-epub2.epub"] {
            let (document, warnings) = try OfficeFixture.read(name)
            XCTAssertEqual(warnings, [], name)
            XCTAssertEqual(document.format, .epub)
            XCTAssertEqual(document.title, "The Tide Atlas", name)
            XCTAssertEqual(
                outline(document),
                [
                    "0 -: ",
                    "1 Reading the Tides: paragraph Every harbor keeps two clocks: the one on the wall and the one in the water. "
                        + "This atlas is about the second.[1] / paragraph Tide tables are predictions, not promises; wind and "
                        + "pressure move the water by as much as half a metre.",
                    "2 Spring and Neap: paragraph Spring tides come twice a month, near the new and the full moon. / "
                        + "list Spring tides have the largest range. / list Neap tides have the smallest.",
                    "2 Reading a Table: table-row Station | High water | Range / table-row Port Alder | 06:12 | 4.1 m / table-row Eastshore | 06:40 | 3.6 m",
                    "1 The Alder Coast: paragraph The coast runs for ninety kilometres from the river mouth to the northern cliffs.[1]",
                    "2 The Harbor Mouth: paragraph Currents at the harbor mouth reach three knots on the ebb.",
                    "3 The Barrier Site: paragraph The proposed storm-surge barrier would stand where the channel is narrowest.",
                    "1 Safety on the Water: quote Never anchor in the channel at the turn of the tide. / paragraph Check the forecast, then check it again.",
                    "1 Notes: footnote [1] \"Spring\" here has nothing to do with the season: the water springs up. / "
                        + "footnote [1] Measured by the 2019 coastal survey.",
                ], name)
            XCTAssertEqual(document.metadataValues(.author), ["Mara Okafor", "Jonas Lind"], name)
            XCTAssertEqual(document.metadataValue(.published), "2025-09-14", name)
            XCTAssertEqual(document.metadataValue(.language), "en-GB", name)
            XCTAssertEqual(document.metadataValue(.site), "Harbor Press", name)
            XCTAssertEqual(document.metadataValue(.description), "A field guide to the tides of the Alder coast.", name)
        }
    }

    func testTheEPUB2EditionOfASampleGivesItsOutline() throws {
        let expected = ComparableOutline(try OfficeFixture.sample("river-towns-broadband.md"))
        let (document, warnings) = try OfficeFixture.read("river-towns-broadband-epub2.epub")
        XCTAssertEqual(warnings, [])
        ComparableOutline.assertEqual(ComparableOutline(document), expected, "river-towns-broadband-epub2.epub")
    }

    func testTheRegistryPicksTheReaderByExtensionMediaTypeAndFirstBytes() throws {
        let bytes = try OfficeFixture.bytes("tide-atlas.epub")
        XCTAssertEqual(ReaderRegistry.standard.reader(forExtension: "EPUB")?.name, "EPUB")
        XCTAssertEqual(ReaderRegistry.standard.reader(forMediaType: "application/epub+zip")?.name, "EPUB")
        XCTAssertEqual(ReaderRegistry.standard.reader(forPath: "book.bin", bytes: bytes).name, "EPUB")
        // An OpenDocument text is a ZIP with a `mimetype` entry too, but not this one.
        XCTAssertEqual(
            ReaderRegistry.standard.reader(forPath: "draft.bin", bytes: try OfficeFixture.bytes("review-draft.odt"))
                .name, "ODT")
    }

    // MARK: - Books written here

    func testSpineOrderNavigationTitlesAndNestedLevels() throws {
        let book = try OfficePackage.epub(
            chapters: [
                (
                    "one.xhtml",
                    "<section id=\"c1\"><h2>First</h2><p>Alpha text.</p><section id=\"c1a\"><h3>Inner</h3><p>Inner text.</p></section>"
                        + "<h4>Unlisted</h4><p>Unlisted text.</p></section>"
                ),
                ("two.xhtml", "<h1>Second</h1><p>Beta text.</p>"),
            ],
            nav: "<li><a href=\"two.xhtml\">Chapter Two</a></li><li><a href=\"one.xhtml#c1\">Chapter One</a>"
                + "<ol><li><a href=\"one.xhtml#c1a\">Part A</a></li></ol></li>",
            spine: ["two.xhtml", "one.xhtml"])
        let document = try read(book).document
        XCTAssertEqual(document.title, "A Small Book")
        // Spine order, not the manifest's; the table of contents' titles and levels; a heading it does
        // not list keeps its place relative to the chapter's own heading (h4 under an h2 at level 1).
        XCTAssertEqual(
            outline(document),
            [
                "0 -: ",
                "1 Chapter Two: paragraph Beta text.",
                "1 Chapter One: paragraph Alpha text.",
                "2 Part A: paragraph Inner text.",
                "3 Unlisted: paragraph Unlisted text.",
            ])
    }

    func testAsideNotesScriptsTitlePagesAndAltTextAreNotBodyText() throws {
        let book = try OfficePackage.epub(
            chapters: [
                ("title.xhtml", "<section epub:type=\"titlepage\"><h1>A Small Book</h1><p>By Ann Writer</p></section>"),
                (
                    "body.xhtml",
                    "<h1>Only Chapter</h1><p>A claim<a epub:type=\"noteref\" href=\"#n1\"><sup>*</sup></a> and "
                        + "another<a role=\"doc-noteref\" href=\"notes.xhtml#e1\">2</a>.</p>"
                        + "<figure><img src=\"map.png\" alt=\"ALT TEXT OF THE MAP\"/><figcaption>The map.</figcaption></figure>"
                        + "<aside epub:type=\"footnote\" id=\"n1\"><p>The aside's note.</p></aside>"
                        + "<nav epub:type=\"landmarks\"><ol><li><a href=\"body.xhtml\">Start</a></li></ol></nav>"
                ),
                (
                    "notes.xhtml",
                    "<section epub:type=\"endnotes\"><h2>Endnotes</h2><ol><li id=\"e1\"><p>The endnote."
                        + "<a role=\"doc-backlink\" href=\"body.xhtml\">back</a></p></li></ol></section>"
                ),
            ],
            metadata: "<dc:title>A Small Book</dc:title><dc:creator>Ann Writer</dc:creator>")
        let document = try read(book).document
        XCTAssertEqual(
            outline(document),
            [
                "0 -: ",
                "1 Only Chapter: paragraph A claim[*] and another[2]. / caption The map.",
                "1 Notes: footnote [*] The aside's note. / footnote [2] The endnote.",
            ])
        let all = document.sections.flatMap(\.passages).map(\.text).joined(separator: " ")
        for hidden in ["ALT TEXT", "script text", "color", "Start", "back", "By Ann Writer"] {
            XCTAssertFalse(all.contains(hidden), hidden)
        }
    }

    func testAnNCXOnlyBookWithADocumentTypeAndATitlePageOfItsMetadata() throws {
        let book = try OfficePackage.epub(
            chapters: [
                ("cover.xhtml", "<h1>Tides</h1><p>M. Okafor</p>"),
                ("a.xhtml", "<div id=\"x\"><h1>Ebb</h1><p>Falling water.</p></div>"),
            ],
            ncx: "<navPoint id=\"p1\"><navLabel><text>Ebb and Flow</text></navLabel><content src=\"a.xhtml#x\"/>"
                + "<navPoint id=\"p2\"><navLabel><text>Missing Anchor</text></navLabel><content src=\"a.xhtml#nowhere\"/></navPoint></navPoint>",
            metadata: "<dc:title>Tides</dc:title><dc:creator opf:role=\"aut\">M. Okafor</dc:creator>"
                + "<dc:date opf:event=\"modification\">2024-02-03</dc:date><dc:date>2020-01-02</dc:date>")
        let document = try read(book).document
        // The first chapter repeats the metadata only (an EPUB 2 title page) and is left out; an entry
        // whose anchor is not found goes to its chapter's start.
        XCTAssertEqual(
            outline(document),
            [
                "0 -: ",
                "1 Ebb and Flow: ",
                "2 Missing Anchor: paragraph Falling water.",
            ])
        XCTAssertEqual(document.metadataValue(.modified), "2024-02-03")
        XCTAssertEqual(document.metadataValue(.published), "2020-01-02")
    }

    func testABookWithoutATableOfContentsKeepsItsHeadings() throws {
        let book = try OfficePackage.epub(chapters: [
            ("a.xhtml", "<h1>One</h1><p>First.</p><h2>Two</h2><ul><li>Item.</li></ul>")
        ])
        XCTAssertEqual(outline(try read(book).document), ["0 -: ", "1 One: paragraph First.", "2 Two: list Item."])
    }
}
