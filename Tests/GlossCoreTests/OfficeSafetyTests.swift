import Foundation
import XCTest
import ZIPFoundation

@testable import GlossCore

/// Untrusted office files: archives that inflate without end or hold too many entries, entry names that
/// climb out of the archive, XML that declares entities or external resources, XML nested without end,
/// damaged archives. Each gives a clear one-line error naming the file, or reads safely.
final class OfficeSafetyTests: XCTestCase {
    private func read(_ bytes: [UInt8], name: String = "hostile.docx") throws -> Document {
        try OfficeFixture.read(bytes: bytes, name: name).document
    }

    private func assertFails(
        _ bytes: [UInt8], name: String = "hostile.docx", with fragment: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try read(bytes, name: name), file: file, line: line) { error in
            let message = (error as? GlossError)?.message ?? "\(error)"
            XCTAssertTrue(message.hasPrefix(name + ": "), "names the file: \(message)", file: file, line: line)
            XCTAssertTrue(message.contains(fragment), message, file: file, line: line)
            XCTAssertFalse(message.contains("\n"), "one line: \(message)", file: file, line: line)
        }
    }

    /// A DOCX whose document.xml inflates to `size` bytes of spaces inside a paragraph, deflated.
    static func inflating(to size: Int) throws -> [UInt8] {
        try archive(
            [
                (
                    "[Content_Types].xml",
                    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                ),
                (
                    "_rels/.rels",
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"
                ),
            ],
            inflating: "word/document.xml",
            from: "<w:document xmlns:w=\"\(OfficePackage.word)\"><w:body><w:p><w:r><w:t>", to: size)
    }

    /// An EPUB whose one chapter inflates to `size` bytes of spaces inside a paragraph, deflated.
    static func epubInflating(to size: Int) throws -> [UInt8] {
        let parts = OfficePackage.epubParts(chapters: [("bomb.xhtml", "")]).filter { $0.0 != "OEBPS/bomb.xhtml" }
        return try archive(parts, inflating: "OEBPS/bomb.xhtml", from: "<html><body><p>", to: size)
    }

    /// Parts stored as they are, then one part of `head` and spaces up to `size` bytes, deflated.
    private static func archive(_ parts: [(String, String)], inflating path: String, from head: String, to size: Int)
        throws -> [UInt8]
    {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                provider: { position, count in
                    data.subdata(in: Int(position)..<(Int(position) + count))
                })
        }
        let head = Data(head.utf8)
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(head.count + size),
            compressionMethod: .deflate, bufferSize: 1 << 20,
            provider: { position, count in
                guard position < Int64(head.count) else { return Data(repeating: 0x20, count: count) }
                let fromHead = head.subdata(in: Int(position)..<min(head.count, Int(position) + count))
                return fromHead + Data(repeating: 0x20, count: count - fromHead.count)
            })
        return [UInt8](try XCTUnwrap(archive.data))
    }

    func testAnArchiveThatInflatesPastTheBudgetIsRefused() throws {
        let bomb = try Self.inflating(to: 4 << 20)
        XCTAssertLessThan(bomb.count, 64 << 10, "a few kilobytes that inflate to megabytes")
        var package = try ZipPackage(bytes: bomb, name: "bomb.docx", inflationBudget: 1 << 20)
        XCTAssertThrowsError(try package.read("word/document.xml")) { error in
            XCTAssertEqual(
                (error as? GlossError)?.message,
                "bomb.docx: word/document.xml inflates to more than 1 MB; refused (a ZIP bomb?)")
        }
        // Within the budget the same part reads.
        var roomy = try ZipPackage(bytes: bomb, name: "bomb.docx", inflationBudget: 8 << 20)
        let head = "<w:document xmlns:w=\"\(OfficePackage.word)\"><w:body><w:p><w:r><w:t>"
        XCTAssertEqual(try roomy.read("word/document.xml")?.count, (4 << 20) + head.utf8.count)
    }

    func testAnArchiveWithTooManyEntriesIsRefused() throws {
        let parts = (0...ZipPackage.maximumEntries).map { ("media/\($0).xml", "") }
        assertFails(try OfficePackage.zip(parts), with: "holds more than 10000 entries; refused")
    }

    /// Entry names that are not plain relative paths are never matched: a package whose only document
    /// part is named `../word/document.xml` has no document, and the real one beside such names reads.
    /// Nothing is ever extracted, so nothing can be written outside.
    func testEntryNamesThatLeaveTheArchiveAreIgnored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gloss-slip-\(UUID().uuidString)/inner")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        var parts = try OfficePackage.docxParts(body: OfficePackage.paragraph("The real text."))
        parts += [
            ("../../evil.xml", "<x/>"), ("/etc/evil.xml", "<x/>"), ("word\\..\\..\\evil.xml", "<x/>"),
            ("word/./document.xml", "<x/>"),
        ]
        let document = try read(try OfficePackage.zip(parts))
        XCTAssertEqual(document.sections[0].passages.map(\.text), ["The real text."])
        let shadowed = try OfficePackage.docxParts(body: "").map {
            $0.0 == "word/document.xml" ? ("../word/document.xml", $0.1) : $0
        }
        assertFails(try OfficePackage.zip(shadowed), with: "not a Word document (no word/document.xml in the archive)")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path), ["inner"])
        XCTAssertNil(ZipPackage.plainPath("a/../b"))
        XCTAssertEqual(ZipPackage.resolve("../media/x.png", from: "word/document.xml"), "media/x.png")
        XCTAssertNil(ZipPackage.resolve("../../x", from: "word/document.xml"))
    }

    /// External entities, entity expansion and DTDs are refused before any entity is read: a secret file
    /// named by the document never reaches the text or the message.
    func testEntitiesAndDocumentTypesAreRefused() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gloss-secret-\(UUID().uuidString).txt")
        try Data("TOP-SECRET-VALUE".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let external = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file://\(secret.path)\">]>"
        let laughs =
            "<!DOCTYPE w:document [<!ENTITY a \"lol\">"
            + (1...9).map {
                "<!ENTITY \(Character(UnicodeScalar(97 + $0)!)) \""
                    + String(repeating: "&\(Character(UnicodeScalar(96 + $0)!));", count: 10) + "\">"
            }.joined() + "]>"
        let remote = "<!DOCTYPE w:document SYSTEM \"http://127.0.0.1:9/evil.dtd\">"
        for (doctype, text) in [(external, "&xxe;"), (laughs, "&j;"), (remote, "x")] {
            let xml =
                "<?xml version=\"1.0\"?>\(doctype)<w:document xmlns:w=\"\(OfficePackage.word)\"><w:body><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:body></w:document>"
            let parts = try OfficePackage.docxParts(body: "").map { $0.0 == "word/document.xml" ? ($0.0, xml) : $0 }
            XCTAssertThrowsError(try read(try OfficePackage.zip(parts))) { error in
                let message = (error as? GlossError)?.message ?? ""
                // libxml2 finds the entity loop while it reads the DTD; the others reach the DTD's node.
                let expected =
                    doctype == laughs
                    ? "hostile.docx: word/document.xml:1: Detected an entity reference loop"
                    : "hostile.docx: word/document.xml declares a DTD or entities, which gloss does not read (refused for safety)"
                XCTAssertEqual(message, expected)
                XCTAssertFalse(message.contains("TOP-SECRET"))
            }
        }
        // XInclude is not processed: the include stays an unknown element.
        let include =
            "<w:p><w:r><w:t>kept</w:t></w:r><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://\(secret.path)\" parse=\"text\"/></w:p>"
        let document = try read(try OfficePackage.docx(body: include))
        XCTAssertEqual(document.sections[0].passages.map(\.text), ["kept"])
    }

    func testDeeplyNestedXMLIsAnErrorNotACrash() throws {
        let depth = 100_000
        let body =
            String(repeating: "<w:sdt><w:sdtContent>", count: depth) + OfficePackage.paragraph("deep")
            + String(repeating: "</w:sdtContent></w:sdt>", count: depth)
        assertFails(try OfficePackage.docx(body: body), with: "word/document.xml:1: Excessive depth in document")
        // Nesting within libxml2's limit reads.
        let shallow =
            String(repeating: "<w:sdt><w:sdtContent>", count: 100) + OfficePackage.paragraph("nested")
            + String(repeating: "</w:sdtContent></w:sdt>", count: 100)
        XCTAssertEqual(try read(try OfficePackage.docx(body: shallow)).sections[0].passages.map(\.text), ["nested"])
    }

    func testDamagedArchivesAndPartsSayWhat() throws {
        let good = try OfficeFixture.bytes("review-draft.docx")
        assertFails(Array(good.prefix(good.count / 2)), with: "not a readable ZIP archive")
        assertFails(Array("PK\u{3}\u{4} not really a zip".utf8), with: "not a readable ZIP archive")
        assertFails([], with: "not a readable ZIP archive")
        // A deflated part whose bytes were changed in the middle.
        var corrupt = good
        let document = try XCTUnwrap(Self.range(of: Array("word/document.xml".utf8), in: corrupt))
        for index in (document.upperBound + 200)..<(document.upperBound + 260) { corrupt[index] ^= 0x5A }
        assertFails(corrupt, with: "is damaged in the archive")
        // Well-formedness errors name the part and its line.
        let broken = try OfficePackage.docx(body: "<w:p><w:r><w:t>open</w:r></w:p>")
        assertFails(broken, with: "word/document.xml:1: ")
        assertFails(
            try OfficePackage.zip([("mimetype", "application/vnd.oasis.opendocument.text")]), name: "empty.odt",
            with: "not an OpenDocument text (no content.xml in the archive)")
    }

    /// Hostile e-books: each a clear one-line error naming the file and what is wrong.
    func testHostileEPUBsSayWhatIsWrong() throws {
        let chapter = [("a.xhtml", "<p>Text.</p>")]
        let parts = OfficePackage.epubParts(chapters: chapter)
        let swap = { (path: String, text: String) in parts.map { $0.0 == path ? ($0.0, text) : $0 } }
        assertFails(
            try OfficePackage.zip(parts.filter { $0.0 != "META-INF/container.xml" }), name: "b.epub",
            with: "not an EPUB book (no META-INF/container.xml in the archive)")
        assertFails(
            try OfficePackage.zip(parts.filter { $0.0 != "OEBPS/content.opf" }), name: "b.epub",
            with: "the package document OEBPS/content.opf named by META-INF/container.xml is missing from the archive")
        assertFails(
            try OfficePackage.zip(parts.filter { $0.0 != "OEBPS/a.xhtml" }), name: "b.epub",
            with: "the spine's item a.xhtml (OEBPS/a.xhtml) is missing from the archive")
        assertFails(
            try OfficePackage.zip(OfficePackage.epubParts(chapters: chapter, spine: ["a.xhtml", "ghost"])),
            name: "b.epub",
            with: "the spine names ghost, which the manifest of OEBPS/content.opf does not list")
        let opf = try XCTUnwrap(parts.first { $0.0 == "OEBPS/content.opf" }?.1)
        assertFails(
            try OfficePackage.zip(
                swap(
                    "OEBPS/content.opf",
                    opf.replacingOccurrences(of: "href=\"a.xhtml\"", with: "href=\"../../../etc/passwd\""))),
            name: "b.epub", with: "the spine's item a.xhtml points outside the package (../../../etc/passwd)")
        assertFails(
            try OfficePackage.zip(
                swap(
                    "META-INF/container.xml",
                    "<container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"../x.opf\"/></rootfiles></container>"
                )),
            name: "b.epub", with: "META-INF/container.xml names a package document outside the package (../x.opf)")
        assertFails(
            try OfficePackage.zip(
                swap("OEBPS/content.opf", opf.replacingOccurrences(of: "<itemref idref=\"a.xhtml\"/>", with: ""))),
            name: "b.epub", with: "has an empty spine; there is nothing to read")
        // DRM: the chapters are listed as encrypted. Obfuscated fonts alone do not stop the reading.
        let encryption = { (uri: String) in
            "<encryption xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\">"
                + "<enc:EncryptedData><enc:CipherData><enc:CipherReference URI=\"\(uri)\"/></enc:CipherData></enc:EncryptedData></encryption>"
        }
        assertFails(
            try OfficePackage.zip(parts + [("META-INF/encryption.xml", encryption("OEBPS/a.xhtml"))]), name: "drm.epub",
            with: "the book is encrypted (DRM); gloss cannot read it")
        let fonts = try read(
            try OfficePackage.zip(parts + [("META-INF/encryption.xml", encryption("OEBPS/fonts/serif.otf"))]),
            name: "fonts.epub")
        XCTAssertEqual(fonts.sections[0].passages.map(\.text), ["Text."])
        // An entity declared in the package document's DTD is refused; the DTD's name alone is not.
        let xxe = opf.replacingOccurrences(
            of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            with: "<!DOCTYPE package [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        )
        .replacingOccurrences(of: "<dc:title>A Small Book</dc:title>", with: "<dc:title>&x;</dc:title>")
        assertFails(
            try OfficePackage.zip(swap("OEBPS/content.opf", xxe)), name: "xxe.epub",
            with: "OEBPS/content.opf declares a DTD or entities")
        // A bomb, and a chapter nested 100,000 deep, which the HTML parser reads without recursion.
        var package = try ZipPackage(
            bytes: try Self.epubInflating(to: 4 << 20), name: "bomb.epub", inflationBudget: 1 << 20)
        var builder = DocumentBuilder(format: .epub)
        XCTAssertThrowsError(try EPUBReader.read(&package, into: &builder)) { error in
            XCTAssertEqual(
                (error as? GlossError)?.message,
                "bomb.epub: OEBPS/bomb.xhtml inflates to more than 1 MB; refused (a ZIP bomb?)")
        }
        let deep =
            String(repeating: "<div>", count: 100_000) + "<p>Deep text.</p>"
            + String(repeating: "</div>", count: 100_000)
        let document = try read(try OfficePackage.epub(chapters: [("deep.xhtml", deep)]), name: "deep.epub")
        XCTAssertEqual(document.sections[0].passages.map(\.text), ["Deep text."])
    }

    private static func range(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start..<(start + needle.count)
        }
        return nil
    }
}
