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

    static var cases: [Case] { [
        Case(name: "empty file", file: "empty.txt", bytes: { [] }, expected: .parsed { XCTAssertEqual($0.passageCount, 0) }),
        Case(name: "whitespace only", file: "blank.txt", bytes: { utf8(" \n\t\n   \n\n") }, expected: .parsed { XCTAssertEqual($0.passageCount, 0) }),
        Case(name: "binary with NUL bytes", file: "binary.txt", bytes: { [0x47, 0x49, 0x46, 0x38, 0x00, 0x01, 0xFF] }, expected: .error("binary file (NUL byte at offset 4)")),
        Case(name: "UTF-8 BOM", file: "bom8.txt", bytes: { [0xEF, 0xBB, 0xBF] + utf8(paragraph) }, expected: .parsed { XCTAssertEqual($0.sections[0].passages.first?.text, paragraph) }),
        Case(name: "UTF-16 LE BOM", file: "bom16le.txt", bytes: { [0xFF, 0xFE] + Array(paragraph.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) }, expected: .parsed { XCTAssertEqual($0.sections[0].passages.first?.text, paragraph) }),
        Case(name: "UTF-16 BE BOM", file: "bom16be.txt", bytes: { [0xFE, 0xFF] + Array(paragraph.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) }, expected: .parsed { XCTAssertEqual($0.sections[0].passages.first?.text, paragraph) }),
        Case(name: "UTF-32 LE BOM", file: "bom32le.txt", bytes: { [0xFF, 0xFE, 0, 0] + paragraph.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } } }, expected: .parsed { XCTAssertEqual($0.sections[0].passages.first?.text, paragraph) }),
        Case(name: "UTF-32 BE BOM", file: "bom32be.txt", bytes: { [0, 0, 0xFE, 0xFF] + paragraph.unicodeScalars.flatMap { scalar in (0..<4).reversed().map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } } }, expected: .parsed { XCTAssertEqual($0.sections[0].passages.first?.text, paragraph) }),
        Case(name: "UTF-16 BOM with odd length", file: "bom16odd.txt", bytes: { [0xFF, 0xFE, 0x41] }, expected: .parsed { XCTAssertLessThanOrEqual($0.passageCount, 1) }),
        Case(name: "invalid UTF-8 at the start", file: "bad-start.txt", bytes: { [0xC3] + utf8(" " + paragraph) }, expected: .parsed { XCTAssertTrue($0.sections[0].passages[0].text.hasPrefix("Ã ")) }),
        Case(name: "invalid UTF-8 in the middle", file: "bad-middle.txt", bytes: { utf8("Caf") + [0xE9] + utf8(" au lait is served here.") }, expected: .parsed { XCTAssertEqual($0.sections[0].passages[0].text, "Café au lait is served here.") }),
        Case(name: "invalid UTF-8 at the end", file: "bad-end.txt", bytes: { utf8(paragraph) + [0xF0, 0x9F] }, expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
        Case(name: "overlong UTF-8", file: "overlong.txt", bytes: { utf8("A ") + [0xC0, 0xAF] + utf8(" B.") }, expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
        Case(name: "CR-only line endings", file: "cr.txt", bytes: { utf8("Title Here\r\rFirst paragraph of text.\r\rSecond paragraph of text.\r") }, expected: .parsed { XCTAssertEqual($0.title, "Title Here"); XCTAssertEqual($0.passageCount, 2) }),
        Case(name: "mixed line endings", file: "mixed.txt", bytes: { utf8("First paragraph of text.\r\nSecond paragraph of text.\rThird paragraph of text.\n") }, expected: .parsed { XCTAssertEqual($0.passageCount, 3) }),
        Case(name: "a 50 MB single line", file: "huge-line.txt", bytes: { Array(repeating: UInt8(ascii: "a"), count: 50_000_000) + utf8(" end.") }, expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
        Case(name: "200,000 one-word lines", file: "words.txt", bytes: { utf8((0..<200_000).map { "word\($0)." }.joined(separator: "\n")) }, expected: .parsed { XCTAssertEqual($0.passageCount, 200_000) }),
        Case(name: "a 10,000-row table", file: "table.txt", bytes: { utf8("| Name | Value |\n|---|---|\n" + (0..<10_000).map { "| row \($0) | \($0 * 7) |" }.joined(separator: "\n")) }, expected: .parsed { XCTAssertEqual($0.passageCount, 10_001) }),
        Case(name: "ragged table", file: "ragged.txt", bytes: { utf8("| a | b | c |\n|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 | 5 |\n") }, expected: .parsed { XCTAssertEqual($0.passageCount, 3) }),
        Case(name: "unterminated table rows", file: "open-table.txt", bytes: { utf8("| Key Points | Details\n|---\n| Cost | $1 billion\n| Vote") }, expected: .parsed { XCTAssertEqual($0.keyPoints.count, 2) }),
        Case(name: "deeply nested Markdown lists", file: "lists.md", bytes: { utf8((0..<300).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n")) }, expected: .parsed { XCTAssertGreaterThan($0.passageCount, 0) }),
        Case(name: "deeply nested Markdown quotes", file: "quotes.md", bytes: { utf8(String(repeating: ">", count: 5_000) + " deep") }, expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
        Case(name: "unclosed code fence", file: "fence.md", bytes: { utf8("# T\n\n```\ncode never closed\n") }, expected: .parsed { XCTAssertEqual($0.sections[0].passages.first?.kind, .code) }),
        Case(name: "front matter never closed", file: "front.md", bytes: { utf8("---\ntitle: x\nno end\n\nText here.\n") }, expected: .parsed { XCTAssertGreaterThan($0.passageCount, 0) }),
        Case(name: "right-to-left and mixed text", file: "rtl.txt", bytes: { utf8("قال المجلس إن الحاجز سيكلف 1.2 مليار دولار.\nThe council said שלום is hello.") }, expected: .parsed { XCTAssertEqual($0.passageCount, 2) }),
        Case(name: "bidirectional override characters", file: "bidi.txt", bytes: { utf8("Invoice total \u{202E}0001$ \u{202C}due today.") }, expected: .parsed { XCTAssertTrue($0.sections[0].passages[0].text.contains("\u{202E}")) }),
        Case(name: "combining marks and emoji sequences", file: "emoji.txt", bytes: { utf8("Cafe\u{0301} 👩🏽‍🚀 flags 🇫🇷 and Z̷̢̛a̸l̴g̵o text.") }, expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
        Case(name: "ANSI escape sequences", file: "ansi.txt", bytes: { utf8("Red \u{1B}[31malert\u{1B}[0m and a bell \u{07} and \u{1B}]0;title\u{07} here.") }, expected: .parsed { XCTAssertTrue($0.sections[0].passages[0].text.contains("\u{1B}")) }),
        Case(name: "other control characters", file: "controls.txt", bytes: { utf8("Tab\tform\u{0C}feed back\u{08}space del\u{7F} C1\u{85}\u{9B}31m end.") }, expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
        Case(name: "only a heading-like line", file: "heading.txt", bytes: { utf8("Just A Title") }, expected: .parsed { XCTAssertEqual($0.passageCount, 1) }),
        Case(name: "path with spaces and non-ASCII", file: "Année 2026 – brouillon ünï.txt", bytes: { utf8(paragraph) }, expected: .parsed { XCTAssertEqual($0.id, "année-2026-brouillon-ünï") }),
        Case(name: "Windows-1252 text", file: "cp1252.txt", bytes: { utf8("He said ") + [0x93] + utf8("no") + [0x94] + utf8(" loudly.") }, expected: .parsed { XCTAssertEqual($0.sections[0].passages[0].text, "He said “no” loudly.") }),
    ] }

    /// Files whose size says nothing of their length (/proc reports 0) are read to their end.
    func testFilesThatReportNoSizeAreReadWhole() throws {
        let path = "/proc/version"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("no \(path) here") }
        let expected = try XCTUnwrap(FileManager.default.contents(atPath: path))
        XCTAssertGreaterThan(expected.count, 1)
        XCTAssertEqual(try DocumentLoader.readBytes(path, name: "version"), [UInt8](expected))
    }

    func testEveryCaseLoadsOrFailsClearly() throws {
        XCTAssertGreaterThanOrEqual(Self.cases.count + 5, 30, "the matrix has at least 30 inputs with the special files")
        for testCase in Self.cases {
            let url = directory.appendingPathComponent(testCase.file)
            try Data(testCase.bytes()).write(to: url)
            let session = Session(baseDirectory: directory.path)
            let result = session.execute("load " + CommandLineTokenizer.quote(testCase.file))
            XCTAssertFalse(result.output.contains("\u{1B}"), "\(testCase.name): raw escape in output")
            switch testCase.expected {
            case .error(let fragment):
                let message = result.error?.message ?? ""
                XCTAssertTrue(message.contains(fragment), "\(testCase.name): \(message)")
                XCTAssertTrue(message.hasPrefix(testCase.file), "\(testCase.name): the error names the file: \(message)")
                XCTAssertFalse(message.contains("\n"), "\(testCase.name): one line")
                XCTAssertEqual(session.workspace.loadedDocumentCount, 0)
            case .parsed(let check):
                XCTAssertNil(result.error, "\(testCase.name): \(result.error?.message ?? "")")
                guard let index = session.workspace.loadedDocumentIndices.first else { continue }
                check(session.workspace.documents[index])
                // Reading it must not emit control sequences either (the 50 MB line is not printed whole).
                let show = testCase.file == "huge-line.txt" ? "show s0.p1 --json" : "show \(session.workspace.documents[index].id):"
                for command in [show, "outline", "find the OR a", "kwic /./ --width 5"] {
                    let output = session.execute(command)
                    XCTAssertFalse(output.output.contains("\u{1B}") || output.output.contains("\u{07}") || output.output.contains("\u{202E}"),
                                   "\(testCase.name): \(command) leaked a control character")
                }
            }
            try? FileManager.default.removeItem(at: url)
        }
    }

    func testSpecialFiles() throws {
        let session = Session(baseDirectory: directory.path)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("empty-folder"), withIntermediateDirectories: true)
        XCTAssertEqual(session.execute("load empty-folder").error?.message, "no \(ReaderRegistry.standard.extensionList) files found in empty-folder")
        XCTAssertEqual(mkfifo(directory.appendingPathComponent("pipe.txt").path, 0o644), 0)
        XCTAssertEqual(session.execute("load pipe.txt").error?.message, "pipe.txt: is a FIFO; gloss reads regular files only")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("loop-a.txt").path, withDestinationPath: "loop-b.txt")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("loop-b.txt").path, withDestinationPath: "loop-a.txt")
        XCTAssertEqual(session.execute("load loop-a.txt").error?.message, "loop-a.txt: too many levels of symbolic links (a symlink loop?)")
        XCTAssertEqual(session.execute("load missing.txt").error?.message, "missing.txt: no such file or directory")
        XCTAssertEqual(session.execute("load /dev/null").error?.message, "/dev/null: is a device; gloss reads regular files only")
        // A folder holding a symlink loop to itself is walked once.
        let folder = directory.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.paragraph.utf8).write(to: folder.appendingPathComponent("one.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("self").path, withDestinationPath: ".")
        XCTAssertNil(session.execute("load tree").error)
        XCTAssertEqual(session.workspace.loadedDocumentCount, 1)
        XCTAssertEqual(session.execute("load 'nothing*.txt'").error?.message, "nothing*.txt: no files match this pattern")
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
            ("undo 0", "N must be a number"),
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
        XCTAssertTrue(session.workspace.filters.isEmpty)
    }
}
