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
        isTableLine(utf8: line.utf8)
    }

    /// A table row's first byte after any indentation is `|`.
    static func isTableLine(utf8 bytes: some Sequence<UInt8>) -> Bool {
        bytes.first { $0 != 0x20 && $0 != 0x09 } == UInt8(ascii: "|")
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

    /// Splits a row on unescaped pipes, dropping the outer ones. Done on bytes: pipes and backslashes
    /// are ASCII, so they are never part of a longer UTF-8 sequence.
    static func cells(of line: Substring) -> [String] {
        let bytes = line.trimmingWhitespace().utf8Bytes
        var start = 0
        var end = bytes.count
        if start < end, bytes[start] == pipe { start += 1 }
        if start < end, bytes[end - 1] == pipe, !(end - start >= 2 && bytes[end - 2] == backslash) { end -= 1 }
        var cells: [String] = []
        var current: [UInt8] = []
        var escaped = false
        func finishCell() {
            cells.append(String(decoding: current, as: UTF8.self).trimmingWhitespace())
            current.removeAll(keepingCapacity: true)
        }
        for byte in bytes[start..<end] {
            if escaped {
                if byte != pipe { current.append(backslash) }
                current.append(byte)
                escaped = false
            } else if byte == backslash {
                escaped = true
            } else if byte == pipe {
                finishCell()
            } else {
                current.append(byte)
            }
        }
        if escaped { current.append(backslash) }
        finishCell()
        return cells
    }

    private static let pipe = UInt8(ascii: "|")
    private static let backslash = UInt8(ascii: "\\")

    static func isDelimiterRow(_ cells: [String]) -> Bool {
        !cells.isEmpty && cells.allSatisfy { cell in
            var body = Substring(cell)
            if body.first == ":" { body = body.dropFirst() }
            if body.last == ":" { body = body.dropLast() }
            return !body.isEmpty && body.allSatisfy { $0 == "-" }
        }
    }
}
