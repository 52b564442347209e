import XCTest

@testable import GlossCore

/// Metadata fields: read from front matter under their usual names, normalized, queried, shown and exported.
final class MetadataTests: XCTestCase {
    static let harborNotes = """
        ---
        title: Harbor Notes
        authors: [Dana Whitfield, "Sam O'Neil"]
        date: March 5, 2024
        updated: 2024-03-07T10:15:00+01:00
        publisher: The Harbor Times
        canonical_url: https://www.harbortimes.example/news/harbor-notes
        language: en-GB
        description: What the council decided.
        ---
        # Harbor Notes

        The council voted on Tuesday.
        """

    static let ferry = """
        ---
        author: Lee Marsh
        date: 2023-11-20
        site: Coast Weekly
        lang: fr
        ---
        # Ferry Fares

        Fares rise in spring.
        """

    private func session() -> Session {
        TestSession.make([
            ("harbor-notes.md", Self.harborNotes), ("ferry.md", Self.ferry),
            ("plain.txt", "Title\n\nNo metadata here.\n"),
        ])
    }

    func testDatesAreReadInTheUsualFormsAndAmbiguousOnesAreNot() {
        let cases: [(String, String?)] = [
            ("2024-03-05", "2024-03-05"), ("2024-03-05T09:30:00Z", "2024-03-05T09:30:00Z"),
            ("2024-03-05 09:30:00", "2024-03-05T09:30:00"),
            ("2024-03-05T09:30:00.000+01:00", "2024-03-05T09:30:00.000+01:00"),
            ("2024/03/05", "2024-03-05"), ("20240305", "2024-03-05"), ("2024-03", "2024-03"), ("2024", "2024"),
            ("Tue, 05 Mar 2024 09:30:00 GMT", "2024-03-05"), ("March 5, 2024", "2024-03-05"),
            ("5 March 2024", "2024-03-05"),
            ("Mar. 5th, 2024", "2024-03-05"), ("September 2023", "2023-09"), ("03/05/2024", nil), ("yesterday", nil),
            ("2024-13-01", nil), ("Marching 5, 2024", nil), ("", nil),
        ]
        for (text, expected) in cases { XCTAssertEqual(MetadataDate.normalized(text), expected, text) }
    }

    func testFrontMatterFillsTheKnownFields() throws {
        let document = DocumentLoader.parse(Self.harborNotes, pathExtension: "md")
        XCTAssertEqual(document.metadataValues(.author), ["Dana Whitfield", "Sam O'Neil"])
        XCTAssertEqual(document.metadataValue(.published), "2024-03-05")
        XCTAssertEqual(document.metadataValue(.modified), "2024-03-07T10:15:00+01:00")
        XCTAssertEqual(document.metadataValue(.site), "The Harbor Times")
        XCTAssertEqual(document.metadataValue(.url), "https://www.harbortimes.example/news/harbor-notes")
        XCTAssertEqual(document.metadataValue(.language), "en-GB")
        XCTAssertEqual(document.metadataValue(.description), "What the council decided.")
    }

    func testQueriesSelectDocumentsByMetadata() throws {
        let session = session()
        func documents(_ query: String) throws -> [String] {
            Array(
                Set(
                    try TestSession.matches(query, in: session).compactMap { label -> String? in
                        label == "title" ? nil : label.split(separator: ":").first.map(String.init)
                    })
            ).sorted()
        }
        XCTAssertEqual(try documents("author:whitfield"), ["harbor-notes"])
        XCTAssertEqual(try documents("author:\"sam o'neil\""), ["harbor-notes"])
        XCTAssertEqual(try documents("author:\"whitfield marsh\""), [], "both words in one author's name")
        XCTAssertEqual(try documents("site:harbortimes"), ["harbor-notes"], "by the address's host")
        XCTAssertEqual(try documents("site:\"coast weekly\""), ["ferry"])
        XCTAssertEqual(try documents("lang:en"), ["harbor-notes"])
        XCTAssertEqual(try documents("lang:en-gb"), ["harbor-notes"])
        XCTAssertEqual(try documents("lang:en-us"), [])
        XCTAssertEqual(try documents("date:2024"), ["harbor-notes"])
        XCTAssertEqual(try documents("date:2024-01..2024-06"), ["harbor-notes"])
        XCTAssertEqual(try documents("date:2023-11-20"), ["ferry"])
        XCTAssertEqual(try documents("date:..2023"), ["ferry"])
        XCTAssertEqual(try documents("date:2023-12.."), ["harbor-notes"])
        XCTAssertEqual(try documents("(fares OR council) -lang:fr"), ["harbor-notes"])
        XCTAssertEqual(
            TestSession.failure("find date:2024-1", in: session)?.message,
            "date: needs a date or a range: 2024, 2024-03, 2024-03-05, 2024-01..2024-06, 2024-01.. or ..2024-06")
        XCTAssertEqual(
            TestSession.failure("find lang:", in: session)?.message, "lang: needs a language tag like en or pt-BR")
    }

