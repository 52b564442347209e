import XCTest

@testable import GlossCore

/// Every error the command parser gives, with the column it points at: for commands of words and for
/// query commands (whose options may stand anywhere in the query).
final class CommandParserErrorTests: XCTestCase {
    private let session = TestSession.make([
        ("harbor.txt", "Harbor\n\nThe council met.\n\nThe Money\n\nIt costs a lot.\n")
    ])

    func testEveryParserErrorSaysWhatAndWhere() {
        let cases: [(line: String, message: String, column: Int?)] = [
            ("fnd barrier", "unknown command 'fnd'; did you mean 'find'? (type 'help' for the list)", 1),
            (
                "tags renam a b",
                "unknown subcommand 'tags renam' (rename, delete, describe, color, import); did you mean 'rename'?", 6
            ),
            (
                "find barrier --limt 3",
                "unknown option '--limt' for find (options: --rank, --limit, --by, --sort, --json); did you mean '--limit'?",
                14
            ),
            ("tag s1.p1 x --color red", "unknown option '--color' for tag (tag takes no options)", 13),
            ("find barrier --rank --rank", "--rank is given twice", 21),
            ("outline --all --all", "--all is given twice", 15),
            ("find barrier --rank=yes", "--rank takes no value", 14),
            ("outline --json=1", "--json takes no value", 9),
            ("find barrier --limit", "--limit needs a value (N)", 14),
            ("mark s1.p1 \"council\" x --nth", "--nth needs a value (K)", 24),
            ("find barrier --limit 0", "--limit takes a number from 1 to 1000000, not '0'", 22),
            ("find barrier --limit=many", "--limit takes a number from 1 to 1000000, not 'many'", 22),
            ("kwic council --sort middle", "--sort takes left, right, doc, not 'middle'", 21),
            ("suggest --limit 0", "--limit takes a number from 1 to 1000000, not '0'", 17),
            ("export csv - --rows tags", "--rows takes elements, coding, not 'tags'", 21),
            ("kwic council --width 1000", "--width takes a number from 5 to 500, not '1000'", 22),
            ("mark s1.p1 \"council\" x --nth 0", "--nth takes a number from 1 to 100000, not '0'", 30),
            ("undo 0", "N takes a number from 1 to 100000, not '0'", 6),
            (
                "export yaml out.yaml",
                "FORMAT takes json, csv, md, html, notebook, qdc, qdpx, not 'yaml'; did you mean 'html'?", 8
            ),
            ("tag s1.p1", "missing TAG: usage: tag TARGETS TAG...", 10),
            ("note", "missing TARGETS: usage: note TARGETS TEXT", 5),
            ("use harbor extra", "unexpected 'extra': usage: use DOC", 12),
            (
                "find",
                "missing QUERY: usage: find QUERY [--rank] [--limit N] [--by doc] [--sort ORDER] [--json] (see help queries)",
                5
            ),
            ("tag s1.p1 \"unclosed", "unclosed quote", 11),
        ]
        for (line, message, column) in cases {
            let error = TestSession.failure(line, in: session)
            XCTAssertEqual(error?.message, message, line)
            XCTAssertEqual(error?.column, column, line)
        }
    }

    /// Declared values reach the command checked; a query command keeps its query's columns when an
    /// option stands inside it.
    func testOptionsInsideAQueryAreTakenOutInPlace() throws {
        let output = try TestSession.run("find council --limit 1 OR money", in: session)
        XCTAssertTrue(output.contains("2 results (showing 1)"), output)
        XCTAssertEqual(TestSession.failure("find council --limit 1 OR (money", in: session)?.column, 27)
    }
}
