import XCTest

@testable import GlossCore

/// Fixtures whose bytes matter: line endings, a byte-order mark and Windows-1252 text. Each is read
/// like a file (`SourceDecoder` first) and must come out as its `\n`, UTF-8 equivalent would.
final class ReaderEncodingTests: XCTestCase {
    private func read(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> ReaderFixture {
        let fixture = try ReaderFixture(name)
        ReaderTextInvariant.assertNothingLost(fixture.document, source: fixture.text, file: file, line: line)
        XCTAssertFalse(fixture.text.contains("\r"), "line endings are normalised", file: file, line: line)
        return fixture
    }

    /// The same bytes with every line ending (CRLF or lone CR) turned into LF.
    private func withLineFeeds(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if byte == 13 {
                result.append(10)
            } else if !(byte == 10 && index > 0 && bytes[index - 1] == 13) {
                result.append(byte)
            }
        }
        return result
    }

    func testCRLFLineEndings() throws {
        let fixture = try read("crlf-library-hours.txt")
        XCTAssertTrue(fixture.bytes.contains(13), "the fixture must keep its CRLF endings")
        ReaderOutline.assertDump(
            fixture.document,
            equals: """
                s0 lead
                s1 body h1 1: Library Hours Expand at Three Branches
                  paragraph 2: The county library will keep … visitors than expected.
                s2 body h1 3: Why the Change?
                  paragraph 4: Evening attendance at the Ridge … and shift workers.
                s3 body h1 5: What It Costs
                  paragraph 6: The longer hours add about … a state grant.
                  table-row 7: Branch | Current Closing | New Closing
                  table-row 9: Ridge Avenue | 6 p.m. | 9 p.m.
                  table-row 10: Harbor | 6 p.m. | 9 p.m.
                  table-row 11: North Fork | 5 p.m. | 9 p.m.
                s4 summary h1 12: Summary
                  paragraph 13: Three branches stay open until … a state grant.
                """)
        let unix = try ReaderFixture(name: fixture.name, bytes: withLineFeeds(fixture.bytes), pathExtension: "txt")
        XCTAssertEqual(ReaderOutline.dump(fixture.document), ReaderOutline.dump(unix.document))
        XCTAssertEqual(fixture.document.sections[3].passages[1].text, "Branch | Current Closing | New Closing")
    }

    func testCarriageReturnOnlyLineEndings() throws {
        let fixture = try read("cr-only-tide-gauge.txt")
        XCTAssertTrue(fixture.bytes.contains(13) && !fixture.bytes.contains(10), "the fixture must use lone CRs")
        ReaderOutline.assertDump(
            fixture.document,
            equals: """
                title 1: Tide Gauge Shows Faster Rise
                s0 lead
                  paragraph 3-4: The tide gauge at Port … previous three decades.
                s1 body h1 7: What the Readings Mean
                  paragraph 9-10: Scientists at the state university … in the instrument.
                """)
        XCTAssertEqual(fixture.document.format, .wire)
        let unix = try ReaderFixture(name: fixture.name, bytes: withLineFeeds(fixture.bytes), pathExtension: "txt")
        XCTAssertEqual(ReaderOutline.dump(fixture.document), ReaderOutline.dump(unix.document))
    }

    func testUTF8ByteOrderMarkIsDropped() throws {
        let fixture = try read("bom-orchard-frost.txt")
        XCTAssertEqual(Array(fixture.bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertNil(fixture.decoded.warning)
        XCTAssertFalse(fixture.text.unicodeScalars.contains("\u{FEFF}"))
        // With the mark left in, the first line would not start with a capital and would not be a heading.
        ReaderOutline.assertDump(
            fixture.document,
            equals: """
                s0 lead
                s1 body h1 1: Orchard Growers Expect a Smaller Apple Crop
                  paragraph 2: A late frost in April … below last year’s.
                s2 body h1 3: Prices at the Stand
                  paragraph 4: Farm stands are already charging … out of state.
                """)
        XCTAssertEqual(fixture.document.sections[1].passages[0].text.last, ".")
    }

    func testInvalidUTF8FallsBackToWindows1252WithAWarning() throws {
        let fixture = try read("windows-1252-cafe-seating.txt")
        // The fixture is ASCII apart from its Windows-1252 letters and quotes, so the first byte
        // above 0x7F is the first that breaks UTF-8.
        let firstBad = try XCTUnwrap(fixture.bytes.firstIndex { $0 > 0x7F })
        XCTAssertEqual(
            fixture.decoded.warning,
            "windows-1252-cafe-seating.txt: not valid UTF-8 (first bad byte at offset \(firstBad)); read as Windows-1252"
        )
        XCTAssertTrue(fixture.text.hasPrefix("Café Owners"))
        ReaderOutline.assertDump(
            fixture.document,
            equals: """
                s0 lead
                s1 body h1 1: Café Owners Fight New Sidewalk Rules
                  paragraph 2: Owners of six cafés on … tables by half.
                  paragraph 3: “We spent thousands on planters … the Blue Heron.
                s2 body h1 4: The Council’s Proposal
                  paragraph 5: The rules would require a … from one meter.
                """)
        XCTAssertEqual(
            fixture.document.sections[1].passages[1].text,
            "“We spent thousands on planters and heaters,” said Renée Marchand, who runs the Blue Heron.")
        XCTAssertTrue(fixture.document.sections[2].passages[0].text.contains("curb — up from"))
    }

    func testBadByteOffsetCountsTheByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Caf".utf8) + [0xE9]
        let decoded = try SourceDecoder.decode(bytes, name: "menu.txt")
        XCTAssertEqual(decoded.text, "Café")
        XCTAssertEqual(decoded.warning, "menu.txt: not valid UTF-8 (first bad byte at offset 6); read as Windows-1252")
    }

    func testNulByteIsABinaryFile() {
        let bytes = Array("Harbor\n".utf8) + [0, 1, 2]
        XCTAssertThrowsError(try SourceDecoder.decode(bytes, name: "photo.txt")) { error in
            XCTAssertEqual(
                (error as? GlossError)?.message,
                "photo.txt: binary file (NUL byte at offset 7); gloss reads text and Markdown articles")
        }
    }
}
