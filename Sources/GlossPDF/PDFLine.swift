import Foundation

/// A line of text on a page: glyphs on one baseline in one column (poppler's line, cut where a wide
/// gap shows two cells or columns side by side), with its box, its dominant font size and weight.
struct PDFLine {
    var text: String
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double
    /// The font size most of its characters have.
    var size: Double
    var isBold: Bool
    var isMonospace: Bool
    /// The page it is on, 1-based.
    var page: Int

    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }
    var centerY: Double { (y0 + y1) / 2 }

    /// The lines of a page, in poppler's order. A raised run of small digits (a footnote's mark) is
    /// written `[3]`; a gap wider than four characters' height splits a line in two.
    static func lines(of page: PDFPageGlyphs, number: Int) -> [PDFLine] {
        var lines: [PDFLine] = []
        var current: [PDFPageGlyphs.Glyph] = []
        func flush() {
            var start = 0
            for index in current.indices.dropFirst() {
                let gap = current[index].x0 - current[index - 1].x1
                let size = max(current[index].size, current[index - 1].size, 1)
                if gap > 4 * size || gap < -2 * size {
                    if let line = make(Array(current[start..<index]), page: number) { lines.append(line) }
                    start = index
                }
            }
            if let line = make(Array(current[start...]), page: number) { lines.append(line) }
            current = []
        }
        for glyph in page.glyphs {
            if glyph.scalar == "\n" {
                if !current.isEmpty { flush() }
            } else {
                current.append(glyph)
            }
        }
        if !current.isEmpty { flush() }
        return joiningListMarkers(lines)
    }

    /// A list's bullet or number set apart from its item's text (in its own font, a tab away) is a line
    /// of its own to poppler: it is put back in front of the text beside it.
    private static func joiningListMarkers(_ lines: [PDFLine]) -> [PDFLine] {
        let markers = lines.indices.filter { isMarkerOnly(lines[$0].text) }
        guard !markers.isEmpty else { return lines }
        var result = lines
        var removed: Set<Int> = []
        for index in markers {
            let marker = lines[index]
            let candidates = lines.indices.filter { other in
                other != index && !removed.contains(other) && !isMarkerOnly(lines[other].text)
                    && lines[other].x0 > marker.x1 - 1 && lines[other].x0 - marker.x1 < 6 * max(lines[other].size, 1)
                    && marker.centerY > lines[other].y0 && marker.centerY < lines[other].y1
            }
            guard let item = candidates.min(by: { lines[$0].x0 < lines[$1].x0 }) else { continue }
            result[item].text = marker.text + " " + result[item].text
            result[item].x0 = marker.x0
            removed.insert(index)
        }
        return result.indices.filter { !removed.contains($0) }.map { result[$0] }
    }

    /// A bullet, a dash or an item's number alone ("•", "–", "3.", "b)", "(iv)").
    private static func isMarkerOnly(_ text: String) -> Bool {
        guard text.count <= 5 else { return false }
        if text.count == 1, let first = text.first, "•◦▪▫‣●○■□–—-*·".contains(first) { return true }
        guard let last = text.last, last == "." || last == ")" else { return false }
        let body = text.dropLast().drop { $0 == "(" }
        return !body.isEmpty
            && (body.allSatisfy(\.isNumber) || (body.count <= 4 && body.allSatisfy { $0.isLetter && $0.isLowercase }))
    }

    /// A line of glyphs, or nil when it holds only whitespace.
    private static func make(_ glyphs: [PDFPageGlyphs.Glyph], page: Int) -> PDFLine? {
        let visible = glyphs.filter { !$0.scalar.properties.isWhitespace }
        guard !visible.isEmpty else { return nil }
        // Size and weight by the characters that carry them, most first.
        var sizes: [Double: Int] = [:]
        for glyph in visible { sizes[(glyph.size * 2).rounded() / 2, default: 0] += 1 }
        let size = sizes.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key ?? 0
        let bold = visible.filter { $0.flags & PDFPageGlyphs.bold != 0 }.count * 2 > visible.count
        let monospace = visible.filter { $0.flags & PDFPageGlyphs.monospace != 0 }.count * 2 > visible.count
        let bottom = visible.filter { abs($0.size - size) < 0.6 }.map(\.y1).max() ?? visible.map(\.y1).max()!

        var text = String.UnicodeScalarView()
        var index = 0
        while index < glyphs.count {
            let glyph = glyphs[index]
            if isRaisedMark(glyph, size: size, bottom: bottom) {
                var end = index
                var mark = String.UnicodeScalarView()
                while end < glyphs.count, isRaisedMark(glyphs[end], size: size, bottom: bottom) {
                    mark.append(glyphs[end].scalar)
                    end += 1
                }
                text.append("[")
                text.append(contentsOf: mark)
                text.append("]")
                index = end
                continue
            }
            text.append(glyph.scalar.properties.isWhitespace ? " " : glyph.scalar)
            index += 1
        }
        let string = String(text).trimmingCharacters(in: .whitespaces)
        return PDFLine(
            text: string, x0: visible.map(\.x0).min()!, y0: visible.map(\.y0).min()!,
            x1: visible.map(\.x1).max()!, y1: visible.map(\.y1).max()!, size: size,
            isBold: bold, isMonospace: monospace, page: page)
    }

    /// A digit (or `*`, `†`, `‡`) set small and raised above the line's baseline: a note's mark.
    private static func isRaisedMark(_ glyph: PDFPageGlyphs.Glyph, size: Double, bottom: Double) -> Bool {
        guard glyph.size > 0, glyph.size < size * 0.8, glyph.y1 < bottom - size * 0.2 else { return false }
        let value = glyph.scalar.value
        return (value >= 0x30 && value <= 0x39) || glyph.scalar == "*" || glyph.scalar == "†" || glyph.scalar == "‡"
    }
}
