import XCTest

@testable import GlossCore

/// Table rows are split on bytes; the reference splits them as characters, unescaping as it goes, on
/// random rows of pipes, backslashes, ASCII and Unicode spaces, accents and combining marks.
final class PipeTableTests: XCTestCase {
    func testCellsMatchACharacterByCharacterSplit() {
        let pieces = [
            "|", "|", "|", "\\", "\\|", " ", "  ", "\t", "\u{A0}", "\u{2003}", "a", "Key", "é", "e\u{301}", "–", "1.5",
            "’", "\u{3000}", "x y",
        ]
        var random = ReferenceRandom(seed: 7)
        for _ in 0..<5_000 {
            var row = ""
            for _ in 0..<random.next(14) { row += pieces[random.next(pieces.count)] }
            XCTAssertEqual(PipeTable.cells(of: row[...]), Self.referenceCells(row), "row \(row.debugDescription)")
        }
    }

    func testKnownRows() {
        XCTAssertEqual(PipeTable.cells(of: "| Key Points | Detail |"), ["Key Points", "Detail"])
        XCTAssertEqual(PipeTable.cells(of: "  |a\\|b| c\\d |\\"), ["a|b", "c\\d", "\\"])
        XCTAssertEqual(PipeTable.cells(of: "| \u{A0}x\u{A0} | |"), ["x", ""])
        XCTAssertEqual(PipeTable.cells(of: "| a \\|"), ["a |"])
    }

    /// Splits on characters: `\|` is a pipe, another escaped character keeps its backslash; outer
    /// pipes dropped; each cell trimmed of whitespace characters.
    private static func referenceCells(_ row: String) -> [String] {
        var characters = Array(row.trimmingCharacters(in: .whitespacesAndNewlines))
        if characters.first == "|" { characters.removeFirst() }
        if characters.last == "|", !(characters.count >= 2 && characters[characters.count - 2] == "\\") {
            characters.removeLast()
        }
        var cells: [String] = []
        var current = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                if characters[index + 1] != "|" { current.append("\\") }
                current.append(characters[index + 1])
                index += 2
                continue
            }
            if character == "|" {
                cells.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
            } else {
                current.append(character)
            }
            index += 1
        }
        cells.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
        return cells
    }
}
