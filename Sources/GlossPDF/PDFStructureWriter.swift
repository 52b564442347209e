import Foundation
import GlossCore

/// Reports a PDF's pages to a `DocumentBuilder`, page after page: numbers the lines in reading order
/// (each page's body, then its footnotes) and starts a page at each page's first line; holds back the
/// last block of each flow, which the next flow (the next column, the next page) may continue; keeps
/// footnotes for the Notes section at the end.
struct PDFStructureWriter {
    private var builder: DocumentBuilder
    private let typography: PDFTypography
    private var nextLine = 1
    /// The last block of the previous flow and its lines' numbers.
    private var held: (block: PDFBlock, numbers: [Int])?
    private var footnotes: [(text: String, lines: LineRange)] = []

    init(builder: DocumentBuilder, typography: PDFTypography) {
        self.builder = builder
        self.typography = typography
    }

    mutating func add(_ page: PDFPage) {
        builder.startPage(atLine: nextLine)
        var flows: [[PDFBlock]] = []
        for item in PDFPageLayout(page.lines).items {
            switch item {
            case .flow(let lines): flows.append(PDFBlock.blocks(of: lines, typography: typography))
            case .table(let rows): flows.append([Self.table(rows)])
            }
        }
        var notes: [[PDFLine]] = []
        for index in flows.indices {
            let (body, foot) = splitFootnotes(flows[index], page: page)
            flows[index] = body
            notes += foot
        }
        for flow in flows {
            for (index, block) in flow.enumerated() {
                let numbers = number(block.lines.count)
                if index == 0, let previous = held, continues(previous.block, block) {
                    held?.block.lines += block.lines
                    held?.numbers += numbers
                    if flow.count > 1 { flushHeld() }
                    continue
                }
                flushHeld()
                if index == flow.count - 1, block.kind == .passage(.paragraph) || block.kind == .passage(.list) {
                    held = (block, numbers)
                } else {
                    emit(block, numbers: numbers)
                }
            }
        }
        for note in notes {
            let numbers = number(note.count)
            footnotes.append(
                (Self.footnoteText(note, typography: typography), LineRange(numbers.first!, numbers.last!)))
        }
    }

    mutating func finish() -> DocumentBuilder {
        flushHeld()
        for note in footnotes { builder.footnote(note.text, lines: note.lines) }
        return builder
    }

    private mutating func number(_ count: Int) -> [Int] {
        defer { nextLine += count }
        return Array(nextLine..<(nextLine + count))
    }

    private mutating func flushHeld() {
        if let held { emit(held.block, numbers: held.numbers) }
        held = nil
    }

    /// Whether a flow's first block goes on with the previous flow's last: a paragraph of the same type
    /// whose last line does not end a sentence, and no new list item.
    private func continues(_ previous: PDFBlock, _ block: PDFBlock) -> Bool {
        guard block.kind == .passage(.paragraph), let last = previous.lines.last, let first = block.lines.first else {
            return false
        }
        return abs(previous.size - block.size) < 0.8 && previous.isBold == block.isBold
            && !HeadingRule.endsSentence(last.text[...]) && PDFBlock.listMarker(first.text) == nil
    }

    private mutating func emit(_ block: PDFBlock, numbers: [Int]) {
        guard let first = numbers.first, let last = numbers.last else { return }
        let lines = LineRange(first, last)
        switch block.kind {
        case .title where !builder.hasTitle:
            builder.setTitle(block.text(typography: typography), lines: lines)
        case .title:
            builder.heading(block.text(typography: typography), level: 1, lines: lines)
        case .heading(let level):
            builder.heading(block.text(typography: typography), level: level, lines: lines)
        case .passage(let kind):
            let text = block.text(typography: typography)
            guard !text.isEmpty else { return }
            let asks =
                kind == .paragraph && builder.currentRole == .faq && text.count <= 200
                && HeadingRule.endsWithQuestionMark(text[...])
            builder.block(kind, text, lines: lines, asks: asks)
        case .table:
            var rows: [DocumentBuilder.TableRow] = []
            var offset = 0
            for (index, cells) in block.rows.enumerated() {
                let isHeader =
                    index == 0
                    && (block.lines.first?.isBold == true
                        || cells.first.map { SectionRole.classify(heading: $0) == .keyPoints } == true)
                rows.append(.init(cells: cells, line: numbers[min(offset, numbers.count - 1)], isHeader: isHeader))
                offset += block.rowLineCounts[index]
            }
            builder.table(rows, lines: lines)
        }
    }

    /// A table block: its rows' cells (a cell's lines joined) and its lines row by row.
    private static func table(_ rows: [[[PDFLine]]]) -> PDFBlock {
        var block = PDFBlock(kind: .table, lines: [])
        for row in rows {
            block.rows.append(row.map { cell in cell.map(\.text).joined(separator: " ") })
            let lines = row.flatMap { $0 }
            block.rowLineCounts.append(lines.count)
            block.lines += lines
        }
        return block
    }

    /// The footnotes at the end of a flow: blocks of small type in the lower half of the page, the first
    /// starting with a note's mark; each note's lines (a block holding several notes is cut at each mark).
    private func splitFootnotes(_ flow: [PDFBlock], page: PDFPage) -> (body: [PDFBlock], notes: [[PDFLine]]) {
        var start = flow.count
        while start > 0 {
            let block = flow[start - 1]
            guard case .passage = block.kind, block.size <= typography.bodySize * 0.9,
                let first = block.lines.first, first.y0 >= page.height * 0.5
            else { break }
            start -= 1
        }
        while start < flow.count, Self.noteMark(flow[start].lines[0].text) == nil { start += 1 }
        guard start < flow.count else { return (flow, []) }
        var notes: [[PDFLine]] = []
        for line in flow[start...].flatMap(\.lines) {
            if Self.noteMark(line.text) != nil || notes.isEmpty {
                notes.append([line])
            } else {
                notes[notes.count - 1].append(line)
            }
        }
        return (Array(flow[..<start]), notes)
    }

    /// The mark a footnote starts with ("[3]", "3", "3.", "*", "†"), as it will be written: "[3]".
    static func noteMark(_ text: String) -> (mark: String, length: Int)? {
        let characters = Array(text.prefix(6))
        guard let first = characters.first else { return nil }
        if first == "*" || first == "†" || first == "‡" { return (String(first), 1) }
        var index = first == "[" ? 1 : 0
        let start = index
        while index < characters.count, characters[index].isNumber { index += 1 }
        guard index > start, index - start <= 3 else { return nil }
        let digits = String(characters[start..<index])
        if first == "[" {
            guard index < characters.count, characters[index] == "]" else { return nil }
            return (digits, index + 1)
        }
        guard index < characters.count, characters[index] == " " || characters[index] == "." || characters[index] == ")"
        else { return nil }
        return (digits, index + (characters[index] == " " ? 0 : 1))
    }

    /// A footnote's text, its mark written `[3]` as in the body.
    private static func footnoteText(_ lines: [PDFLine], typography: PDFTypography) -> String {
        let text = PDFBlock(kind: .passage(.footnote), lines: lines).text(typography: typography)
        guard let (mark, length) = noteMark(text) else { return text }
        let rest = text.dropFirst(length).trimmingCharacters(in: .whitespaces)
        return "[\(mark)] " + rest
    }
}
