import Foundation
import XCTest

@testable import GlossCore

/// Commands over big documents and codebooks do work in proportion to them, and stop on Ctrl-C.
/// The sizes here took the quadratic versions minutes (outline of 20,000 sections, tags and
/// export md of 10,000 tags); each check is on what came out, never on time.
final class LinearWorkTests: XCTestCase {
    /// A Markdown article of `count` sections, each a heading and a passage.
    static func sections(_ count: Int) -> String {
        (0..<count).map { "## Section \($0)\n\nPassage \($0) about the council.\n" }.joined(separator: "\n")
    }

    func testOutlineAndShowOfTwentyThousandSections() throws {
        let session = TestSession.make([("long.md", Self.sections(20_000))])
        let outline = try TestSession.run("outline", in: session)
        XCTAssertEqual(outline.split(separator: "\n").count, 2 + 2 * 20_000)
        XCTAssertTrue(outline.hasSuffix("  s20000  Section 19999\n    s20000.p1  Passage 19999 about the council.\n"))
        XCTAssertEqual(try TestSession.run("outline --sections", in: session).split(separator: "\n").count, 2 + 20_000)
        XCTAssertEqual(try TestSession.run("show long:", in: session).split(separator: "\n").count, 1 + 3 * 20_000)
        // In a view every element is asked whether it is in view.
        try TestSession.run("filter /Passage 3\\d*9 /", in: session)
        let filtered = try TestSession.run("outline", in: session)
        XCTAssertTrue(filtered.contains("s3  Section 2\n    s3.p1  Passage 2") == false)
        XCTAssertTrue(filtered.contains("  s3400  Section 3399\n    s3400.p1  Passage 3399 about the council.\n"))
        XCTAssertEqual(filtered.split(separator: "\n").count, 2 + 2 * (1 + 10 + 100), "39, 3?9 and 3??9")
    }

    func testOutlineShowTagsAndExportsStopOnCtrlC() throws {
        let session = TestSession.make([("long.md", Self.sections(100))])
        try TestSession.run("tag s1 actor/council", in: session)
        session.cancel.raise()
        defer { session.cancel.reset() }
        for command in [
            "outline", "outline --sections", "show long:", "tags", "tags --json", "export md -", "kwic council",
        ] {
            XCTAssertEqual(session.execute(command).error?.message, "interrupted", command)
        }
    }

    /// A 10,000-tag codebook, two levels deep, coded on a few passages.
    private func bigCodebook() throws -> Session {
        let session = TestSession.make([("long.md", Self.sections(100))])
        for group in 0..<100 {
            let tags = (0..<100).map { "theme\(group)/code\(group * 100 + $0)" }.joined(separator: " ")
            try TestSession.run("tag s\(group + 1).p1 \(tags)", in: session)
        }
        try TestSession.run("mark s1.p1 \"council\" theme0/code7 theme99", in: session)
        return session
    }

    func testTagsAndExportMdOfTenThousandTags() throws {
        let session = try bigCodebook()
        let tags = try TestSession.run("tags", in: session).split(separator: "\n")
        XCTAssertEqual(tags.count, 10_100 + 1)
        // All of a theme's codes are on one passage: it counts once in the theme's total, with the mark.
        XCTAssertEqual(tags.first, "theme0      0  2")
        XCTAssertEqual(tags.first { $0.hasPrefix("  code7 ") }, "  code7     2  2", "a passage and a mark")
        XCTAssertEqual(tags.last, "10,100 tags · counts: direct, then including tags below")
        let json =
            try JSONSerialization.jsonObject(with: Data(try TestSession.run("tags --json", in: session).utf8))
            as? [[String: Any]]
        XCTAssertEqual(json?.count, 100)
        XCTAssertEqual((json?.last?["children"] as? [Any])?.count, 100)
        let report = try TestSession.run("export md -", in: session)
        XCTAssertEqual(report.components(separatedBy: "\n### ").count - 1, 10_000 + 1, "a section per tag in use")
        XCTAssertTrue(report.contains("| &nbsp;&nbsp;theme0/code7 | 2 | 2 |  |"), String(report.prefix(2_000)))
    }

