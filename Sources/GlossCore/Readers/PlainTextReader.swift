/// Reads plain-text articles: one paragraph per line, or wire-style paragraphs separated by blank
/// lines (hard-wrapped lines of one paragraph are joined). Headings follow `HeadingRule`.
public struct PlainTextReader: TextDocumentReader {
    public init() {}

    public var name: String { "plain-text" }
    public var summary: String {
        "one paragraph per line or paragraphs between blank lines; headings by their shape, pipe tables, lists"
    }
    public var extensions: [String] { ["txt"] }
    public var mediaTypes: [String] { ["text/plain"] }
    public var format: DocumentFormat { .wire }

    /// A line with its 1-based number, trailing whitespace removed, and facts about it computed once
    /// (the reader asks them many times).
    struct Line {
        var number: Int
        var text: Substring
        /// Length in characters.
        var width: Int
        var isTable: Bool
        var isBullet: Bool

        /// The line's UTF-8 without its indentation, when that is ASCII whitespace followed by an ASCII
        /// character (the end was trimmed when the line was made); nil when other whitespace may lead
        /// it, or its bytes are not contiguous.
        func withTrimmedUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
            text.utf8.withContiguousStorageIfAvailable { bytes -> Result? in
                var start = 0
                while start < bytes.count, Substring.isASCIIWhitespace(bytes[start]) { start += 1 }
                guard start == bytes.count || bytes[start] < 0x80 else { return nil }
                return body(UnsafeBufferPointer(rebasing: bytes[start...]))
            } ?? nil
        }