    func testDocsShowAndJSONCarryTheMetadata() throws {
        let session = session()
        let docs = try TestSession.run("docs", in: session)
        XCTAssertTrue(
            docs.contains("Harbor Notes  by Dana Whitfield; Sam O'Neil · The Harbor Times · 2024-03-05 · en-GB"), docs)
        XCTAssertTrue(docs.contains("Title  0 sections"), "no metadata, nothing added: \(docs)")
        let shown = try TestSession.run("show harbor-notes:", in: session)
        XCTAssertTrue(
            shown.contains(
                "  modified 2024-03-07T10:15:00+01:00\n  https://www.harbortimes.example/news/harbor-notes\n  What the council decided."
            ), shown)
        let json = try TestSession.run("docs --json", in: session)
        XCTAssertTrue(json.contains("\"publisher\": \"The Harbor Times\""), json)
        let found = try TestSession.run("find fares --json", in: session)
        XCTAssertTrue(found.contains("\"metadata\": {\n        \"author\": \"Lee Marsh\""), found)
        let plainOnly = try TestSession.run("find metadata --json", in: session)
        XCTAssertFalse(
            plainOnly.contains("\"metadata\""), "a document without metadata adds nothing to a row: \(plainOnly)")
    }

    func testCSVRowsEndWithTheDocumentsMetadataAndQDPXHasVariables() throws {
        let session = session()
        try TestSession.run("tag harbor-notes:s0.p1 vote", in: session)
        try TestSession.run("tag plain:s0.p1 none", in: session)
        let directory = try REFIQDASupport.scratchDirectory(self)
        let csvURL = try REFIQDASupport.export("csv", to: "codings.csv", in: directory, session: session)
        let csv = String(decoding: try Data(contentsOf: csvURL).dropFirst(3), as: UTF8.self)
        let rows = csv.components(separatedBy: "\r\n")
        XCTAssertEqual(rows[0], "document,address,kind,section,text,tags,notes,author,published,site,url,lang,page")
        XCTAssertTrue(
            rows.contains(
                "harbor-notes,s0.p1,paragraph,,The council voted on Tuesday.,vote,,Dana Whitfield; Sam O'Neil,2024-03-05,The Harbor Times,https://www.harbortimes.example/news/harbor-notes,en-GB,"
            ), csv)
        XCTAssertTrue(rows.contains("plain,s0.p1,paragraph,,No metadata here.,none,,,,,,,"), csv)

        let qdpx = try REFIQDASupport.export("qdpx", to: "project.qdpx", in: directory, session: session)
        let qde = try XCTUnwrap(try REFIQDASupport.entries(of: qdpx)["project.qde"])
        let qdeURL = directory.appendingPathComponent("project.qde")
        try qde.write(to: qdeURL)
        try REFIQDASupport.assertValid(qdeURL, against: "Project")
        let project = try XMLTree(qde)
        let variables = project.elements("Variable").compactMap { $0["name"] }
        XCTAssertEqual(variables, ["author", "published", "modified", "site", "url", "lang", "description"])
        let values = project.elements("TextValue").map(\.text)
        XCTAssertTrue(values.contains("Dana Whitfield; Sam O'Neil"), "\(values)")
        XCTAssertTrue(values.contains("Coast Weekly"), "\(values)")
    }
}
