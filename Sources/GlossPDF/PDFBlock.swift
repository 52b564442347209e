import Foundation
import GlossCore

/// A block of a page in reading order: lines joined into a paragraph, a list item, a quote, code, a
/// heading or the title, or a table's rows.
struct PDFBlock {
    enum Kind: Equatable {
        case passage(PassageKind)
        case heading(Int)
        case title
        case table
    }

    var kind: Kind
    var lines: [PDFLine]
    /// A table's cells, row by row (its lines are all its cells' lines, row by row).
    var rows: [[String]] = []
    /// How many of the lines each row has.
    var rowLineCounts: [Int] = []

    var size: Double { lines.first?.size ?? 0 }
    var isBold: Bool { lines.first?.isBold ?? false }
    var page: Int { lines.first?.page ?? 1 }

    /// The flow's lines cut into blocks: a new block where the space between lines grows, the type
    /// changes, a list item starts, or a short line ending a sentence is followed by more text.
    static func blocks(of flow: [PDFLine], typography: PDFTypography) -> [PDFBlock] {
        guard let first = flow.first else { return [] }
        let left = flow.map(\.x0).min() ?? first.x0
        let right = flow.map(\.x1).max() ?? first.x1
        var groups: [[PDFLine]] = [[first]]
        for (previous, line) in zip(flow, flow.dropFirst()) {
            let pitch = typography.pitch(max(previous.size, line.size))
            let gap = line.y1 - previous.y1
            let shortEnd =
                previous.x1 < right - max(0.15 * (right - left), 3 * previous.size)
                && HeadingRule.endsSentence(previous.text[...])
            let indented =
                line.x0 > previous.x0 + line.size && HeadingRule.endsSentence(previous.text[...])
                && listMarker(previous.text) == nil
            let breaks =
                gap > pitch * 1.3 || gap < 0.3 * line.size
                || abs(line.size - previous.size) > 0.8 || line.isBold != previous.isBold
                || line.isMonospace != previous.isMonospace
                || listMarker(line.text) != nil || shortEnd || indented
            if breaks { groups.append([line]) } else { groups[groups.count - 1].append(line) }
        }
        return groups.map { classify($0, left: left, right: right, typography: typography) }
    }

    private static func classify(_ lines: [PDFLine], left: Double, right: Double, typography: PDFTypography) -> PDFBlock
    {
        let first = lines[0]
        if let title = typography.titleSize, abs(first.size - title) < 0.3 {
            return PDFBlock(kind: .title, lines: lines)
        }
        if lines.allSatisfy(\.isMonospace) { return PDFBlock(kind: .passage(.code), lines: lines) }
        if listMarker(first.text) != nil { return PDFBlock(kind: .passage(.list), lines: lines) }
        let text = lines.map(\.text).joined(separator: " ")
        if let level = typography.headingLevel(size: first.size, bold: first.isBold), lines.count <= 4,
            text.count <= 200,
            first.size >= typography.bodySize * 1.12 || !text.hasSuffix(".")
        {
            return PDFBlock(kind: .heading(level), lines: lines)
        }
        // A quote is set in from both sides; a line alone and centred (a byline) is not one.
        let indent = first.size * 1.5
        let centred = lines.count == 1 && abs((first.x0 - left) - (right - first.x1)) < 0.1 * (right - left)
        if lines.allSatisfy({ $0.x0 >= left + indent && $0.x1 <= right - indent }), !centred,
            lines.count > 1 || first.x0 >= left + 2 * indent
        {
            return PDFBlock(kind: .passage(.quote), lines: lines)
        }
        return PDFBlock(kind: .passage(.paragraph), lines: lines)
    }

    /// The text: lines joined by spaces (code by line ends), a word broken at a line's end made whole,
    /// a list item's marker dropped.
    func text(typography: PDFTypography) -> String {
        if kind == .passage(.code) { return lines.map(\.text).joined(separator: "\n") }
        var text = ""
        for line in lines {
            var part = Substring(line.text)
            if text.isEmpty, kind == .passage(.list), let marker = Self.listMarker(line.text) {
                part = part.dropFirst(marker)
            }
            if text.isEmpty {
                text = String(part)
            } else if text.hasSuffix("\u{AD}") {
                text = String(text.dropLast()) + part
            } else if text.hasSuffix("-"), text.dropLast().last?.isLetter == true, part.first?.isLowercase == true {
                text = typography.joinHyphenated(Substring(text), part)
            } else {
                text += " " + part
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The length of a list item's marker with the space after it ("• ", "3. ", "(b) "), nil when the
    /// text does not start with one.
    static func listMarker(_ text: String) -> Int? {
        let characters = Array(text.prefix(8))
        guard let first = characters.first else { return nil }
        if "•◦▪▫‣●○■□–—-*·".contains(first) {
            return characters.count > 1 && characters[1] == " " ? 2 : nil
        }
        var index = 0
        if first == "(" { index = 1 }
        let start = index
        while index < characters.count,
            characters[index].isNumber
                || (index - start < 2 && characters[index].isLetter && characters[index].isLowercase)
        {
            index += 1
        }
        guard index > start, index - start <= 3, index < characters.count - 1 else { return nil }
        guard characters[index] == "." || characters[index] == ")" else { return nil }
        // "a." alone is too often a word's end; letters count only in parentheses or before ")".
        if characters[start].isLetter, characters[index] == ".", first != "(" { return nil }
        guard characters[index + 1] == " " else { return nil }
        return index + 2
    }
}
