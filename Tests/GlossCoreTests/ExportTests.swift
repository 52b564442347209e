import XCTest

@testable import GlossCore

/// The report formats and coder agreement.
final class ExportTests: XCTestCase {
    var session: Session!
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        session = TestSession.make([("queries.txt", QueryLanguageTests.article)])
        session.baseDirectory = directory.path
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func exported(_ format: String, _ options: String = "") throws -> String {
        try TestSession.run("export \(format) out.\(format) --force \(options)", in: session)
        return try String(contentsOf: directory.appendingPathComponent("out.\(format)"), encoding: .utf8)
    }

    private func code() throws {
        for line in [
            "tag s1.p1 cost \"money, \\\"big\\\" money\"",
            "tags describe cost \"Money matters\"",
            "mark s0.p2 \"Zelensky’s plan\" actor",
            "note s1.p1 \"A note, with a comma\"",
            "tag s1.p2,s1.p3 list/items",
        ] { try TestSession.run(line, in: session) }
    }

    func testCSVFollowsRFC4180() throws {
        try code()
        let bytes = try Data(
            contentsOf: {
                try TestSession.run("export csv out.csv --force", in: session)
                return directory.appendingPathComponent("out.csv")
            }())
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark for spreadsheets")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n")
        XCTAssertEqual(rows[0], "document,address,kind,section,text,tags,notes,author,published,site,url,lang,page")
        XCTAssertEqual(
            rows[1],
            "queries,s1.p1,paragraph,Costs Of The Barrier,\"The barrier costs $1.2 billion, or 1,200 million dollars.\",\"cost; money, \"\"big\"\" money\",\"n1: A note, with a comma\",,,,,,"
        )
        XCTAssertTrue(rows.contains("queries,s0.p2 m1,mark,,Zelensky’s plan,actor,,,,,,,"), text)
        XCTAssertEqual(rows.last, "", "every row ends with CRLF")
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    func testMarkdownReport() throws {
        try code()
        let report = try exported("md")
        XCTAssertTrue(report.hasPrefix("# Coding report\n"), report)
        XCTAssertTrue(report.contains("| cost | 1 | 1 | Money matters |"), report)
        XCTAssertTrue(report.contains("### list/items (2)"), report)
        XCTAssertTrue(report.contains("- **queries:s0.p2** m1: “Zelensky’s plan”"), report)
        XCTAssertTrue(report.contains("Note n1: A note, with a comma"), report)
    }

    func testHTMLReportIsSelfContained() throws {
        try code()
        try TestSession.run("tags color cost red", in: session)
        let page = try exported("html")
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        for forbidden in ["<script", "http://", "https://", "<link", "@import", "src="] {
            XCTAssertFalse(page.contains(forbidden), "the report must not load \(forbidden)")
        }
        XCTAssertTrue(page.contains("<svg class=\"chart\""), "tag frequency chart")
        XCTAssertTrue(page.contains("fill=\"#C0392B\""), "the tag's own colour")
        XCTAssertTrue(page.contains("<mark style=\"background:"), "marked span")
        XCTAssertTrue(page.contains("Zelensky’s plan</mark>"))
        XCTAssertTrue(page.contains("money, &quot;big&quot; money"), "text is escaped")
        // Coded segments by tag; the documents in full, with their coding stripes, only with --all.
        XCTAssertTrue(page.contains("<h2>Coded segments by tag</h2>"), page)
        XCTAssertFalse(page.contains("<svg class=\"stripes\""), "no documents without --all")
        let full = try exported("html", "--all")
        XCTAssertTrue(full.contains("<svg class=\"stripes\""), "coding stripes")
        XCTAssertEqual(
            full.components(separatedBy: "<article class=\"document\">").count - 1,
            session.workspace.corpus.loadedDocumentCount)
    }

    func testReportsShowACodedSectionWithItsPassagesAndDocumentsOnlyWithAll() throws {
        try TestSession.run("tag queries:s1 whole-section", in: session)
        let document = session.workspace.corpus.documents.firstIndex { $0.id == "queries" }!
        let passages = session.workspace.corpus.documents[document].sections[1].passages
        XCTAssertGreaterThan(passages.count, 1)
        let report = try exported("md")
        for (index, passage) in passages.enumerated() {
            XCTAssertTrue(
                report.contains("> `s1.p\(index + 1)` " + MarkdownReportExporter.inline(passage.text)), report)
        }
        XCTAssertFalse(report.contains("## Documents"), report)
        XCTAssertTrue(try exported("md", "--all").contains("## Documents"))
        let page = try exported("html")
        XCTAssertTrue(page.contains("<span class=\"address\">s1.p\(passages.count)</span>"), page)
        XCTAssertThrowsError(try TestSession.run("export csv out.csv --force --all", in: session))
    }

