import Foundation
import XCTest

@testable import GlossCore

/// `export qdpx`: a REFI-QDA project whose `project.qde` validates, whose selections point exactly at
/// the coded text of the shipped plain texts (offsets in Unicode scalars), and whose GUIDs are stable.
final class QDPXExportTests: XCTestCase {
    /// A Markdown article in Russian with accents, a flag emoji (two scalars, one character) and a
    /// decomposed "crème brûlée" (combining accents), so scalar, character and UTF-16 offsets all differ.
    static let article = """
        # Зеленский в Киеве: кафе «Café Noir» снова открыто

        В понедельник Владимир Зеленский зашёл в café на Крещатике. Владелец сказал: «Мы работаем, несмотря ни на что».

        Над дверью висит флаг 🇺🇦, а меню написано naïve почерком.

        ## Экономика

        Цены выросли на 20 процентов; cre\u{300}me bru\u{302}le\u{301}e стоит 150 гривен.

        ## Frequently Asked Questions

        ### Кто открыл кафе?

        Семья Ковальчук, в 2019 году.

        ### Почему «Café Noir»?

        Название придумала бабушка — она любила Париж.

        ## Key Points

        | Item | Detail |
        |---|---|
        | Визит | Зеленский зашёл утром |
        | Цена | crème brûlée — 150 гривен |

        """

    private struct Exported {
        let project: XMLTree
        let qdeURL: URL
        let texts: [String: Data]
    }

    private func export(_ session: Session, in directory: URL) throws -> Exported {
        let file = try REFIQDASupport.export("qdpx", to: "project.qdpx", in: directory, session: session)
        let entries = try REFIQDASupport.entries(of: file)
        let qde = try XCTUnwrap(entries["project.qde"], "no project.qde in \(entries.keys.sorted())")
        let qdeURL = directory.appendingPathComponent("project.qde")
        try qde.write(to: qdeURL)
        return Exported(
            project: try XMLTree(qde), qdeURL: qdeURL,
            texts: entries.filter { $0.key.hasPrefix("Sources/") })
    }

    private func cafeSession() throws -> Session {
        let session = TestSession.make([("zelensky-cafe.md", Self.article)])
        for line in [
            "tag s0.p1 place/киев",
            "tag s1 theme/economy",
            "tag q1,q2 faq",
            "tag kp1 actor/зеленский",
            "tag zelensky-cafe: article",
            "tag s0.p2 café/noir",
            "mark s0.p1 \"Зеленский\" actor/зеленский",
            "mark s0.p1 \"«Мы работаем, несмотря ни на что»\" quote",
            "mark s0.p2 \"naïve\" style",
            "mark s1.p1 \"cre\u{300}me bru\u{302}le\u{301}e\" food",
            "mark q2 \"Париж\" place/paris",
            "mark s1 \"Экономика\" theme",
            "mark kp2 \"150 гривен\" price",
            "note s0.p1 \"Первая заметка & <test>\"",
            "note m2 \"Прямая речь\"",
            "note tag:faq \"Questions readers asked\"",
            "note zelensky-cafe: \"About the whole article\"",
        ] {
            try TestSession.run(line, in: session)
        }
        return session
    }

