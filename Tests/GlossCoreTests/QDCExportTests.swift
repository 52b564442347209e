import Foundation
import XCTest

@testable import GlossCore

/// `export qdc`: a REFI-QDA codebook that validates, nests the tag hierarchy and keeps its GUIDs.
final class QDCExportTests: XCTestCase {
    func testSampleCodebookValidatesAgainstTheCodebookSchema() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        let session = try REFIQDASupport.harborSession(base: directory)
        let file = try REFIQDASupport.export("qdc", to: "harbor.qdc", in: directory, session: session)
        try REFIQDASupport.assertValid(file, against: "Codebook")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(
            text.hasPrefix(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"gloss \(GlossVersion.current)\">\n"
            ), text)
    }

    func testHierarchyBecomesNestingWithDescriptionsAndColours() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        let session = try REFIQDASupport.harborSession(base: directory)
        let file = try REFIQDASupport.export("qdc", to: "harbor.qdc", in: directory, session: session)
        let tree = try XMLTree(Data(contentsOf: file))
        let codes = tree.elements("Code")
        XCTAssertEqual(codes.count, 13)
        XCTAssertEqual(tree.elements("Codes")[0].children.map { $0["name"] }, ["actor", "cost", "process", "stake"])
        let actor = try XCTUnwrap(codes.first { $0["name"] == "actor" })
        XCTAssertEqual(actor.children(named: "Description").map(\.text), ["Who takes part in the decision"])
        XCTAssertEqual(actor.children(named: "Code").map { $0["name"] }, ["council", "engineers", "fleet"])
        let fleet = try XCTUnwrap(actor.children(named: "Code").last)
        XCTAssertEqual(fleet["color"], "#E67E22", "orange as #RRGGBB")
        XCTAssertNil(actor["color"])
        XCTAssertTrue(codes.allSatisfy { $0["isCodable"] == "true" })
        XCTAssertEqual(Set(codes.compactMap { $0["guid"] }).count, 13)
    }

    func testGUIDsComeFromTagPathsNotTime() throws {
        let session = TestSession.make([("a.txt", "One passage.\n")])
        try TestSession.run("tag s0.p1 Actor/Russia", in: session)
        func codebook(_ date: Date) throws -> String {
            String(
                decoding: try QDCExporter.export(
                    ExportContext(session: session, viewOnly: false, destinationDirectory: "/tmp", date: date)),
                as: UTF8.self)
        }
        let first = try codebook(Date(timeIntervalSince1970: 0))
        XCTAssertEqual(first, try codebook(Date()))
        let russia = REFIGUIDs.code("actor/russia")
        XCTAssertTrue(first.contains("<Code guid=\"\(russia)\" name=\"Russia\" isCodable=\"true\"/>"), first)
        // Version 5, RFC variant, uppercase 8-4-4-4-12.
        XCTAssertNotNil(
            russia.range(
                of: "^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$", options: .regularExpression
            ), russia)
        XCTAssertNotEqual(REFIGUIDs.code("actor"), russia)
    }

    func testNameBasedUUIDMatchesRFCVersion5() {
        // RFC 9562 appendix A.4: the DNS namespace and "www.example.com".
        let dns: [UInt8] = [
            0x6B, 0xA7, 0xB8, 0x10, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8,
        ]
        XCTAssertEqual(NameBasedUUID.make("www.example.com", namespace: dns), "2ED6657D-E927-568B-95E1-2665A8AEA6A2")
    }

    func testMarkupQuotesAndForbiddenCharactersAreEscaped() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        let session = TestSession.make([("a.txt", "One passage.\n")])
        try TestSession.run("tag s0.p1 \"R&D <core>\"", in: session)
        let description = "Uses \"quotes\" & 'apostrophes' <b>\u{1}\u{FFFE} Зеленский, café"
        var transaction = CommandTransaction()
        // A control character cannot be typed on a command line.
        try session.workspace.describeTag("R&D <core>", description, in: &transaction)
        let file = try REFIQDASupport.export("qdc", to: "escaped.qdc", in: directory, session: session)
        try REFIQDASupport.assertValid(file, against: "Codebook")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("name=\"R&amp;D &lt;core&gt;\""), text)
        XCTAssertTrue(
            text.contains(
                "<Description>Uses \"quotes\" &amp; 'apostrophes' &lt;b&gt;\u{FFFD}\u{FFFD} Зеленский, café</Description>"
            ), text)
        XCTAssertEqual(XMLWriter.escape("a\"b\nc\td", inAttribute: true), "a&quot;b&#10;c&#9;d")
    }

    func testEmptyCodebookIsAnErrorNotAnInvalidFile() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        let session = TestSession.make([("a.txt", "One passage.\n")])
        let error = TestSession.failure("export qdc \(directory.appendingPathComponent("empty.qdc").path)", in: session)
        XCTAssertEqual(error?.message, "the codebook is empty: nothing to export (tag TARGETS TAG adds tags)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("empty.qdc").path))
    }
}
