import XCTest

@testable import GlossCore

/// Markdown nesting is cut at `MarkdownNesting.maximumDepth` levels of quotes and list items, the text
/// beyond kept; documents within the limit reach cmark unchanged.
final class MarkdownNestingTests: XCTestCase {
    let limit = MarkdownNesting.maximumDepth

    /// Where backslashes were put, as offsets into the original text.
    private func escapes(_ text: String) -> [Int] {
        var text = text
        return text.withUTF8 { MarkdownNesting.markersOverTheLimit($0, maximumDepth: limit) }
    }

    func testNestingWithinTheLimitIsLeftAlone() {
        let quotes = String(repeating: ">", count: limit) + " deep\nlazy line\n"
        XCTAssertEqual(MarkdownNesting.limited(quotes), quotes)
        let indentedList = (0..<limit).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(
            separator: "\n")
        XCTAssertEqual(MarkdownNesting.limited(indentedList), indentedList)
        let tabbedList = (0..<limit).map { String(repeating: "\t", count: $0) + "1. level \($0)" }.joined(
            separator: "\n")
        XCTAssertEqual(MarkdownNesting.limited(tabbedList), tabbedList)
        // A thematic break of bullets opens nothing, however long.
        let rule = String(repeating: "- ", count: 3 * limit) + "\n" + String(repeating: "*", count: 500)
        XCTAssertEqual(MarkdownNesting.limited(rule), rule)
        // Deep indentation after shallow nesting (code) continues nothing deeper than seen before.
        let code = "- item\n\n" + String(repeating: " ", count: 400) + "- - - x\n"
        XCTAssertEqual(MarkdownNesting.limited(code), code)
    }

    func testTheMarkerOverTheLimitIsEscaped() {
        XCTAssertEqual(escapes(String(repeating: ">", count: 3 * limit) + " x"), [limit])
        XCTAssertEqual(escapes(String(repeating: "- ", count: 3 * limit) + "x"), [2 * limit])
        // An ordered marker is escaped before its delimiter: `12\.` is text.
        XCTAssertEqual(
            MarkdownNesting.limited(String(repeating: "12. ", count: limit + 1) + "x"),
            String(repeating: "12. ", count: limit) + "12\\. x")
        // Each line that goes over is cut; a lazy line in between keeps the depth reached.
        let twice =
            String(repeating: ">", count: limit + 5) + " a\nlazy\n" + String(repeating: ">", count: limit + 5) + " b"
        let thirdLine = (limit + 5 + " a\n".utf8.count) + "lazy\n".utf8.count
        XCTAssertEqual(escapes(twice), [limit, thirdLine + limit])
        // Nesting built over many lines is cut too: the 101st level of an indented list.
        let indented = (0...limit).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n")
        XCTAssertEqual(escapes(indented).count, 1)
        XCTAssertTrue(
            MarkdownNesting.limited(indented).hasSuffix(String(repeating: "  ", count: limit) + "\\- level \(limit)"))
    }

    /// Each item of a 150-level list is a passage down to the limit; the deeper ones stay in the
    /// document as the text of the deepest.
    func testADeepListKeepsItsTextBelowTheLimit() {
        let text = (0..<150).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n")
        let document = MarkdownReader().read(text)
        let passages = document.sections[0].passages
        XCTAssertEqual(passages.count, limit)
        XCTAssertEqual(passages.first?.text, "level 0")
        let deepest = passages.last?.text ?? ""
        XCTAssertTrue(deepest.hasPrefix("level \(limit - 1)"), deepest)
        for level in limit..<150 { XCTAssertTrue(deepest.contains("- level \(level)"), "level \(level) lost") }
    }
}