        /// `mayBeBullet` false says the line's first byte already ruled a bullet out.
        init(number: Int, text: Substring, width: Int? = nil, isTable: Bool? = nil, mayBeBullet: Bool = true) {
            self.number = number
            self.text = text
            self.width = width ?? text.characterCount
            self.isTable = isTable ?? PipeTable.isTableLine(text)
            isBullet = !self.isTable && mayBeBullet && PlainTextReader.isBulletLine(text)
        }
    }

    /// A block-level piece of the file before it is known to be a heading, a passage or a FAQ part.
    struct Unit {
        enum Shape { case text, bullet, table }
        var shape: Shape
        var lines: [Line]
        /// A blank line (or the end of the file) follows the unit.
        var blankAfter: Bool

        var isSingleLine: Bool { lines.count == 1 }
        var range: LineRange { LineRange(lines.first!.number, lines.last!.number) }
        var text: String {
            if lines.count == 1 { return String(lines[0].text.trimmingWhitespace()) }
            return withText { String(decoding: $0, as: UTF8.self) }
        }

        /// The UTF-8 of `text`, without making a String: a passage goes straight into the arena.
        func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            if lines.count == 1, let result = lines[0].withTrimmedUTF8(body) { return result }
            // Joined on bytes: joined(separator:) over substrings is a measurable share of a load.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(lines.reduce(lines.count) { $0 + $1.text.utf8.count })
            for (index, line) in lines.enumerated() {
                if index > 0 { bytes.append(shape == .table ? 0x0A : 0x20) }
                if line.withTrimmedUTF8({ bytes.append(contentsOf: $0) }) == nil {
                    bytes.appendUTF8(of: line.text.trimmingWhitespace())
                }
            }
            return bytes.withUnsafeBufferPointer(body)
        }
    }

    /// Reads a document on its own.
    public func read(_ text: String) -> Document {
        var builder = DocumentBuilder(format: format)
        read(text: text, into: &builder)
        return builder.finish()
    }

    public func read(text: String, into builder: inout DocumentBuilder) {
        let blocks = Self.blocks(of: text)
        let wrapWidth = Self.wrapWidth(of: blocks)
        var units: [Unit] = []
        units.reserveCapacity(blocks.reduce(0) { $0 + $1.count })
        for block in blocks { units += Self.units(of: block, wrapWidth: wrapWidth) }
        builder.format = blocks.count > 1 ? .wire : .linePerParagraph
        guard !units.isEmpty else { return }
        let shapes = units.map(UnitShape.init)

        var start = 0
        // A heading-shaped first line set off by a blank line is the title (the wire convention).
        if units.count > 1, units[0].shape == .text, units[0].isSingleLine, units[0].blankAfter,
            HeadingRule.isHeadingShaped(units[0].lines[0].text)
        {
            builder.setTitle(units[0].text, lines: units[0].range)
            start = 1
        }

        var index = start
        while index < units.count {
            let unit = units[index]
            switch unit.shape {
            case .table:
                let table = PipeTable(lines: unit.lines)
                var rows =
                    table.header.map { [DocumentBuilder.TableRow(cells: $0.cells, line: $0.line, isHeader: true)] }
                    ?? []
                rows += table.rows.map { DocumentBuilder.TableRow(cells: $0.cells, line: $0.line) }
                builder.table(rows, lines: unit.range)
            case .bullet:
                unit.withText { builder.block(.list, utf8: $0, lines: unit.range) }
            case .text:
                let inFAQ = builder.currentRole == .faq
                if !builder.awaitsAnswer, isHeading(at: index, in: shapes, firstBodyUnit: start, inFAQ: inFAQ) {
                    builder.heading(unit.text, level: 1, lines: unit.range)
                } else {
                    let kind: PassageKind =
                        isInRunOfShortLines(at: index, in: shapes, firstBodyUnit: start, inFAQ: inFAQ)
                        ? .list : .paragraph
                    // A unit asks when its first line ends with a question mark.
                    let asks = inFAQ && HeadingRule.endsWithQuestionMark(unit.lines[0].text[...])
                    unit.withText { builder.block(kind, utf8: $0, lines: unit.range, asks: asks) }
                }
            }
            index += 1
        }
    }

    // MARK: - Headings

    /// What the heading rules need to know about a unit, worked out once.
    struct UnitShape {
        /// One heading-shaped text line (rule 1).
        var headingShaped = false
        var isQuestion = false
        var titleCased = false
        /// A heading with a known role (Summary, FAQ, Key Points).
        var hasKnownRole = false

        init(_ unit: Unit) {
            guard unit.shape == .text, unit.isSingleLine, HeadingRule.isHeadingShaped(unit.lines[0].text) else {
                return
            }
            let line = unit.lines[0].text
            headingShaped = true
            isQuestion = HeadingRule.endsWithQuestionMark(line)
            titleCased = isQuestion && HeadingRule.isTitleCased(line)
            hasKnownRole = SectionRole.classify(heading: unit.text) != .body
        }

        /// Rules 1 and 2: heading-shaped, and a question only when title-cased and outside a FAQ.
        func isCandidate(inFAQ: Bool) -> Bool {
            headingShaped && (!isQuestion || (!inFAQ && titleCased))
        }
    }

    /// Rule 3 of `HeadingRule`: a candidate followed by content and not part of a run of candidates.
    private func isHeading(at index: Int, in shapes: [UnitShape], firstBodyUnit: Int, inFAQ: Bool) -> Bool {
        guard index + 1 < shapes.count, shapes[index].isCandidate(inFAQ: inFAQ) else { return false }
        if shapes[index].hasKnownRole { return true }
        return !isInRunOfShortLines(at: index, in: shapes, firstBodyUnit: firstBodyUnit, inFAQ: inFAQ)
    }

    /// True when the unit and a neighbour are both heading-shaped lines (a list of short lines).
    private func isInRunOfShortLines(at index: Int, in shapes: [UnitShape], firstBodyUnit: Int, inFAQ: Bool) -> Bool {
        guard shapes[index].isCandidate(inFAQ: inFAQ), !shapes[index].hasKnownRole else { return false }
        func isRunNeighbour(_ neighbour: Int) -> Bool {
            guard neighbour >= firstBodyUnit, neighbour < shapes.count else { return false }
            return shapes[neighbour].isCandidate(inFAQ: inFAQ) && !shapes[neighbour].hasKnownRole
        }
        return isRunNeighbour(index - 1) || isRunNeighbour(index + 1)
    }

    // MARK: - Blocks

    /// Runs of non-blank lines.
    ///
    /// Lines are found and measured on the bytes of the whole text, in one pass: trailing ASCII spaces
    /// trimmed, the width counted, a table told by its first byte. A line whose last character may be
    /// other whitespace (not ASCII, nor a scalar that stands alone) is trimmed as characters instead.
    static func blocks(of text: String) -> [[Line]] {
        struct Measured {
            var number: Int
            var range: Range<Int>
            /// False when the line must be trimmed as characters (the range is then untrimmed).
            var trimmed: Bool
            var width: Int?
            var isTable: Bool
            var mayBeBullet: Bool
        }
        var text = text
        let measured = text.withUTF8 { bytes in
            StringBytes.lineRanges(bytes).enumerated().map { index, range -> Measured in
                var end = range.upperBound
                while end > range.lowerBound, Substring.isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<end])
                guard Substring.endsWithoutWhitespace(line) else {
                    return Measured(
                        number: index + 1, range: range, trimmed: false, width: nil, isTable: false, mayBeBullet: true)
                }
                return Measured(
                    number: index + 1, range: range.lowerBound..<end, trimmed: true,
                    width: StringBytes.standaloneScalarCount(line), isTable: PipeTable.isTableLine(utf8: line),
                    mayBeBullet: mayStartBullet(line))
            }
        }
        var blocks: [[Line]] = []
        var current: [Line] = []
        current.reserveCapacity(min(measured.count, 64))
        for line in measured {
            let slice = text.slice(utf8: line.range)
            let kept: Line?
            if line.trimmed {
                kept =
                    slice.isEmpty
                    ? nil
                    : Line(
                        number: line.number, text: slice, width: line.width, isTable: line.isTable,
                        mayBeBullet: line.mayBeBullet)
            } else {
                let trimmed = slice.trimmingTrailingWhitespace()
                kept = trimmed.trimmingWhitespace().isEmpty ? nil : Line(number: line.number, text: trimmed)
            }
            if let kept {
                // Leading indentation is kept: it can matter to bullets and tables.
                current.append(kept)
            } else if !current.isEmpty {
                // Copied at its size, so `current` keeps its buffer for the next block (growing a
                // fresh array line by line was a share of a load).
                blocks.append(Array(current[...]))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    // MARK: - Hard wrapping

    /// The width the document's paragraphs were hard-wrapped at, or nil when they were not.
    ///
    /// Wrapping shows where a long line (at least 60% of its block's longest) breaks mid-sentence: it
    /// ends without sentence punctuation, the next line is text, and either the line could not be a
    /// heading (a bullet's marker ignored) or the next line starts in lowercase. Short paragraphs
    /// written one per line each end with a sentence, so they never show wrapping. Only blocks whose
    /// longest line is 30 to 120 characters count. A story is wrapped at one width throughout, so the
    /// width is the median of those blocks' longest lines: one overlong line does not move it.
    static func wrapWidth(of blocks: [[Line]]) -> Int? {
        let widths = blocks.filter(showsWrapping).map(textWidth(of:)).sorted()
        return widths.isEmpty ? nil : widths[(widths.count - 1) / 2]
    }

    static func showsWrapping(_ block: [Line]) -> Bool {
        let width = textWidth(of: block)
        guard (30...120).contains(width) else { return false }
        return block.indices.dropLast().contains { index in
            let line = block[index]
            let next = block[index + 1].text
            guard !line.isTable, isLong(line, width: width), !HeadingRule.endsSentence(line.text),
                !block[index + 1].isTable, !block[index + 1].isBullet
            else { return false }
            let content = bulletItemText(line.text) ?? line.text
            return !HeadingRule.isHeadingShaped(content) || next.trimmingWhitespace().first?.isLowercase == true
        }
    }

    /// The longest line of a block, tables aside.
    static func textWidth(of block: [Line]) -> Int {
        var widest = 0
        for line in block where !line.isTable { widest = max(widest, line.width) }
        return widest
    }

    static func isLong(_ line: Line, width: Int) -> Bool {
        line.width * 10 >= width * 6
    }

    // MARK: - Units

    /// Splits a block into tables, bullet items and text units.
    ///
    /// In a hard-wrapped document (`wrapWidth`), a block whose lines are at most 120 characters is
    /// read as wrapped, measured against the wider of its own longest line and the document's width:
    /// a long line continues into the next, as a wrapped paragraph does, and a shorter line ends its
    /// paragraph. So a paragraph whose only break happens to fall after a sentence is still joined,
    /// while a short question line and its answer stay apart. A paragraph never wraps into a list, so
    /// a line does not continue into two short heading-shaped lines in a row (`HeadingRule` rule 3).
    /// Otherwise every line is its own unit.
    static func units(of block: [Line], wrapWidth: Int?) -> [Unit] {
        let ownWidth = textWidth(of: block)
        let width = max(ownWidth, wrapWidth ?? 0)
        let textLineCount = block.reduce(0) { $0 + ($1.isTable ? 0 : 1) }
        let hardWrapped = wrapWidth != nil && ownWidth <= 120 && textLineCount >= 2
        func isShortLine(at index: Int) -> Bool {
            guard index < block.count else { return false }
            let line = block[index]
            return !line.isTable && !line.isBullet && !isLong(line, width: width)
                && HeadingRule.isHeadingShaped(line.text)
        }
        var units: [Unit] = []
        units.reserveCapacity(block.count)
        var index = 0
        while index < block.count {
            let line = block[index]
            if line.isTable {
                let first = index
                index += 1
                while index < block.count, block[index].isTable { index += 1 }
                units.append(Unit(shape: .table, lines: Array(block[first..<index]), blankAfter: false))
                continue
            }
            let shape: Unit.Shape = line.isBullet ? .bullet : .text
            let first = index
            index += 1
            if hardWrapped {
                while index < block.count, isLong(block[index - 1], width: width) {
                    let next = block[index]
                    if next.isTable || next.isBullet { break }
                    if isShortLine(at: index) && isShortLine(at: index + 1) { break }
                    index += 1
                }
            }
            units.append(Unit(shape: shape, lines: Array(block[first..<index]), blankAfter: false))
        }
        if !units.isEmpty { units[units.count - 1].blankAfter = true }
        return units
    }

    /// False when the line's first byte after indentation starts none of the markers of
    /// `bulletItemText` (most lines start with a letter); the same first test, on bytes.
    static func mayStartBullet(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let byte = line.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return true }
        return byte >= 0x80 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+")
            || (0x30...0x39).contains(byte)
    }

    /// `- item`, `* item`, `• item`, `+ item`, `1. item`, `1) item`.
    static func isBulletLine(_ line: Substring) -> Bool {
        bulletItemText(line) != nil
    }

    /// The text of a bullet line after its marker, or nil when the line is not a bullet.
    static func bulletItemText(_ line: Substring) -> Substring? {
        // Most lines start with a letter, which no marker does.
        if let ruledOut = line.utf8.withContiguousStorageIfAvailable({ !mayStartBullet($0) }), ruledOut { return nil }
        let text = line.trimmingWhitespace()
        guard let first = text.first else { return nil }
        if "-*•+–".contains(first) {
            return text.dropFirst().first == " " ? text.dropFirst(2) : nil
        }
        let digits = text.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = text.dropFirst(digits.count)
        return (rest.first == "." || rest.first == ")") && rest.dropFirst().first == " " ? rest.dropFirst(2) : nil
    }
}
