import Foundation
import GlossPDF
import XCTest

@testable import GlossCore

/// The PDF reader on a two-column report (LibreOffice's, from scripts/fixture-sources/coastal-report.md)
/// with a running header, "Page N" footers and footnotes at the foot of each column, and on what makes
/// a PDF unreadable.
final class PDFReaderTests: XCTestCase {
    private func report() throws -> Document {
        try OfficeFixture.read("coastal-report.pdf", readers: OfficeFixture.withPDF).document
    }

    private static let sourceURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/fixture-sources/coastal-report.md")

    /// The report reads to the outline of its Markdown source: columns in order, paragraphs whole across
    /// columns and pages, headings with their levels, key points; the byline (pandoc's Author
    /// paragraph), the footnotes' marks and the Notes section aside.
    func testTwoColumnReportReadsAsItsSource() throws {
        var source = try String(contentsOf: Self.sourceURL, encoding: .utf8)
        source = source.replacingOccurrences(of: #"\[\^\d\]:[^\n]*\n"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\[\^\d\]"#, with: "", options: .regularExpression)
        let expected = MarkdownReader().read(source)

        var document = try report()
        XCTAssertEqual(document.title, "Dune Restoration on the Marren Coast")
        XCTAssertEqual(document.sections[0].passages.first?.text, "Ilse Marren Institute")
        document.sections[0].passages.removeFirst()
        XCTAssertEqual(document.sections.last?.heading, "Notes")
        document.sections.removeLast()
        for s in document.sections.indices {
            for p in document.sections[s].passages.indices {
                document.sections[s].passages[p].text = document.sections[s].passages[p].text
                    .replacingOccurrences(of: #"\[\d\]"#, with: "", options: .regularExpression)
            }
        }
        ComparableOutline.assertEqual(ComparableOutline(document), ComparableOutline(expected), "coastal-report.pdf")
    }

    func testRunningHeadersAndPageNumbersAreDroppedAndPagesKept() throws {
        let document = try report()
        let texts = document.sections.flatMap(\.passages).map(\.text) + document.sections.compactMap(\.heading)
        XCTAssertFalse(texts.contains { $0.contains("Coastal Resilience Review") }, "\(texts)")
        XCTAssertFalse(texts.contains { $0.hasPrefix("Page ") }, "\(texts)")
        XCTAssertEqual(document.pageStarts.count, 2)
        // A paragraph that runs from the foot of the second column onto page 2 is on page 1.
        let costs = try XCTUnwrap(document.sections.firstIndex { $0.heading == "Costs So Far" })
        XCTAssertTrue(document.sections[costs].passages[1].text.hasSuffix("when this review was written.[3]"))
        XCTAssertEqual(document.page(of: .passage(section: costs, number: 2)), 1)
        XCTAssertEqual(document.page(of: .keyPoint(1)), 2)
        XCTAssertEqual(document.page(of: .section(1)), 1)
        let notes = try XCTUnwrap(document.sections.last)
        XCTAssertEqual(notes.passages.map(\.kind), [.footnote, .footnote, .footnote])
        XCTAssertEqual(
            notes.passages.map(\.text),
            [
                "[1] Regional council, Coastal Works Programme 2021–2026, adopted March 2021.",
                "[2] Transect positions are listed in the contractor's annual survey reports.",
                "[3] Letter from the council's works department to the province, November 2025.",
            ])
        XCTAssertEqual(
            (1...3).map { document.page(of: .passage(section: document.sections.count - 1, number: $0)) }, [1, 1, 2])
        XCTAssertEqual(document.metadataValues(.author), ["Ilse Marren Institute"])
    }

    func testPDFsThatCannotBeReadSayWhy() throws {
        let cases: [(String, [UInt8], String)] = [
            ("empty.pdf", [], "the PDF is damaged or not a PDF"),
            (
                "truncated.pdf", Array(try OfficeFixture.bytes("coastal-report.pdf").prefix(900)),
                "the PDF is damaged or not a PDF"
            ),
            ("garbage.pdf", Array("%PDF-1.7\nthis is not a PDF at all\n".utf8), "the PDF is damaged or not a PDF"),
            ("scan.pdf", Self.pageWithoutText, "the PDF has no text layer (a scan?); run OCR on it first"),
            (
                "locked.pdf", try OfficeFixture.bytes("encrypted.pdf"),
                "the PDF is encrypted (it needs a password); gloss cannot read it"
            ),
        ]
        for (name, bytes, message) in cases {
            XCTAssertThrowsError(try OfficeFixture.read(bytes: bytes, name: name, readers: OfficeFixture.withPDF), name)
            { error in
                let text = (error as? GlossError)?.message ?? "\(error)"
                XCTAssertTrue(text.hasPrefix(name + ": " + message), text)
                XCTAssertFalse(text.contains("\n"), text)
            }
        }
    }

    /// A one-page PDF that draws a line and has no text, as a scan without OCR has none.
    static var pageWithoutText: [UInt8] {
        onePage(content: "0 0 m 100 100 l S")
    }

    /// A page with a line of text whose page dictionary holds arrays nested 100,000 deep.
    static var deeplyNested: [UInt8] {
        onePage(
            content: "BT /F1 12 Tf 72 720 Td (Deep but readable.) Tj ET",
            extra: " /Deep " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
    }

    /// A one-page PDF with the given content stream (Helvetica as /F1), written with its cross-reference table.
    static func onePage(content: String, extra: String = "") -> [UInt8] {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>\(extra) >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let table = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        return Array(pdf.utf8)
    }
}
