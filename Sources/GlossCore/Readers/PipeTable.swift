/// A pipe table read from plain text: `| a | b |` rows, with an optional `|---|---|` delimiter row.
struct PipeTable {
    struct Row {
        var cells: [String]
        var line: Int
    }

    var header: Row?
    var rows: [Row]

    /// A line that belongs to a pipe table: it starts with `|` once indentation is ignored.
    static func isTableLine(_ line: Substring) -> Bool {
        line.utf8.first { $0 != 0x20 && $0 != 0x09 } == UInt8(ascii: "|")
    }

    init(lines: [PlainTextReader.Line]) {
        var parsed = lines.map { Row(cells: PipeTable.cells(of: $0.text), line: $0.number) }
        header = nil
        if parsed.count >= 2, PipeTable.isDelimiterRow(parsed[1].cells) {
            header = parsed[0]
            parsed.removeFirst(2)
        } else if let first = parsed.first, let cell = first.cells.first,
                  SectionRole.classify(heading: cell) == .keyPoints {
            header = first
            parsed.removeFirst()
        }
        rows = parsed.filter { !PipeTable.isDelimiterRow($0.cells) }
    }

    /// True when the table's first header cell names it a key-points table.
    var isKeyPointsTable: Bool {
        guard let first = header?.cells.first else { return false }
        return SectionRole.classify(heading: first) == .keyPoints
    }

    /// Splits a row on unescaped pipes, dropping the outer ones.
    static func cells(of line: Substring) -> [String] {
        var text = line.trimmingWhitespace()
        if text.first == "|" { text = text.dropFirst() }
        if text.last == "|", !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                if character != "|" { current.append("\\") }
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingWhitespace())
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current.trimmingWhitespace())
        return cells
    }

    static func isDelimiterRow(_ cells: [String]) -> Bool {
        !cells.isEmpty && cells.allSatisfy { cell in
            var body = Substring(cell)
            if body.first == ":" { body = body.dropFirst() }
            if body.last == ":" { body = body.dropLast() }
            return !body.isEmpty && body.allSatisfy { $0 == "-" }
        }
    }
}
