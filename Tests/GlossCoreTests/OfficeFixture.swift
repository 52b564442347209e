import Foundation
import GlossPDF
import XCTest

@testable import GlossCore

/// The office, e-book and PDF fixtures (Tests/GlossCoreTests/Fixtures/Office, made by
/// scripts/make-fixtures), read the way `load` reads a file: its bytes, through the reader the
/// registry picks for its name.
enum OfficeFixture {
    /// The readers of the gloss executable: the core's and PDF.
    static let withPDF = ReaderRegistry.standard + [PDFReader()]

    static func bytes(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
        let url = try XCTUnwrap(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/Office"),
            "missing fixture Office/\(name) (scripts/make-fixtures writes it)", file: file, line: line)
        return [UInt8](try Data(contentsOf: url))
    }

    /// A fixture read on its own, with its warnings.
    static func read(_ name: String, readers: ReaderRegistry = .standard) throws -> (
        document: Document, warnings: [String]
    ) {
        try read(bytes: try bytes(name), name: name, readers: readers)
    }

    static func read(bytes: [UInt8], name: String, readers: ReaderRegistry = .standard) throws -> (
        document: Document, warnings: [String]
    ) {
        let reader = readers.reader(forPath: name, bytes: bytes)
        var builder = DocumentBuilder(format: reader.format)
        try reader.read(ReaderSource(bytes: bytes, name: name), into: &builder)
        let warnings = builder.warnings
        return (builder.finish(), warnings)
    }

    /// A shared sample's document as its own (text or Markdown) reader reads it.
    static func sample(_ name: String) throws -> Document {
        try ReaderFixture(sample: name).document
    }
}

/// What two renderings of one article must share: the title, each section's heading, role, depth and
/// passages (kind and text), the FAQ entries and the key points. Lines and levels are left out: they
/// count differently in each format.
struct ComparableOutline: Equatable, CustomStringConvertible {
    var lines: [String] = []

    init(_ document: Document) {
        lines.append("title: \(document.title ?? "-")")
        for (index, section) in document.sections.enumerated() where index > 0 || !section.passages.isEmpty {
            lines.append(
                "s\(index) \(section.role.rawValue) depth \(document.depth(ofSection: index)): \(section.heading ?? "-")"
            )
            for passage in section.passages {
                lines.append("  \(passage.kind.rawValue): \(Self.squeezed(passage.text))")
            }
        }
        for entry in document.faq {
            lines.append("q s\(entry.section): \(entry.question) → \(Self.squeezed(entry.answer))")
        }
        if !document.keyPointsHeader.isEmpty {
            lines.append("kp header: \(document.keyPointsHeader.joined(separator: " | "))")
        }
        for point in document.keyPoints {
            lines.append("kp s\(point.section): \(point.label) = \(Self.squeezed(point.detail))")
        }
    }

    /// Whitespace runs as one space: hard-wrapped Markdown and a word processor's paragraph differ there only.
    static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    var description: String { lines.joined(separator: "\n") }

    /// Fails naming the first line where `actual` departs from `expected`.
    static func assertEqual(
        _ actual: ComparableOutline, _ expected: ComparableOutline, _ what: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard actual != expected else { return }
        let index = zip(actual.lines, expected.lines).prefix(while: { $0 == $1 }).count
        XCTFail(
            """
            \(what): outline differs at line \(index + 1)
              expected: \(index < expected.lines.count ? expected.lines[index] : "(end)")
              actual:   \(index < actual.lines.count ? actual.lines[index] : "(end)")
            """, file: file, line: line)
    }
}
