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
        bytes.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } == UInt8(ascii: "|")
    }

    init(lines: [PlainTextReader.Line]) {
        var parsed = lines.map { Row(cells: PipeTable.cells(of: $0.text), line: $0.number) }
        header = nil
        if parsed.count >= 2, PipeTable.isDelimiterRow(parsed[1].cells) {
            header = parsed[0]
            parsed.removeFirst(2)
        } else if let first = parsed.first, let cell = first.cells.first,
            SectionRole.classify(heading: cell) == .keyPoints
        {
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
        let trimmed = line.trimmingWhitespace()
        return trimmed.utf8.withContiguousStorageIfAvailable(cells(ofUTF8:))
            ?? Array(trimmed.utf8).withUnsafeBufferPointer(cells(ofUTF8:))
    }

    private static func cells(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var start = 0
        var end = bytes.count
        if start < end, bytes[start] == pipe { start += 1 }
        if start < end, bytes[end - 1] == pipe, !(end - start >= 2 && bytes[end - 2] == backslash) { end -= 1 }
        var cells: [String] = []
        cells.reserveCapacity(bytes[start..<end].reduce(1) { $0 + ($1 == pipe ? 1 : 0) })
        var cellStart = start
        var hasEscape = false
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == backslash {
                // The escaped byte is never a separator.
                hasEscape = true
                index += 2
                continue
            }
            if byte == pipe {
                cells.append(cell(UnsafeBufferPointer(rebasing: bytes[cellStart..<index]), hasEscape: hasEscape))
                cellStart = index + 1
                hasEscape = false
            }
            index += 1
        }
        cells.append(cell(UnsafeBufferPointer(rebasing: bytes[cellStart..<end]), hasEscape: hasEscape))
        return cells
    }

    /// A cell's text, trimmed; `\|` stands for a pipe (other backslashes are kept).
    private static func cell(_ bytes: UnsafeBufferPointer<UInt8>, hasEscape: Bool) -> String {
        if hasEscape {
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == backslash, index + 1 < bytes.count {
                    if bytes[index + 1] != pipe { unescaped.append(backslash) }
                    unescaped.append(bytes[index + 1])
                    index += 2
                } else {
                    unescaped.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: unescaped, as: UTF8.self).trimmingWhitespace()
        }
        // ASCII spaces are trimmed on the bytes; a cell that then starts or ends outside ASCII may
        // still have other whitespace there, and is trimmed as characters.
        var first = 0
        var last = bytes.count
        while first < last, Substring.isASCIIWhitespace(bytes[first]) { first += 1 }
        while last > first, Substring.isASCIIWhitespace(bytes[last - 1]) { last -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
        return first < last && (bytes[first] >= 0x80 || bytes[last - 1] >= 0x80) ? text.trimmingWhitespace() : text
    }

    private static let pipe = UInt8(ascii: "|")
    private static let backslash = UInt8(ascii: "\\")

    static func isDelimiterRow(_ cells: [String]) -> Bool {
        !cells.isEmpty
            && cells.allSatisfy { cell in
                var body = Substring(cell)
                if body.first == ":" { body = body.dropFirst() }
                if body.last == ":" { body = body.dropLast() }
                return !body.isEmpty && body.allSatisfy { $0 == "-" }
            }
    }
}
