import XCTest

@testable import GlossCore

/// A compact, line-per-element dump of a document's structure, so a fixture test can compare the
/// whole structure at once and a failure shows exactly which element moved.
///
/// Long texts are shown as their first and last words (`head … tail`): the nothing-is-lost check
/// covers every character, the dump shows where each element starts and ends.
enum ReaderOutline {
    static func dump(_ document: Document) -> String {
        var lines: [String] = []
        for field in document.metadata { lines.append("meta \(field.key): \(field.value)") }
        if let title = document.title {
            lines.append("title \(document.titleLines?.description ?? "?"): \(abbreviated(title))")
        }
        for (index, section) in document.sections.enumerated() {
            if let heading = section.heading {
                let at = section.headingLines?.description ?? "?"
                lines.append("s\(index) \(section.role.rawValue) h\(section.level) \(at): \(abbreviated(heading))")
            } else {
                lines.append("s\(index) \(section.role.rawValue)")
            }
            for passage in section.passages {
                lines.append("  \(passage.kind.rawValue) \(passage.lines): \(abbreviated(passage.text))")
            }
        }
        for (index, entry) in document.faq.enumerated() {
            lines.append("q\(index + 1) s\(entry.section) \(entry.questionLines): \(abbreviated(entry.question))")
            let answerLines = entry.answerLines?.description ?? "none"
            lines.append("  answer \(answerLines): \(abbreviated(entry.answer))")
        }
        if !document.keyPointsHeader.isEmpty {
            lines.append("kp header: \(document.keyPointsHeader.joined(separator: " | "))")
        }
        for (index, point) in document.keyPoints.enumerated() {
            lines.append(
                "kp\(index + 1) s\(point.section) \(point.lines): \(point.label) = \(abbreviated(point.detail))")
        }
        return lines.joined(separator: "\n")
    }

    /// Compares a document's dump with the expected one, naming the first line that differs.
    static func assertDump(
        _ document: Document, equals expected: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let actual = dump(document)
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let index = zip(actualLines, expectedLines).prefix(while: { $0 == $1 }).count
        XCTFail(
            """
            outline differs at line \(index + 1)
              expected: \(index < expectedLines.count ? expectedLines[index] : "(end)")
              actual:   \(index < actualLines.count ? actualLines[index] : "(end)")
            whole outline:
            \(actual)
            """, file: file, line: line)
    }

    /// Short texts whole; longer ones as their first five and last three words. Newlines inside a
    /// text (FAQ answers, quotes, code) are shown as `⏎` so each element stays on one line.
    static func abbreviated(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: "⏎")
        let words = oneLine.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count > 10 else { return oneLine }
        return words.prefix(5).joined(separator: " ") + " … " + words.suffix(3).joined(separator: " ")
    }
}
