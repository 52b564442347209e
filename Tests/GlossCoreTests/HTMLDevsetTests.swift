import Foundation
import XCTest

@testable import GlossCore

/// The HTML reader on its dev set (Fixtures/HTML/devset, see its README): every page's outline and
/// metadata as expected, and the body's token 4-gram F1 over the set at least 0.96.
final class HTMLDevsetTests: XCTestCase {
    struct Page {
        let name: String
        let document: Document
        let expectedBody: String
        let outline: [String: Any]
    }

    nonisolated(unsafe) static let pages: [Page] = {
        guard let root = Bundle.module.url(forResource: "devset", withExtension: nil, subdirectory: "Fixtures/HTML")
        else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.sorted() ?? []
        return names.compactMap { name in
            let folder = root.appendingPathComponent(name)
            guard let bytes = try? Data(contentsOf: folder.appendingPathComponent("page.html")),
                let expected = try? String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8),
                let outlineData = try? Data(contentsOf: folder.appendingPathComponent("expected.outline.json")),
                let outline = try? JSONSerialization.jsonObject(with: outlineData) as? [String: Any]
            else { return nil }
            var builder = DocumentBuilder(format: .html)
            try? HTMLReader().read(ReaderSource(bytes: [UInt8](bytes), name: "page.html"), into: &builder)
            return Page(name: name, document: builder.finish(), expectedBody: expected, outline: outline)
        }
    }()

    func testTheDevSetIsThere() {
        XCTAssertGreaterThanOrEqual(Self.pages.count, 30)
    }

    func testBodyF1OverTheDevSetIsAtLeast096() {
        let scores = Self.pages.map {
            TokenShingles.counts(extracted: Self.body(of: $0.document), expected: $0.expectedBody)
        }
        let f1 = TokenShingles.benchmarkF1(scores)
        XCTAssertGreaterThanOrEqual(f1, 0.96, "dev-set F1 \(f1)")
        for (page, score) in zip(Self.pages, scores) where score.f1 < 0.9 {
            XCTFail("\(page.name): F1 \(score.f1)")
        }
    }

    func testOutlinesMatch() {
        for page in Self.pages {
            let document = page.document
            XCTAssertEqual(document.title, page.outline["title"] as? String, page.name)
            let expectedSections = (page.outline["sections"] as? [[String: Any]] ?? []).map(Self.describe)
            let actualSections = document.sections.enumerated().filter { $0.offset > 0 || !$0.element.passages.isEmpty }
                .map { Self.describe($0.element) }
            XCTAssertEqual(actualSections, expectedSections, page.name)
            XCTAssertEqual(document.faq.count, page.outline["faq"] as? Int, page.name)
            let expectedPoints = (page.outline["key_points"] as? [[String: Any]] ?? []).map {
                "\($0["label"] ?? "") = \($0["detail"] ?? "")"
            }
            XCTAssertEqual(document.keyPoints.map { "\($0.label) = \($0.detail)" }, expectedPoints, page.name)
        }
    }

    func testMetadataMatches() {
        for page in Self.pages {
            let document = page.document
            let expected = page.outline["metadata"] as? [String: Any] ?? [:]
            let authors = expected["authors"] as? [String] ?? []
            if !authors.isEmpty { XCTAssertEqual(document.metadataValues(.author), authors, "\(page.name) authors") }
            let fields: [(String, MetadataKey)] = [
                ("published", .published), ("modified", .modified), ("site_name", .site),
                ("canonical_url", .url), ("language", .language), ("description", .description),
            ]
            for (name, key) in fields {
                guard let value = expected[name] as? String else { continue }
                let actual = document.metadataValue(key)
                if key == .published || key == .modified {
                    XCTAssertEqual(actual, MetadataDate.normalized(value), "\(page.name) \(name)")
                } else {
                    XCTAssertEqual(actual, value, "\(page.name) \(name)")
                }
            }
        }
    }

    static func describe(_ expected: [String: Any]) -> String {
        let passages = (expected["passages"] as? [String: Int] ?? [:]).sorted { $0.key < $1.key }.map {
            "\($0.key) \($0.value)"
        }
        return
            "\(expected["heading"] as? String ?? "(lead)") h\(expected["level"] ?? 0) \(expected["role"] ?? "") [\(passages.joined(separator: ", "))]"
    }

    static func describe(_ section: Section) -> String {
        let counts = Dictionary(grouping: section.passages, by: \.kind.rawValue).mapValues(\.count)
        let passages = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        return
            "\(section.heading ?? "(lead)") h\(section.level) \(section.role.rawValue) [\(passages.joined(separator: ", "))]"
    }

    /// The body as `scripts/html-body` prints it: every unit but the title, in reading order, one a line.
    static func body(of document: Document) -> String {
        var lines: [String] = []
        DocumentUnits.forEachUnit(of: document, index: 0) { unit, text in
            if unit.kind != .title { lines.append(text.string) }
        }
        return lines.joined(separator: "\n")
    }
}
