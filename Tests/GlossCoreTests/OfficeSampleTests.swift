import GlossPDF
import XCTest

@testable import GlossCore

/// One article, several formats, one outline: each shared sample written as DOCX, ODT and EPUB (by pandoc)
/// and PDF (by LibreOffice, scripts/make-fixtures) reads to the same title, sections, passages (kind and
/// text), FAQ entries and key points as the sample itself.
final class OfficeSampleTests: XCTestCase {
    static let samples = [("harbor-barrier-vote", "txt"), ("river-towns-broadband", "md")]

    func testEachOfficeFormatGivesTheSampleOutline() throws {
        for (name, sampleExtension) in Self.samples {
            let expected = ComparableOutline(try OfficeFixture.sample(name + "." + sampleExtension))
            for format in ["docx", "odt", "epub", "pdf"] {
                let (document, warnings) = try OfficeFixture.read(name + "." + format, readers: OfficeFixture.withPDF)
                XCTAssertEqual(document.format.rawValue, format)
                XCTAssertEqual(warnings, [], "\(name).\(format)")
                ComparableOutline.assertEqual(ComparableOutline(document), expected, "\(name).\(format)")
            }
        }
    }

    /// The comparison can fail: a dropped passage and a changed key point are both seen.
    func testTheComparisonNoticesALostPassageAndAChangedKeyPoint() throws {
        let sample = try OfficeFixture.sample("harbor-barrier-vote.txt")
        var dropped = sample
        dropped.sections[2].passages.removeLast()
        XCTAssertNotEqual(ComparableOutline(dropped), ComparableOutline(sample))
        var changed = sample
        changed.keyPoints[0] = KeyPoint(
            label: "Council Vote Delayed", detail: sample.keyPoints[0].detail,
            lines: sample.keyPoints[0].lines, section: sample.keyPoints[0].section)
        XCTAssertNotEqual(ComparableOutline(changed), ComparableOutline(sample))
    }
}
