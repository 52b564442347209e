import Foundation
import XCTest

/// Every control class a document, a file name or a script can carry, fed through every output path
/// of the binary: nothing may reach the terminal raw.
final class EscapeMatrixTests: XCTestCase {
    /// OSC 0 (title), clear screen, an answer-back request, an OSC 52 clipboard write, BEL, a C1 CSI,
    /// a bidi override, a zero-width space.
    static let payloads = [
        "\u{1B}]0;pwned\u{7}", "\u{1B}[2J", "\u{1B}[6n", "\u{1B}]52;c;cHduZWQ=\u{7}", "\u{7}", "\u{9B}31m", "\u{202E}",
        "\u{200B}",
    ]
    static let hostile = payloads.joined()

    /// Bytes that must never appear: ESC, BEL, C1 controls (as UTF-8), bidi overrides and isolates.
    static func rawControls(in text: String) -> [String] {
        var found: [String] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x1B, 0x07, 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1A, 0x1C...0x1F, 0x7F...0x9F, 0x202A...0x202E,
                0x2066...0x2069:
                found.append(String(format: "U+%04X", scalar.value))
            default:
                break
            }
        }
        return found
    }

    private func project() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let article = """
            Harbor \(Self.hostile) Vote

            The council \(Self.hostile) postponed its vote on the barrier by a week.

            Fishing crews asked for a schedule \(Self.hostile) of openings.

            The Money \(Self.hostile)

            The barrier would cost 1.3 billion dollars \(Self.hostile) over ten years.

            Frequently Asked Questions

            What does the barrier \(Self.hostile) cost?

            About 1.3 billion \(Self.hostile) dollars.

            | Key Points | Details |
            |---|---|
            | Cost \(Self.hostile) | 1.3 billion \(Self.hostile) |
            """
        try directory.write("articles/evil\u{1B}[2J\u{7}\u{202E}name.txt", article)
        try directory.write("articles/new\nline.txt", "A title\n\nA paragraph.\n")
        try directory.write("articles/binary\u{1B}]0;x\u{7}.txt", "\u{0}\u{0}\u{0}binary")
        return directory
    }

    func testNoOutputPathLetsAControlCharacterThrough() throws {
        let directory = try project()
        let evilName = "evil\u{1B}[2J\u{7}\u{202E}name.txt"
        let script = """
            load articles/
            docs
            docs --json
            use \(Self.idOf(evilName))
            outline
            outline --json
            show s1.p1 s2 q1 kp1
            show s1.p1 --json
            find barrier
            find barrier --json
            kwic barrier
            kwic barrier --json
            stats
            tag s1.p1 cost
            note s1.p1 "a note \(Self.hostile)"
            mark s1.p1 "council \(Self.hostile) postponed" quote
            tags describe cost "the \(Self.hostile) cost"
            tags
            tags --json
            notes
            marks
            cooc
            history
            export csv -
            export md -
            export notebook -
            export json -
            export html -
            show s9\(Self.hostile)
            """
        try directory.write("matrix.gloss", script)
        let result = try GlossProcess.run(["run", "matrix.gloss", "--keep-going"], in: directory.url)
        XCTAssertTrue(result.stdout.contains("postponed"), result.stdout)
        XCTAssertTrue(
            result.stderr.contains("skipped"), "the binary file is skipped with a warning naming it:\n" + result.stderr)
        XCTAssertEqual(Self.rawControls(in: result.stdout), [], "stdout:\n" + result.stdout)
        XCTAssertEqual(Self.rawControls(in: result.stderr), [], "stderr:\n" + result.stderr)
        XCTAssertFalse(
            result.stderr.contains("new\nline"), "a newline in a file name is shown escaped:\n" + result.stderr)

        // Replay chains and argument errors name hostile files too.
        try directory.write("outer.gloss", "replay \"inner\(Self.hostile).gloss\"\n")
        let chain = try GlossProcess.run(["run", "outer.gloss"], in: directory.url)
        XCTAssertEqual(chain.status, 1)
        XCTAssertEqual(Self.rawControls(in: chain.stderr), [], chain.stderr)
        let arguments = try GlossProcess.run(
            ["run", "missing\(Self.hostile).gloss", "--set", "x\(Self.hostile)"], in: directory.url)
        XCTAssertNotEqual(arguments.status, 0)
        XCTAssertEqual(Self.rawControls(in: arguments.stderr + arguments.stdout), [], arguments.stderr)
        let badSet = try GlossProcess.run(["run", "matrix.gloss", "--set", "\(Self.hostile)"], in: directory.url)
        XCTAssertEqual(Self.rawControls(in: badSet.stderr + badSet.stdout), [], badSet.stderr)

        // A resume that stops names its journal line's content.
        _ = try GlossProcess.commands(
            "note s1.p1 \"x\(Self.hostile)\"\n", files: ["articles/" + evilName], in: directory.url)
        let journal = directory.url.appendingPathComponent(".state/gloss/journal")
        let name = try XCTUnwrap(
            try FileManager.default.contentsOfDirectory(atPath: journal.path).first { $0.hasSuffix(".journal") })
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: journal.appendingPathComponent(name).path))
        handle.seekToEndOfFile()
        handle.write(Data("show s99\(Self.hostile)\ntag s1 y\nnote s1 \"cut \(Self.hostile)".utf8))
        try handle.close()
        let resumed = try GlossProcess.run(["--resume"], stdin: "", in: directory.url)
        XCTAssertEqual(Self.rawControls(in: resumed.stderr + resumed.stdout), [], resumed.stderr)

        // Files written to disk keep every byte.
        try directory.write("files.gloss", "load \"articles/\(evilName)\"\ntag s1.p1 x\nexport csv out.csv\n")
        XCTAssertEqual(try GlossProcess.run(["run", "files.gloss"], in: directory.url).status, 0)
        XCTAssertTrue(try directory.read("out.csv").contains(Self.payloads[0]))
    }

    /// The id gloss gives a file name (lowercase letters and digits, the rest as `-`).
    private static func idOf(_ name: String) -> String {
        let stem = name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
        var id = ""
        var dash = false
        for character in stem.lowercased() {
            if character.isLetter || character.isNumber {
                if dash && !id.isEmpty { id.append("-") }
                dash = false
                id.append(character)
            } else {
                dash = true
            }
        }
        return id
    }
}
