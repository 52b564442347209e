import XCTest

@testable import GlossCore

final class AddressParserTests: XCTestCase {
    func testSingleAddresses() throws {
        XCTAssertEqual(try AddressParser.parse("s3"), [.element(document: nil, .sections(3...3))])
        XCTAssertEqual(try AddressParser.parse("s3.p2"), [.element(document: nil, .passages(section: 3, 2...2))])
        XCTAssertEqual(try AddressParser.parse("kp4"), [.element(document: nil, .keyPoints(4...4))])
        XCTAssertEqual(try AddressParser.parse("q1"), [.element(document: nil, .faq(1...1))])
        XCTAssertEqual(try AddressParser.parse("title"), [.element(document: nil, .title)])
        XCTAssertEqual(
            try AddressParser.parse("sport/002:title,s1"),
            [.element(document: "sport/002", .title), .element(document: "sport/002", .sections(1...1))])
        XCTAssertThrowsError(try AddressParser.parse("titles"))
        XCTAssertEqual(try AddressParser.parse("@"), [.view])
        XCTAssertEqual(try AddressParser.parse("#3"), [.results(3...3)])
    }

    func testRangesListsAndDocumentPrefixes() throws {
        XCTAssertEqual(try AddressParser.parse("kp1-4"), [.element(document: nil, .keyPoints(1...4))])
        XCTAssertEqual(try AddressParser.parse("kp1-kp4"), [.element(document: nil, .keyPoints(1...4))])
        XCTAssertEqual(try AddressParser.parse("s3.p1-3"), [.element(document: nil, .passages(section: 3, 1...3))])
        XCTAssertEqual(
            try AddressParser.parse("kp1,kp3,s2"),
            [
                .element(document: nil, .keyPoints(1...1)), .element(document: nil, .keyPoints(3...3)),
                .element(document: nil, .sections(2...2)),
            ])
        XCTAssertEqual(
            try AddressParser.parse("harbor:kp1,kp2"),
            [
                .element(document: "harbor", .keyPoints(1...1)), .element(document: "harbor", .keyPoints(2...2)),
            ])
        XCTAssertEqual(try AddressParser.parse("harbor:"), [.element(document: "harbor", .document)])
        XCTAssertEqual(try AddressParser.parse("#1,#4"), [.results(1...1), .results(4...4)])
        XCTAssertEqual(try AddressParser.parse("#2-5"), [.results(2...5)])
    }

    func testErrorsPointAtTheProblem() {
        XCTAssertThrowsError(try AddressParser.parse("kp4-2")) { error in
            XCTAssertEqual((error as? GlossError)?.message, "range 4-2 runs backwards")
        }
        XCTAssertThrowsError(try AddressParser.parse("s1,x9")) { error in
            XCTAssertEqual((error as? GlossError)?.column, 4)
        }
        XCTAssertThrowsError(try AddressParser.parse("kp99999999999")) { error in
            XCTAssertTrue((error as? GlossError)?.message.contains("too large") == true)
        }
        XCTAssertThrowsError(try AddressParser.parse("s1.p2x")) { error in
            XCTAssertEqual((error as? GlossError)?.column, 6)
        }
    }
}
