import Foundation
import GlossCore

/// The articles of a text corpus (scripts/gen-corpus's, or any folder of .txt and .md files) read by
/// gloss and turned into chapters of blocks, handed out in order and from the start again when they
/// run out. A FAQ becomes paragraphs (question and answer together) and key points a table, so the
/// chapters hold plain sections only and every format reads back to the same counts.
struct ArticleSource {
    private var articles: [Document] = []
    private var next = 0
    private var paragraphCount = 0

    init(folder: String) throws {
        let base = SessionScriptPaths.absolute(folder)
        let parts =
            (try? FileManager.default.contentsOfDirectory(atPath: base))?.filter { $0.hasPrefix("part-") }.sorted()
            ?? []
        // The first part of a gen-corpus folder holds 25 MB of text, more than the largest size asks.
        let paths = parts.isEmpty ? [base] : [base + "/" + parts[0]]
        let candidates = try DocumentLoader.candidates(for: paths, baseDirectory: base)
            .filter { $0.path.hasSuffix(".txt") || $0.path.hasSuffix(".md") }
        articles = try DocumentLoader.load(candidates).documents
        guard !articles.isEmpty else { throw BenchError("no .txt or .md articles in \(folder)") }
    }

    /// Starts again from the first article, so every size is made of the same text.
    mutating func restart() {
        next = 0
        paragraphCount = 0
    }

    /// The next article as a chapter: its title as a level-1 heading, then its sections.
    mutating func nextChapter() -> [GeneratedDocument.Block] {
        let article = articles[next % articles.count]
        next += 1
        var blocks: [GeneratedDocument.Block] = [.heading(level: 1, text: article.title ?? "Article \(next)")]
        for (index, section) in article.sections.enumerated() {
            switch section.role {
            case .faq:
                blocks.append(.heading(level: 2, text: "Readers ask"))
                for entry in article.faq where entry.section == index {
                    blocks.append(paragraph(entry.question + " " + entry.answer))
                }
                continue
            case .keyPoints:
                blocks.append(.heading(level: 2, text: "The figures"))
                let rows = article.keyPoints.filter { $0.section == index }.map { [$0.label, $0.detail] }
                if !rows.isEmpty { blocks.append(.table([["Item", "Details"]] + rows)) }
                continue
            default:
                if let heading = section.heading { blocks.append(.heading(level: 2, text: heading)) }
            }
            var tableRows: [[String]] = []
            for passage in section.passages {
                if passage.kind == .tableRow {
                    tableRows.append(passage.text.components(separatedBy: " | "))
                    continue
                }
                if !tableRows.isEmpty {
                    blocks.append(.table(tableRows))
                    tableRows = []
                }
                blocks.append(passage.kind == .list ? .listItem(passage.text) : paragraph(passage.text))
            }
            if !tableRows.isEmpty { blocks.append(.table(tableRows)) }
        }
        return blocks
    }

    /// A paragraph; every ninth carries a footnote and every thirteenth a reviewer's comment.
    private mutating func paragraph(_ text: String) -> GeneratedDocument.Block {
        paragraphCount += 1
        let words = text.split(separator: " ").prefix(6).joined(separator: " ")
        let note = paragraphCount % 9 == 0 ? "Source: newsroom notes on “\(words)”, checked by the desk." : nil
        let comment = paragraphCount % 13 == 0 ? "Check the figures in this paragraph against the minutes." : nil
        return .paragraph(text: text, note: note, comment: comment)
    }
}
