import Foundation
import XCTest

@testable import GlossCore

/// A matrix of hostile and strange inputs, each with its expected outcome: a clear one-line error
/// naming the file, or a sensible parse — never a crash or a hang, and never raw control sequences
/// on the terminal.
final class HostileInputTests: XCTestCase {
    enum Expected {
        case error(String)
        /// Loads; the closure checks the document.
        case parsed((Document) -> Void)
    }

    struct Case {
        var name: String
        var file: String
        var bytes: () -> [UInt8]
        var expected: Expected
    }

    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    static let paragraph = "The council met on Tuesday to discuss the harbor barrier and its cost."

    static var cases: [Case] {
        [
            Case(
                name: "empty file", file: "empty.txt", bytes: { [] },
                expected: .parsed { XCTAssertEqual($0.passageCount, 0) }),
            Case(
                name: "whitespace only", file: "blank.txt", bytes: { utf8(" \n\t\n   \n\n") },
                expected: .parsed { XCTAssertEqual($0.passageCount, 0) }),
            Case(
                name: "binary with NUL bytes", file: "binary.txt",
                bytes: { [0x47, 0x49, 0x46, 0x38, 0x00, 0x01, 0xFF] },
                expected: .error("binary file (NUL byte at offset 4)")),
            Case(
                name: "UTF-8 BOM", file: "bom8.txt", bytes: { [0xEF, 0xBB, 0xBF] + utf8(paragraph) },
                expected: .parsed { XCTAssertEqual($0.sections[0].passages.first?.text, paragraph) }),
            Case(
                name: "UTF-16 LE BOM", file: "bom16le.txt",
                bytes: { [0xFF, 0xFE] + Array(paragraph.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) },
                expected: .parsed { XCTAssertEqual($0.sections[0].passages.first?.text, paragraph) }),
            Case(
                name: "UTF-16 BE BOM", file: "bom16be.txt",
                bytes: { [0xFE, 0xFF] + Array(paragraph.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) },
                expected: .parsed { XCTAssertEqual($0.sections[0].passages.first?.text, paragraph) }),
            Case(
                name: "UTF-32 LE BOM", file: "bom32le.txt",
                bytes: {
                    [0xFF, 0xFE, 0, 0]
                        + paragraph.unicodeScalars.flatMap { scalar in
                            (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) }
                        }
                }, expected: .parsed { XCTAssertEqual($0.sections[0].passages.first?.text, paragraph) }),
            Case(
                name: "UTF-32 BE BOM", file: "bom32be.txt",
                bytes: {
                    [0, 0, 0xFE, 0xFF]
                        + paragraph.unicodeScalars.flatMap { scalar in
                            (0..<4).reversed().map { UInt8((scalar.value >> (8 * $0)) & 0xFF) }
                        }
                }, expected: .parsed { XCTAssertEqual($0.sections[0].passages.first?.text, paragraph) }),
            Case(
                name: "UTF-16 BOM with odd length", file: "bom16odd.txt", bytes: { [0xFF, 0xFE, 0x41] },
                expected: .parsed { XCTAssertLessThanOrEqual($0.passageCount, 1) }),
            Case(
                name: "invalid UTF-8 at the start", file: "bad-start.txt", bytes: { [0xC3] + utf8(" " + paragraph) },
                expected: .parsed { XCTAssertTrue($0.sections[0].passages[0].text.hasPrefix("Ã ")) }),
            Case(
                name: "invalid UTF-8 in the middle", file: "bad-middle.txt",
                bytes: { utf8("Caf") + [0xE9] + utf8(" au lait is served here.") },
                expected: .parsed { XCTAssertEqual($0.sections[0].passages[0].text, "Café au lait is served here.") }),
            Case(
                name: "invalid UTF-8 at the end", file: "bad-end.txt", bytes: { utf8(paragraph) + [0xF0, 0x9F] },
                expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
            Case(
                name: "overlong UTF-8", file: "overlong.txt", bytes: { utf8("A ") + [0xC0, 0xAF] + utf8(" B.") },
                expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
            Case(
                name: "CR-only line endings", file: "cr.txt",
                bytes: { utf8("Title Here\r\rFirst paragraph of text.\r\rSecond paragraph of text.\r") },
                expected: .parsed {
                    XCTAssertEqual($0.title, "Title Here")
                    XCTAssertEqual($0.passageCount, 2)
                }),
            Case(
                name: "mixed line endings", file: "mixed.txt",
                bytes: { utf8("First paragraph of text.\r\nSecond paragraph of text.\rThird paragraph of text.\n") },
                expected: .parsed { XCTAssertEqual($0.passageCount, 3) }),
            Case(
                name: "a 50 MB single line", file: "huge-line.txt",
                bytes: { Array(repeating: UInt8(ascii: "a"), count: 50_000_000) + utf8(" end.") },
                expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
            Case(
                name: "200,000 one-word lines", file: "words.txt",
                bytes: { utf8((0..<200_000).map { "word\($0)." }.joined(separator: "\n")) },
                expected: .parsed { XCTAssertEqual($0.passageCount, 200_000) }),
            Case(
                name: "a 10,000-row table", file: "table.txt",
                bytes: {
                    utf8(
                        "| Name | Value |\n|---|---|\n"
                            + (0..<10_000).map { "| row \($0) | \($0 * 7) |" }.joined(separator: "\n"))
                }, expected: .parsed { XCTAssertEqual($0.passageCount, 10_001) }),
            Case(
                name: "ragged table", file: "ragged.txt",
                bytes: { utf8("| a | b | c |\n|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 | 5 |\n") },
                expected: .parsed { XCTAssertEqual($0.passageCount, 3) }),
            Case(
                name: "unterminated table rows", file: "open-table.txt",
                bytes: { utf8("| Key Points | Details\n|---\n| Cost | $1 billion\n| Vote") },
                expected: .parsed { XCTAssertEqual($0.keyPoints.count, 2) }),
            Case(
                name: "deeply nested Markdown lists", file: "lists.md",
                bytes: {
                    utf8((0..<300).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n"))
                }, expected: .parsed { XCTAssertGreaterThan($0.passageCount, 0) }),
            Case(
                name: "deeply nested Markdown quotes", file: "quotes.md",
                bytes: { utf8(String(repeating: ">", count: 5_000) + " deep") },
                expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
            Case(
                name: "100,000 nested list markers", file: "list-markers.md",
                bytes: { utf8(String(repeating: "- ", count: 100_000) + "deep") },
                expected: .parsed { document in
                    XCTAssertEqual(document.passageCount, 1)
                    let text = document.sections[0].passages.first?.text ?? ""
                    XCTAssertTrue(text.hasSuffix("- deep"), "the text past the limit is kept")
                    XCTAssertEqual(text.filter { $0 == "-" }.count, 100_000 - MarkdownNesting.maximumDepth)
                }),
            Case(
                name: "100,000 nested quote markers", file: "quote-markers.md",
                bytes: { utf8(String(repeating: ">", count: 100_000) + " deep") },
                expected: .parsed { document in
                    XCTAssertEqual(document.passageCount, 1)
                    XCTAssertEqual(
                        document.sections[0].passages.first?.text,
                        String(repeating: ">", count: 100_000 - MarkdownNesting.maximumDepth) + " deep")
                }),
            // cmark walks every open container for each inline node: 100,000 levels of lines took it longer than ten minutes.
            Case(
                name: "100,000 nested quotes continued by 100,000 lines", file: "lazy-quotes.md",
                bytes: {
                    utf8(String(repeating: ">", count: 100_000) + " deep\n" + String(repeating: "a\n", count: 100_000))
                },
                expected: .parsed { document in
                    XCTAssertEqual(document.passageCount, 1)
                    XCTAssertEqual(document.sections[0].passages.first?.text.split(separator: " ").count, 100_002)
                }),
            Case(
                name: "100,000 nested list items continued by 100,000 lines", file: "lazy-items.md",
                bytes: {
                    utf8(String(repeating: "1. ", count: 100_000) + "deep\n" + String(repeating: "a\n", count: 100_000))
                },
                expected: .parsed { document in
                    XCTAssertEqual(document.passageCount, 1)
                    XCTAssertTrue(document.sections[0].passages.first?.text.hasSuffix(" a a") == true)
                }),
            Case(
                name: "100,000 nested emphases", file: "emphasis.md",
                bytes: {
                    utf8(String(repeating: "*a ", count: 100_000) + "x" + String(repeating: " a*", count: 100_000))
                },
                expected: .parsed { document in
                    XCTAssertEqual(document.passageCount, 1)
                    XCTAssertEqual(document.sections[0].passages.first?.text.utf8.count, 100_000 * 4 + 1)
                }),
            Case(
                name: "unclosed code fence", file: "fence.md", bytes: { utf8("# T\n\n```\ncode never closed\n") },
                expected: .parsed { XCTAssertEqual($0.sections[0].passages.first?.kind, .code) }),
            Case(
                name: "front matter never closed", file: "front.md",
                bytes: { utf8("---\ntitle: x\nno end\n\nText here.\n") },
                expected: .parsed { XCTAssertGreaterThan($0.passageCount, 0) }),
            Case(
                name: "right-to-left and mixed text", file: "rtl.txt",
                bytes: { utf8("قال المجلس إن الحاجز سيكلف 1.2 مليار دولار.\nThe council said שלום is hello.") },
                expected: .parsed { XCTAssertEqual($0.passageCount, 2) }),
            Case(
                name: "bidirectional override characters", file: "bidi.txt",
                bytes: { utf8("Invoice total \u{202E}0001$ \u{202C}due today.") },
                expected: .parsed { XCTAssertTrue($0.sections[0].passages[0].text.contains("\u{202E}")) }),
            Case(
                name: "combining marks and emoji sequences", file: "emoji.txt",
                bytes: { utf8("Cafe\u{0301} 👩🏽‍🚀 flags 🇫🇷 and Z̷̢̛a̸l̴g̵o text.") },
                expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
            Case(
                name: "ANSI escape sequences", file: "ansi.txt",
                bytes: { utf8("Red \u{1B}[31malert\u{1B}[0m and a bell \u{07} and \u{1B}]0;title\u{07} here.") },
                expected: .parsed { XCTAssertTrue($0.sections[0].passages[0].text.contains("\u{1B}")) }),
            Case(
                name: "other control characters", file: "controls.txt",
                bytes: { utf8("Tab\tform\u{0C}feed back\u{08}space del\u{7F} C1\u{85}\u{9B}31m end.") },
                expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
            Case(
                name: "only a heading-like line", file: "heading.txt", bytes: { utf8("Just A Title") },
                expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
            Case(
                name: "path with spaces and non-ASCII", file: "Année 2026 – brouillon ünï.txt",
                bytes: { utf8(paragraph) }, expected: .parsed { XCTAssertEqual($0.id, "année-2026-brouillon-ünï") }),
            Case(
                name: "Windows-1252 text", file: "cp1252.txt",
                bytes: { utf8("He said ") + [0x93] + utf8("no") + [0x94] + utf8(" loudly.") },
                expected: .parsed { XCTAssertEqual($0.sections[0].passages[0].text, "He said “no” loudly.") }),
        ] + htmlCases + officeCases
    }

    /// Pages: deep nesting, huge text and attributes, unclosed tags, NUL bytes, escapes in text and entities.
    static var htmlCases: [Case] {
        [
            Case(
                name: "HTML nested 100,000 deep", file: "deep.html",
                bytes: {
                    utf8(
                        "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>\(paragraph)</p>"
                            + String(repeating: "</div>", count: 100_000))
                },
                expected: .parsed { XCTAssertEqual($0.sections[0].passages.map(\.text), [paragraph]) }),
            Case(
                name: "HTML with 100,000 unclosed inline tags", file: "unclosed-inline.html",
                bytes: { utf8("<p>" + String(repeating: "<b><i>", count: 50_000) + paragraph) },
                expected: .parsed { XCTAssertEqual($0.sections[0].passages.map(\.text), [paragraph]) }),
            Case(
                name: "HTML with unclosed block tags", file: "unclosed.html",
                bytes: {
                    utf8(
                        "<html><body><div><p>\(paragraph)<p>Second paragraph, never closed either.<ul><li>An item of a list"
                    )
                },
                expected: .parsed {
                    XCTAssertEqual(
                        $0.sections[0].passages.map(\.text),
                        [paragraph, "Second paragraph, never closed either.", "An item of a list"])
                }),
            Case(
                name: "HTML with a 50 MB text node", file: "huge-text.html",
                bytes: {
                    utf8("<html><body><p>") + Array(repeating: UInt8(ascii: "a"), count: 50_000_000)
                        + utf8(" end.</p></body></html>")
                },
                expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
            Case(
                name: "HTML with huge attributes", file: "attributes.html",
                bytes: {
                    utf8(
                        "<html><body><div class=\"" + String(repeating: "related-", count: 2_000_000) + "x\" title=\""
                            + String(repeating: "t", count: 20_000_000) + "\"><p>\(paragraph)</p></div>"
                            + String(repeating: "<p>\(paragraph) Again.</p>", count: 3) + "</body></html>")
                },
                expected: .parsed { XCTAssertEqual($0.sections[0].passages.map(\.text), [paragraph + " Again."]) }),
            Case(
                name: "HTML with NUL bytes", file: "nul.html",
                bytes: {
                    utf8("<html><body><p>Before") + [0] + utf8(" after.</p>") + [0, 0]
                        + utf8("<p>\(paragraph)</p></body></html>")
                },
                expected: .parsed {
                    XCTAssertEqual($0.sections[0].passages.map(\.text), ["Before\u{FFFD} after.", paragraph])
                }),
            Case(
                name: "HTML with escapes in text and entities", file: "escapes.html",
                bytes: {
                    utf8(
                        "<html><head><title>Red \u{1B}[31malert</title></head><body><p>Bell &#7; and &#x1B;[2J clear \u{1B}]0;t\u{07} and &#x202E;reversed, in a paragraph long enough.</p></body></html>"
                    )
                },
                expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
            Case(
                name: "HTML of 10,000 nested tables", file: "tables.html",
                bytes: {
                    utf8(
                        String(repeating: "<table><tr><td>", count: 10_000) + paragraph
                            + String(repeating: "</td></tr></table>", count: 10_000))
                },
                expected: .parsed { XCTAssertEqual($0.sections[0].passages.map(\.text), [paragraph]) }),
            Case(
                name: "HTML without text", file: "scripts.html",
                bytes: {
                    utf8(
                        "<html><head><script>var a = '<p>not text</p>';</script><style>p{}</style></head><body><script>alert(1)</script></body></html>"
                    )
                },
                expected: .parsed { XCTAssertEqual($0.passageCount, 0) }),
            Case(
                name: "HTML declaring an unknown charset", file: "charset.html",
                bytes: {
                    utf8(
                        "<html><head><meta charset=\"x-no-such-charset\"></head><body><p>\(paragraph)</p></body></html>"
                    )
                },
                expected: .parsed { XCTAssertEqual($0.sections[0].passages.map(\.text), [paragraph]) }),
        ]
    }

    /// Office documents and PDFs (see OfficeSafetyTests for each defence on its own).
    static var officeCases: [Case] {
        [
            Case(
                name: "ZIP bomb (a DOCX inflating to 300 MB)", file: "bomb.docx",
                bytes: { try! OfficeSafetyTests.inflating(to: 300 << 20) },
                expected: .error("word/document.xml inflates to more than 256 MB; refused (a ZIP bomb?)")),
            Case(
                name: "ODT with 10,001 entries", file: "entries.odt",
                bytes: { try! OfficePackage.zip((0...10_000).map { ("p/\($0).xml", "") }) },
                expected: .error("holds more than 10000 entries; refused")),
            Case(
                name: "zip-slip entry names", file: "slip.docx",
                bytes: {
                    try! OfficePackage.zip(
                        try! OfficePackage.docxParts(body: OfficePackage.paragraph(paragraph)) + [
                            ("../../../tmp/gloss-slip.xml", "<x/>"), ("/etc/gloss-slip.xml", "<x/>"),
                        ])
                },
                expected: .parsed {
                    XCTAssertEqual($0.sections[0].passages.map(\.text), [paragraph])
                    XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/gloss-slip.xml"))
                }),
            Case(
                name: "external entity (XXE)", file: "xxe.docx",
                bytes: {
                    try! OfficePackage.zip(
                        try! OfficePackage.docxParts(body: "").map {
                            $0.0 == "word/document.xml"
                                ? (
                                    $0.0,
                                    "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"\(OfficePackage.word)\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
                                ) : $0
                        })
                }, expected: .error("word/document.xml declares a DTD or entities")),
            Case(
                name: "entity expansion (billion laughs) in an ODT", file: "laughs.odt",
                bytes: {
                    try! OfficePackage.zip([
                        ("mimetype", "application/vnd.oasis.opendocument.text"),
                        (
                            "content.xml",
                            "<!DOCTYPE d [<!ENTITY a \"haha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><d>&c;</d>"
                        ),
                    ])
                }, expected: .error("content.xml:1: Detected an entity reference loop")),
            Case(
                name: "XML nested 100,000 deep", file: "deep.docx",
                bytes: {
                    try! OfficePackage.docx(
                        body: String(repeating: "<w:sdt><w:sdtContent>", count: 100_000)
                            + String(repeating: "</w:sdtContent></w:sdt>", count: 100_000))
                }, expected: .error("word/document.xml:1: Excessive depth in document")),
            Case(
                name: "truncated DOCX", file: "cut.docx",
                bytes: { Array(((try? OfficeFixture.bytes("review-draft.docx")) ?? []).prefix(4_000)) },
                expected: .error("not a readable ZIP archive")),
            Case(
                name: "ZIP bomb (an EPUB chapter inflating to 300 MB)", file: "bomb.epub",
                bytes: { try! OfficeSafetyTests.epubInflating(to: 300 << 20) },
                expected: .error("OEBPS/bomb.xhtml inflates to more than 256 MB; refused (a ZIP bomb?)")),
            Case(
                name: "EPUB without its package document", file: "noopf.epub",
                bytes: {
                    try! OfficePackage.zip(
                        OfficePackage.epubParts(chapters: [("a.xhtml", "<p>x</p>")]).filter {
                            $0.0 != "OEBPS/content.opf"
                        })
                },
                expected: .error(
                    "the package document OEBPS/content.opf named by META-INF/container.xml is missing from the archive"
                )),
            Case(
                name: "EPUB spine item missing", file: "gap.epub",
                bytes: {
                    try! OfficePackage.zip(
                        OfficePackage.epubParts(chapters: [("a.xhtml", "<p>x</p>")]).filter { $0.0 != "OEBPS/a.xhtml" })
                }, expected: .error("the spine's item a.xhtml (OEBPS/a.xhtml) is missing from the archive")),
            Case(
                name: "EPUB href leaving the package", file: "slip.epub",
                bytes: {
                    try! OfficePackage.zip(
                        OfficePackage.epubParts(chapters: [("a.xhtml", "<p>x</p>")]).map {
                            $0.0 == "OEBPS/content.opf"
                                ? (
                                    $0.0,
                                    $0.1.replacingOccurrences(of: "href=\"a.xhtml\"", with: "href=\"../../etc/passwd\"")
                                ) : $0
                        })
                }, expected: .error("the spine's item a.xhtml points outside the package (../../etc/passwd)")),
            Case(
                name: "EPUB with DRM", file: "drm.epub",
                bytes: {
                    try! OfficePackage.zip(
                        OfficePackage.epubParts(chapters: [("a.xhtml", "<p>x</p>")]) + [
                            (
                                "META-INF/encryption.xml",
                                "<encryption xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><EncryptedData xmlns=\"http://www.w3.org/2001/04/xmlenc#\"><CipherData><CipherReference URI=\"OEBPS/a.xhtml\"/></CipherData></EncryptedData></encryption>"
                            )
                        ])
                }, expected: .error("the book is encrypted (DRM); gloss cannot read it")),
            Case(
                name: "EPUB chapter nested 100,000 deep", file: "deep.epub",
                bytes: {
                    try! OfficePackage.epub(chapters: [
                        ("a.xhtml", String(repeating: "<section>", count: 100_000) + "<p>\(paragraph)</p>")
                    ])
                }, expected: .parsed { XCTAssertEqual($0.sections[0].passages.map(\.text), [paragraph]) }),
            Case(
                name: "EPUB chapter of 2 MB in one paragraph", file: "huge.epub",
                bytes: {
                    try! OfficePackage.epub(chapters: [
                        ("a.xhtml", "<p>" + String(repeating: "word ", count: 400_000) + "</p>")
                    ])
                }, expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
            Case(
                name: "plain text named .docx", file: "text.docx", bytes: { utf8(paragraph) },
                expected: .error("not a readable ZIP archive")),
            Case(
                name: "garbage named .pdf", file: "garbage.pdf", bytes: { utf8("%PDF-1.7\n" + paragraph) },
                expected: .error("the PDF is damaged or not a PDF")),
            Case(
                name: "truncated PDF", file: "cut.pdf",
                bytes: { Array(((try? OfficeFixture.bytes("coastal-report.pdf")) ?? []).prefix(3_000)) },
                expected: .error("the PDF is damaged or not a PDF")),
            Case(
                name: "PDF without a text layer", file: "scan.pdf", bytes: { PDFReaderTests.pageWithoutText },
                expected: .error("the PDF has no text layer (a scan?); run OCR on it first")),
            Case(
                name: "encrypted PDF", file: "locked.pdf", bytes: { (try? OfficeFixture.bytes("encrypted.pdf")) ?? [] },
                expected: .error("the PDF is encrypted (it needs a password)")),
            Case(
                name: "PDF with arrays nested 100,000 deep", file: "nested.pdf", bytes: { PDFReaderTests.deeplyNested },
                expected: .parsed { XCTAssertEqual($0.sections[0].passages.map(\.text), ["Deep but readable."]) }),
        ]
    }

    /// Files whose size says nothing of their length (/proc reports 0) are read to their end.
    func testFilesThatReportNoSizeAreReadWhole() throws {
        let path = "/proc/version"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("no \(path) here") }
        let expected = try XCTUnwrap(FileManager.default.contents(atPath: path))
        XCTAssertGreaterThan(expected.count, 1)
        XCTAssertEqual(try DocumentLoader.readBytes(path, name: "version"), [UInt8](expected))
    }

    /// A DOCX or an EPUB over the 1 MiB above which text files are sniffed for NUL bytes is read by its
    /// reader, named or found in a folder, not refused as a binary file.
    func testBigOfficeFilesAreNotRefusedAsBinary() throws {
        var random = SystemRandomNumberGenerator()
        let picture = Data((0..<(1_200_000)).map { _ in UInt8.random(in: 0...255, using: &random) })
        func package(_ parts: [(String, String)]) throws -> Data {
            var writer = ZipWriter(date: Date(timeIntervalSince1970: 1_767_225_600))
            for (path, text) in parts { try writer.add(path: path, contents: Data(text.utf8)) }
            try writer.add(path: "media/picture.jpg", contents: picture)
            return Data(writer.finish())
        }
        let corpus = directory.appendingPathComponent("big-office")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try package(try OfficePackage.docxParts(body: OfficePackage.paragraph("A big report on the harbor.")))
            .write(to: corpus.appendingPathComponent("report.docx"))
        try package(OfficePackage.epubParts(chapters: [("one.xhtml", "<h1>One</h1><p>A big book about tides.</p>")]))
            .write(to: corpus.appendingPathComponent("book.epub"))
        let named = Session(baseDirectory: corpus.path)
        XCTAssertNil(named.execute("load report.docx book.epub").error)
        XCTAssertEqual(named.workspace.corpus.documents.map(\.format.rawValue).sorted(), ["docx", "epub"])
        let walked = Session(baseDirectory: directory.path)
        let result = walked.execute("load big-office")
        XCTAssertNil(result.error)
        XCTAssertEqual(result.warnings, [])
        XCTAssertEqual(walked.workspace.corpus.documents.count, 2)
    }

    /// A file over max-file-size is refused before anything is allocated for it (sparse files: no disk
    /// used); under a raised limit, a big binary file is refused on its first bytes, not read whole.
    func testHugeFilesAreRefusedBeforeTheyAreRead() throws {
        let session = Session(baseDirectory: directory.path)
        let sparse = directory.appendingPathComponent("huge.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: sparse, contents: nil))
        XCTAssertEqual(truncate(sparse, 50 << 30), 0)
        XCTAssertEqual(
            session.execute("load huge.txt").error?.message,
            "huge.txt: 50 GB is over the 256 MB limit (set max-file-size 50G to read it)")
        try TestSession.run("set max-file-size 64G", in: session)
        XCTAssertEqual(session.settings.maxFileSize, 64 << 30)
        XCTAssertEqual(
            session.execute("load huge.txt").error?.message,
            "huge.txt: binary file (NUL byte at offset 0); gloss reads text and Markdown articles")
        // A big text file with a NUL past the bytes sniffed is still refused, when it is decoded.
        let late = directory.appendingPathComponent("late.txt")
        try Data(Array(repeating: UInt8(ascii: "a"), count: 3 << 20) + [0]).write(to: late)
        XCTAssertEqual(
            session.execute("load late.txt").error?.message,
            "late.txt: binary file (NUL byte at offset \(3 << 20)); gloss reads text and Markdown articles")
        // A UTF-16 file's zero bytes are text.
        let wide = directory.appendingPathComponent("wide.txt")
        try Data(
            [0xFF, 0xFE]
                + Array(
                    String(repeating: "Wide text. ", count: 200_000).utf16.flatMap {
                        [UInt8($0 & 0xFF), UInt8($0 >> 8)]
                    })
        ).write(to: wide)
        XCTAssertNil(session.execute("load wide.txt").error)
        // Below the limit a file loads; a smaller limit refuses it, and says what would do.
        let text = directory.appendingPathComponent("article.txt")
        try Data(String(repeating: "The council met on Tuesday.\n\n", count: 100).utf8).write(to: text)
        try TestSession.run("set max-file-size 1k", in: session)
        XCTAssertEqual(
            TestSession.failure("load article.txt", in: session)?.message,
            "article.txt: 2.8 KB is over the 1 KB limit (set max-file-size 1M to read it)")
        // In a folder, a file over the limit is skipped with a warning.
        let corpus = directory.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data("Short.".utf8).write(to: corpus.appendingPathComponent("short.txt"))
        try FileManager.default.copyItem(at: text, to: corpus.appendingPathComponent("long.txt"))
        let folderLoad = session.execute("load corpus")
        XCTAssertNil(folderLoad.error)
        XCTAssertEqual(
            folderLoad.warnings,
            ["skipped corpus/long.txt: 2.8 KB is over the 1 KB limit (set max-file-size 1M to read it)"])
        try TestSession.run("set max-file-size 256M", in: session)
        XCTAssertNil(session.execute("load article.txt").error)
        XCTAssertEqual(
            TestSession.failure("set max-file-size 12", in: session)?.message,
            "max-file-size takes a size from 1K to 1T, such as 500K, 256M or 2G")
        XCTAssertEqual(
            TestSession.failure("set max-file-size 2T", in: session)?.message,
            "max-file-size takes a size from 1K to 1T, such as 500K, 256M or 2G")
        XCTAssertTrue(try TestSession.run("set", in: session).contains("max-file-size  256M"))
    }

    /// A file that grows while it is read (a log being written; fstat's size is stale here) is read as
    /// far as the size it had when opened, and says so: one that kept growing was read forever.
    func testAFileThatGrowsIsReadAsFarAsItsSizeWhenOpened() throws {
        for (length, stale) in [(100, 60), (3 << 20, (3 << 20) - 10_000)] {
            let path = directory.appendingPathComponent("growing-\(length).txt").path
            let content = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            try Data(content).write(to: URL(fileURLWithPath: path))
            let descriptor = open(path, O_RDONLY)
            defer { close(descriptor) }
            let read = try DocumentLoader.readOpened(
                descriptor, size: stale, name: "growing.txt", maximumSize: 256 << 20, sizeIsExact: length > 100)
            XCTAssertTrue(read.grew)
            XCTAssertTrue(read.bytes == Array(content.prefix(stale)), "read \(read.bytes.count) bytes of \(length)")
        }
        // A file whose size says nothing (/proc gives 0) is read to its end, within the limit.
        let path = directory.appendingPathComponent("unsized.txt").path
        try Data(repeating: UInt8(ascii: "z"), count: 200_000).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        let whole = try DocumentLoader.readOpened(
            descriptor, size: 0, name: "unsized.txt", maximumSize: 256 << 20, sizeIsExact: false)
        XCTAssertEqual(whole.bytes.count, 200_000)
        XCTAssertFalse(whole.grew)
        XCTAssertEqual(lseek(descriptor, 0, SEEK_SET), 0)
        XCTAssertThrowsError(
            try DocumentLoader.readOpened(
                descriptor, size: 0, name: "unsized.txt", maximumSize: 100_000, sizeIsExact: false)
        ) { error in
            XCTAssertEqual(
                (error as? GlossError)?.message,
                "unsized.txt: more than 97.7 KB is over the 97.7 KB limit (set max-file-size 1M to read it)")
        }
        if FileManager.default.fileExists(atPath: "/proc/self/maps") {
            let session = Session(baseDirectory: directory.path)
            try TestSession.run("set max-file-size 1K", in: session)
            XCTAssertEqual(
                session.execute("load /proc/self/maps").error?.message,
                "/proc/self/maps: more than 1 KB is over the 1 KB limit (set max-file-size 1M to read it)")
        }
    }

    func testEveryCaseLoadsOrFailsClearly() throws {
        XCTAssertGreaterThanOrEqual(
            Self.cases.count + 5, 30, "the matrix has at least 30 inputs with the special files")
        for testCase in Self.cases {
            let url = directory.appendingPathComponent(testCase.file)
            try Data(testCase.bytes()).write(to: url)
            // The gloss executable's readers: the core's and PDF.
            let session = Session(readers: OfficeFixture.withPDF, baseDirectory: directory.path)
            let result = session.execute("load " + CommandLineTokenizer.quote(testCase.file))
            XCTAssertFalse(result.output.contains("\u{1B}"), "\(testCase.name): raw escape in output")
            switch testCase.expected {
            case .error(let fragment):
                let message = result.error?.message ?? ""
                XCTAssertTrue(message.contains(fragment), "\(testCase.name): \(message)")
                XCTAssertTrue(
                    message.hasPrefix(testCase.file), "\(testCase.name): the error names the file: \(message)")
                XCTAssertFalse(message.contains("\n"), "\(testCase.name): one line")
                XCTAssertEqual(session.workspace.corpus.loadedDocumentCount, 0)
            case .parsed(let check):
                XCTAssertNil(result.error, "\(testCase.name): \(result.error?.message ?? "")")
                guard let index = session.workspace.corpus.loadedDocumentIndices.first else { continue }
                check(session.workspace.corpus.documents[index])
                // Reading it must not emit control sequences either (the 50 MB line is not printed whole).
                let show =
                    testCase.file.hasPrefix("huge-")
                    ? "show s0.p1 --json" : "show \(session.workspace.corpus.documents[index].id):"
                for command in [show, "outline", "find the OR a", "kwic /./ --width 5"] {
                    let output = session.execute(command)
                    XCTAssertFalse(
                        output.output.contains("\u{1B}") || output.output.contains("\u{07}")
                            || output.output.contains("\u{202E}"),
                        "\(testCase.name): \(command) leaked a control character")
                }
            }
            try? FileManager.default.removeItem(at: url)
        }
    }

    func testSpecialFiles() throws {
        let session = Session(baseDirectory: directory.path)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("empty-folder"), withIntermediateDirectories: true)
        XCTAssertEqual(
            session.execute("load empty-folder").error?.message,
            "no \(ReaderRegistry.standard.extensionList) files found in empty-folder")
        XCTAssertEqual(mkfifo(directory.appendingPathComponent("pipe.txt").path, 0o644), 0)
        XCTAssertEqual(
            session.execute("load pipe.txt").error?.message, "pipe.txt: is a FIFO; gloss reads regular files only")
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("loop-a.txt").path, withDestinationPath: "loop-b.txt")
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("loop-b.txt").path, withDestinationPath: "loop-a.txt")
        XCTAssertEqual(
            session.execute("load loop-a.txt").error?.message,
            "loop-a.txt: too many levels of symbolic links (a symlink loop?)")
        XCTAssertEqual(session.execute("load missing.txt").error?.message, "missing.txt: no such file or directory")
        XCTAssertEqual(
            session.execute("load /dev/null").error?.message, "/dev/null: is a device; gloss reads regular files only")
        // A folder holding a symlink loop to itself is walked once.
        let folder = directory.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.paragraph.utf8).write(to: folder.appendingPathComponent("one.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("self").path, withDestinationPath: ".")
        XCTAssertNil(session.execute("load tree").error)
        XCTAssertEqual(session.workspace.corpus.loadedDocumentCount, 1)
        XCTAssertEqual(
            session.execute("load 'nothing*.txt'").error?.message, "nothing*.txt: no files match this pattern")
    }

    /// Nesting that would run the stack out (in the parser, the evaluator, or freeing the tree) is
    /// refused at the level that goes over, whatever the operator.
    func testDeeplyNestedQueriesAreRefused() throws {
        let limit = QueryParser.maximumDepth
        let cases: [(String, Int)] = [
            (String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000), limit + 1),
            (String(repeating: "NOT ", count: 100_000) + "a", limit * 4 + 1),
            (String(repeating: "-", count: 100_000) + "a", limit + 1),
            (String(repeating: "(-", count: 5_000) + "a" + String(repeating: ")", count: 5_000), limit + 1),
        ]
        for (query, column) in cases {
            XCTAssertThrowsError(try QueryParser.parse(query)) { error in
                let error = error as? GlossError
                XCTAssertEqual(
                    error?.message, "query nested too deeply (more than \(limit) levels of parentheses, NOT and -)")
                XCTAssertEqual(error?.column, column, String(query.prefix(8)))
            }
        }
        // The deepest query allowed parses, evaluates and highlights.
        let session = TestSession.make([("queries.txt", QueryLanguageTests.article)])
        let deepest = String(repeating: "(", count: limit - 2) + "-(barrier)" + String(repeating: ")", count: limit - 2)
        XCTAssertEqual(try TestSession.matches(deepest, in: session), try TestSession.matches("-barrier", in: session))
        let nots = String(repeating: "NOT ", count: limit) + "barrier"
        XCTAssertEqual(try TestSession.matches(nots, in: session), try TestSession.matches("barrier", in: session))
        XCTAssertNil(
            session.execute(
                "kwic " + String(repeating: "(", count: limit) + "barrier" + String(repeating: ")", count: limit)
            ).error)
        XCTAssertEqual(session.execute("filter " + cases[0].0).error?.column, 7 + limit + 1)
        XCTAssertTrue(session.workspace.view.filters.isEmpty)
    }

    /// A regex PCRE2 gives up on (its match limit, here) fails the command, naming the unit and pointing
    /// at the regex: taken for "no match", `/(x+x+)+y|zebra/` silently missed the zebra next to the x's.
    func testRegexesThatPCRE2GivesUpOnFailTheCommand() throws {
        let text = "Heading Line\n\n" + String(repeating: "x", count: 40) + " and a zebra.\n\nA zebra alone.\n"
        let session = TestSession.make([("zoo.txt", text)])
        let expected =
            "regex too complex at zoo:s0.p1 (PCRE2: match limit exceeded); nested repeats such as (x+)+ backtrack without end"
        for (line, column) in [
            ("find /(x+x+)+y|zebra/", 6), ("kwic zebra  /(x+x+)+y|q/", 13),
            ("filter kind:paragraph /(x+x+)+y|zebra/i", 23),
        ] {
            let error = TestSession.failure(line, in: session)
            XCTAssertEqual(error?.message, expected, line)
            XCTAssertEqual(error?.column, column, line)
        }
        XCTAssertTrue(session.workspace.view.filters.isEmpty)
        // The evaluation may pass (zebra alone is checked first) while the highlighting meets the limit.
        try TestSession.run("filter zebra", in: session)
        XCTAssertEqual(TestSession.failure("kwic /zebra|(x+x+)+y/", in: session)?.message, expected)
        // `\C` matches one byte, which can split a character: refused when the query is parsed.
        let backslashC = TestSession.failure("find /a\\Cb/", in: session)
        XCTAssertEqual(
            backslashC?.message,
            "invalid regular expression: \\C is not allowed (it matches a single byte, which can split a character)")
        XCTAssertEqual(backslashC?.column, 8)
        // A group repeated over a long passage needs more than the JIT's default 32 KB of stack.
        let long = TestSession.make([("long.txt", String(repeating: "ab", count: 3_000) + " c")])
        XCTAssertEqual(try TestSession.matches("/(a|b)*c/", in: long), ["s0.p1"])
        XCTAssertTrue(try TestSession.run("kwic /(a|b)*c/ --width 10", in: long).contains("1 match in 1 unit"))
    }

    /// A tag name with a zero-width character or a bidirectional control looks like another name (or
    /// reads backwards): refused, naming the character.
    func testTagNamesRefuseInvisibleAndBidirectionalCharacters() throws {
        let session = TestSession.make([("queries.txt", QueryLanguageTests.article)])
        let invisible: [(String, String)] = [
            ("\u{200B}", "zero width space"), ("\u{200C}", "zero width non-joiner"), ("\u{200D}", "zero width joiner"),
            ("\u{2060}", "word joiner"), ("\u{FEFF}", "zero width no-break space"), ("\u{00AD}", "soft hyphen"),
            ("\u{180E}", "mongolian vowel separator"), ("\u{2028}", "line separator"),
            ("\u{E0041}", "tag latin capital letter a"),
        ]
        let bidirectional: [(String, String)] = [
            ("\u{202A}", "left-to-right embedding"), ("\u{202B}", "right-to-left embedding"),
            ("\u{202C}", "pop directional formatting"),
            ("\u{202D}", "left-to-right override"), ("\u{202E}", "right-to-left override"),
            ("\u{2066}", "left-to-right isolate"),
            ("\u{2067}", "right-to-left isolate"), ("\u{2068}", "first strong isolate"),
            ("\u{2069}", "pop directional isolate"),
            ("\u{200E}", "left-to-right mark"), ("\u{200F}", "right-to-left mark"), ("\u{061C}", "arabic letter mark"),
        ]
        for (character, name) in invisible + bidirectional {
            let code = String(character.unicodeScalars.first!.value, radix: 16, uppercase: true)
            let padded = "<U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code + ">"
            let what =
                bidirectional.contains { $0.0 == character } ? "a bidirectional control" : "an invisible character"
            for command in [
                "tag s0.p1 \"actor/ru\(character)ssia\"", "tags describe \"ru\(character)ssia\" \"x\"",
                "mark s0.p1 senator \"ru\(character)ssia\"",
            ] {
                let message = TestSession.failure(command, in: session)?.message
                let path = command.hasPrefix("tag s0") ? "actor/ru" + padded + "ssia" : "ru" + padded + "ssia"
                XCTAssertEqual(
                    message, "tag '\(path)' contains \(what), \(padded) (\(name)): tag names are plain visible text",
                    command)
            }
        }
        XCTAssertTrue(session.workspace.annotations.tags.isEmpty)
        // Variation selectors only choose how an emoji is drawn; accents and other scripts are letters.
        try TestSession.run("tag s0.p1 ❤️ café/Ελλάδα/日本", in: session)
        XCTAssertEqual(session.workspace.annotations.tags.count, 4)
        // An imported codebook's names lose their invisible characters instead of failing the import.
        XCTAssertEqual(CodebookReader.tagPart("Ru\u{200B}ssia\u{202E}", topLevel: true), "Russia")
    }

    func testMalformedCommandsChangeNothing() throws {
        let session = TestSession.make([("queries.txt", QueryLanguageTests.article)])
        try TestSession.run("tag s0.p1 kept", in: session)
        let before = session.workspace.annotations
        let cases: [(String, String)] = [
            ("tag s0.p1 \"unterminated", "unclosed quote"),
            ("find \"unterminated", "unclosed quote"),
            ("tag s0.p1 x --bogus", "unknown option '--bogus'"),
            ("show s99999999999999999999", "too large"),
            ("show kp4294967297", "too large"),
            ("tag s0.p1 \"\"", "a tag name cannot be empty"),
            ("tag s0.p1 \"a\u{1B}[2Jb\"", "control character"),
            ("tag s0.p1 \"a\u{07}\"", "control character"),
            ("note s0.p1 \"\"", "the note is empty"),
            ("mark s0.p1 \"\" x", "the quote is empty"),
            ("tag", "missing TARGETS"),
            ("tag s0.p1", "missing TAG"),
            ("filter (", "unclosed '('"),
            ("undo 0", "N takes a number from 1 to 100000"),
            ("set width 5", "width takes a number"),
            ("${undefined}", "undefined variable"),
        ]
        for (line, fragment) in cases {
            let result = session.execute(line)
            let message = result.error?.message ?? "(no error)"
            XCTAssertTrue(message.contains(fragment), "\(line): \(message)")
            XCTAssertFalse(message.contains("\n"), "\(line): one line")
            XCTAssertFalse(message.contains("\u{1B}"), "\(line): escape sequences are shown escaped")
            XCTAssertEqual(session.workspace.annotations, before, "\(line) changed the workspace")
        }
        XCTAssertTrue(session.workspace.view.filters.isEmpty)
    }
}