    /// The codebook's tree and counts, worked out in one pass, against asking the annotations tag
    /// by tag on random codebooks (missing parents, marks, tags on sections and documents).
    func testCodebookSummaryAgreesWithCountingTagByTag() throws {
        var random = SystemRandomNumberGenerator()
        for round in 0..<30 {
            let session = TestSession.make([("long.md", Self.sections(12))])
            let names = ["a", "b", "A", "c"]
            func path() -> String {
                (0..<Int.random(in: 1...4, using: &random)).map { _ in names.randomElement(using: &random)! }.joined(
                    separator: "/")
            }
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                let target = [
                    "s\(Int.random(in: 1...12, using: &random)).p1", "s\(Int.random(in: 1...12, using: &random))",
                    "long:",
                ].randomElement(using: &random)!
                try TestSession.run("tag \(target) \(path()) \(path())", in: session)
                if Bool.random(using: &random) {
                    try TestSession.run(
                        "mark s\(Int.random(in: 1...12, using: &random)).p1 \"council\" \(path())", in: session)
                }
            }
            if round % 3 == 0, let some = session.workspace.annotations.tags.values.first(where: { $0.depth > 0 }) {
                // A codebook whose tag lost its parent (as none should, but the tree must not loop).
                try TestSession.run("tags delete \(Tag.parent(of: some.path)!) --force", in: session)
            }
            let annotations = session.workspace.annotations
            let summary = CodebookSummary(annotations)
            var expected: [(String, Int)] = []
            func walk(_ parent: String?, _ depth: Int) {
                for tag in annotations.children(of: parent) {
                    expected.append((tag.path, depth))
                    walk(tag.key, depth + 1)
                }
            }
            walk(nil, 0)
            XCTAssertEqual(summary.rows.map { "\($0.tag.path)@\($0.depth)" }, expected.map { "\($0.0)@\($0.1)" })
            for tag in annotations.tags.values {
                XCTAssertEqual(summary.directCount(tag.key), annotations.directCount(tag.key), tag.path)
                XCTAssertEqual(summary.totalCount(tag.key), annotations.totalCount(tag.key), tag.path)
                XCTAssertEqual(summary.children(of: tag.key).map(\.path), annotations.children(of: tag.key).map(\.path))
            }
        }
    }

    /// kwic keeps what a line shows of each match, whatever the passage: a passage of 100,000 words
    /// around each of its 5,000 matches keeps `--width` characters a side.
    func testKwicContextIsCutToTheWidth() throws {
        let words = (0..<100_000).map { $0 % 20 == 0 ? "council" : "word\($0 % 7)" }.joined(separator: " ")
        let session = TestSession.make([("one.txt", words + ".")])
        for width in [5, 40] {
            let json =
                (try JSONSerialization.jsonObject(
                    with: Data(try TestSession.run("kwic council --json --width \(width)", in: session).utf8))
                as? [[String: Any]])?
                .map { $0.compactMapValues { $0 as? String } }
            XCTAssertEqual(json?.count, 5_000)
            XCTAssertEqual(json?.map { $0["left"]!.count }.max(), width)
            XCTAssertEqual(json?.map { $0["right"]!.count }.max(), width)
            let beforeSecond = (1..<20).map { "word\($0 % 7)" }.joined(separator: " ") + " "
            XCTAssertEqual(json?[1]["left"], String(beforeSecond.suffix(width)))
        }
        let sorted = try TestSession.run("kwic council --sort right --width 12", in: session).split(separator: "\n")
        XCTAssertEqual(sorted.count, 5_001)
        XCTAssertEqual(sorted.last, "5,000 matches in 1 unit")
    }
}