    func testHTMLEscapesHostileText() throws {
        let hostile = TestSession.make([("x.txt", "A <script>alert(1)</script> & \u{1B}[31mred\u{1B}[0m paragraph.\n")])
        hostile.baseDirectory = directory.path
        try TestSession.run("tag s0.p1 t", in: hostile)
        try TestSession.run("export html out.html --force", in: hostile)
        let page = try String(contentsOf: directory.appendingPathComponent("out.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("A &lt;script&gt;alert(1)&lt;/script&gt; &amp; [31mred[0m paragraph."), page)
        XCTAssertFalse(page.contains("\u{1B}"))
    }

    func testNotebookReplaysToTheSameWorkspace() throws {
        try code()
        try TestSession.run("find barrier", in: session)
        let notebook = try exported("notebook")
        XCTAssertTrue(notebook.contains("```gloss\nfind barrier\n```\n\n```text\n#1"), notebook)
        let commands = ScriptRunner.commands(in: notebook).map(\.text)
        XCTAssertEqual(
            commands,
            SessionScript.savedEntries(session.history, stateOnly: false).flatMap {
                $0.line.split(separator: "\n").map(String.init)
            }
            .filter { !$0.hasPrefix("load ") && !$0.hasPrefix("export") })
    }

    func testViewLimitsExports() throws {
        try code()
        try TestSession.run("filter kind:list", in: session)
        try TestSession.run("export csv out.csv --force --view", in: session)
        let text = try String(contentsOf: directory.appendingPathComponent("out.csv"), encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 3, text)
    }

    func testExportRefusesToOverwriteWithoutForce() throws {
        try TestSession.run("export json out.json", in: session)
        XCTAssertEqual(
            TestSession.failure("export json out.json", in: session)?.message,
            "\(directory.path)/out.json exists; add --force to overwrite it")
        XCTAssertEqual(
            TestSession.failure("export pdf out.pdf", in: session)?.message,
            "FORMAT takes json, csv, md, html, notebook, qdc, qdpx, not 'pdf'")
    }

    /// Hand-checked: 10 units; this coder tags 1–5, the other 1–3 and 6.
    /// both 3, mine only 2, theirs only 1, neither 4 → agreement 0.7; p(mine)=0.5, p(theirs)=0.4,
    /// chance 0.5·0.4 + 0.5·0.6 = 0.5 → kappa (0.7 − 0.5)/(1 − 0.5) = 0.4.
    func testCohensKappaByHand() throws {
        let article = (1...10).map { "Paragraph number \($0) of the test article." }.joined(separator: "\n")
        let articleURL = directory.appendingPathComponent("ten.txt")
        try Data(article.utf8).write(to: articleURL)
        let mine = Session(baseDirectory: directory.path)
        try TestSession.run("load ten.txt", in: mine)
        try TestSession.run("tag s0.p1-5 theme", in: mine)
        try Data("load ten.txt\ntag s0.p1-3,s0.p6 theme\nexport json escape.json\n".utf8).write(
            to: directory.appendingPathComponent("other.gloss"))
        XCTAssertTrue(
            TestSession.failure("compare other.gloss", in: mine)?.message.contains("may not write") == true,
            "the sandbox cannot write")
        try Data("load ten.txt\ntag s0.p1-3,s0.p6 theme\n".utf8).write(
            to: directory.appendingPathComponent("other.gloss"))
        let output = try TestSession.run("compare other.gloss --json", in: mine)
        XCTAssertTrue(
            output.contains("\"both\": 3,\n      \"mineOnly\": 2,\n      \"theirsOnly\": 1,\n      \"neither\": 4"),
            output)
        XCTAssertTrue(output.contains("\"agreement\": 0.7"), output)
        XCTAssertTrue(output.contains("\"kappa\": 0.4"), output)
        let table = CoderAgreement.Table(both: 3, mineOnly: 2, theirsOnly: 1, neither: 4)
        XCTAssertEqual(table.kappa!, 0.4, accuracy: 1e-12)
        XCTAssertNil(
            CoderAgreement.Table(both: 0, mineOnly: 0, theirsOnly: 0, neither: 10).kappa,
            "undefined when nobody uses the tag")
        XCTAssertEqual(CoderAgreement.Table(both: 5, mineOnly: 0, theirsOnly: 0, neither: 5).kappa!, 1, accuracy: 1e-12)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("escape.json").path))
    }
}