    func testCafeProjectValidatesAgainstTheProjectSchema() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        let exported = try export(try cafeSession(), in: directory)
        try REFIQDASupport.assertValid(exported.qdeURL, against: "Project")
    }

    func testEverySelectionIsExactlyItsQuoteOrElementTextInScalars() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        let session = try cafeSession()
        let workspace = session.workspace
        let exported = try export(session, in: directory)
        let source = try XCTUnwrap(exported.project.elements("TextSource").first)
        let guid = try XCTUnwrap(source["guid"])
        XCTAssertEqual(source["plainTextPath"], "internal://\(guid).txt")
        let bytes = try XCTUnwrap(exported.texts["Sources/\(guid).txt"])
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(Array(text.utf8), Array(bytes), "the text is UTF-8 as written")
        XCTAssertNotNil(
            bytes.range(of: Data("cre\u{300}me bru\u{302}le\u{301}e".utf8)), "combining accents are shipped as they are"
        )
        XCTAssertTrue(text.contains("Зеленский"))
        let scalars = Array(text.unicodeScalars)

        let document = workspace.corpus.documents[0]
        let expected: [String: String] = [
            "zelensky-cafe:": text,
            "zelensky-cafe:s0.p1": document.sections[0].passages[0].text,
            "zelensky-cafe:s0.p2": document.sections[0].passages[1].text,
            "zelensky-cafe:s1":
                "Экономика\n\nЦены выросли на 20 процентов; cre\u{300}me bru\u{302}le\u{301}e стоит 150 гривен.",
            "zelensky-cafe:q1": "Кто открыл кафе?\n\nСемья Ковальчук, в 2019 году.",
            "zelensky-cafe:q2": "Почему «Café Noir»?\n\nНазвание придумала бабушка — она любила Париж.",
            "zelensky-cafe:kp1": "Визит — Зеленский зашёл утром",
            "m1": "Зеленский", "m2": "«Мы работаем, несмотря ни на что»", "m3": "naïve",
            "m4": "cre\u{300}me bru\u{302}le\u{301}e", "m5": "Париж", "m6": "Экономика", "m7": "150 гривен",
        ]
        let selections = exported.project.elements("PlainTextSelection")
        XCTAssertEqual(Set(selections.compactMap { $0["name"] }), Set(expected.keys))
        for selection in selections {
            let name = try XCTUnwrap(selection["name"])
            let start = try XCTUnwrap(Int(selection["startPosition"] ?? ""))
            let end = try XCTUnwrap(Int(selection["endPosition"] ?? ""))
            XCTAssertTrue(0 <= start && start <= end && end <= scalars.count, "\(name): \(start)..<\(end)")
            guard 0 <= start && start <= end && end <= scalars.count else { continue }
            // Scalars, not Strings: Swift's String equality would forgive a decomposed/precomposed mix-up.
            let found = Array(scalars[start..<end])
            let wanted = Array(expected[name]!.unicodeScalars)
            XCTAssertTrue(
                found == wanted,
                "\(name) [\(start), \(end)): found “\(String(String.UnicodeScalarView(found)))”, expected “\(expected[name]!)”"
            )
        }
        // The mark after the flag: 2 scalars but 1 character, so a character count would be off by one.
        let naive = try XCTUnwrap(selections.first { $0["name"] == "m3" })
        let found = try XCTUnwrap(text.range(of: "naïve"))
        let start = try XCTUnwrap(Int(naive["startPosition"] ?? ""))
        XCTAssertEqual(start, text.unicodeScalars.distance(from: text.startIndex, to: found.lowerBound))
        XCTAssertNotEqual(
            start, text.distance(from: text.startIndex, to: found.lowerBound), "characters would differ here")
        XCTAssertNotEqual(start, found.lowerBound.utf16Offset(in: text), "UTF-16 would differ here")
    }

    func testCodingsNotesAndReferencesHangTogether() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        let exported = try export(try cafeSession(), in: directory)
        let project = exported.project
        let codeGUIDs = Set(project.elements("Code").compactMap { $0["guid"] })
        let noteGUIDs = Set(project.elements("Note").compactMap { $0["guid"] })
        let userGUID = try XCTUnwrap(project.elements("User").first?["guid"])
        XCTAssertEqual(noteGUIDs.count, 4)
        for reference in project.elements("CodeRef") {
            XCTAssertTrue(codeGUIDs.contains(reference["targetGUID"] ?? ""))
        }
        let noteRefs = project.elements("NoteRef")
        XCTAssertEqual(Set(noteRefs.compactMap { $0["targetGUID"] }), noteGUIDs)
        XCTAssertEqual(Set(noteRefs.compactMap { $0.parent?.name }), ["PlainTextSelection", "Code", "TextSource"])
        for coding in project.elements("Coding") {
            XCTAssertEqual(coding["creatingUser"], userGUID)
        }
        let m1 = try XCTUnwrap(project.elements("PlainTextSelection").first { $0["name"] == "m1" })
        XCTAssertEqual(
            m1.children(named: "Coding").compactMap { $0.children(named: "CodeRef").first?["targetGUID"] },
            [REFIGUIDs.code("actor/зеленский")])
        let note = try XCTUnwrap(project.elements("Note").first { $0["name"] == "n1" })
        XCTAssertEqual(note.children(named: "PlainTextContent").map(\.text), ["Первая заметка & <test>"])
    }

    func testSharedSampleStructure() throws {
        let directory = try REFIQDASupport.scratchDirectory(self)
        let session = try REFIQDASupport.harborSession(base: directory)
        let exported = try export(session, in: directory)
        try REFIQDASupport.assertValid(exported.qdeURL, against: "Project")
        let project = exported.project
        func count(_ name: String) -> Int { project.elements(name).count }
        XCTAssertEqual(count("Code"), 13)
        XCTAssertEqual(count("TextSource"), 1)
        XCTAssertEqual(count("PlainTextSelection"), 21, "19 coded elements and 2 marks")
        XCTAssertEqual(count("Coding"), 31)
        XCTAssertEqual(count("Note"), 3)
        XCTAssertEqual(count("NoteRef"), 3)
        XCTAssertEqual(exported.texts.count, 1)
        // The same counts, from the workspace.
        let context = ExportContext(session: session, viewOnly: false, destinationDirectory: directory.path)
        XCTAssertEqual(count("PlainTextSelection"), context.codedElements.count + context.marks.count)
        XCTAssertEqual(
            count("Coding"),
            context.codedElements.reduce(0) { $0 + $1.tags.count } + context.marks.reduce(0) { $0 + $1.tags.count })
        XCTAssertEqual(project.root.name, "Project")
        XCTAssertEqual(project.root["origin"], "gloss \(GlossVersion.current)")
    }

    func testSameStateSameBytesAndGUIDsIndependentOfTime() throws {
        let session = try cafeSession()
        func archive(_ date: Date) throws -> [UInt8] {
            try QDPXExporter.export(
                ExportContext(session: session, viewOnly: false, destinationDirectory: "/tmp", date: date))
        }
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        XCTAssertEqual(try archive(date), try archive(date))
        func guids(_ date: Date) throws -> [String] {
            let xml = REFIProject(
                ExportContext(session: session, viewOnly: false, destinationDirectory: "/tmp", date: date)
            ).xml
            func walk(_ element: XMLTree.Element) -> [String] {
                [element["guid"]].compactMap { $0 } + element.children.flatMap(walk)
            }
            return walk(try XMLTree(xml).root)
        }
        let early = try guids(date)
        XCTAssertEqual(early, try guids(date.addingTimeInterval(86_400 * 365)))
        XCTAssertEqual(Set(early).count, early.count, "GUIDs are unique")
        let project = REFIProject(
            ExportContext(session: session, viewOnly: false, destinationDirectory: "/tmp", date: date)
        ).xml
        XCTAssertTrue(
            project.contains("creationDateTime=\"2023-11-14T22:13:20Z\""), "dates come from the export context")
    }

    func testViewOnlyExportsWhatIsInView() throws {
        let session = try cafeSession()
        try TestSession.run("filter Париж", in: session)
        let project = REFIProject(ExportContext(session: session, viewOnly: true, destinationDirectory: "/tmp"))
        let names = try XMLTree(project.xml).elements("PlainTextSelection").compactMap { $0["name"] }
        XCTAssertEqual(Set(names), ["zelensky-cafe:", "zelensky-cafe:q2", "m5"])
        XCTAssertEqual(project.sourceFiles.count, 1, "the document's whole text is shipped: selections index into it")
    }
}
