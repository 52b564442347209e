/// Puts a page's lines in reading order: full-width stretches top to bottom, and where lines stand side
/// by side, either two columns of text (the left column, then the right) or a table (rows of cells).
///
/// poppler's own order reads tables column by column, so the order is worked out here from the lines'
/// boxes. A second column shows as a run of lines starting at the same x far right of the left margin;
/// the stretch of page where such lines are is a band of columns. The band is text in columns when both
/// sides are about equally full lines, else a table: its columns are where its lines start, and a row
/// begins where cells start side by side.
struct PDFPageLayout {
    /// A piece of the page in reading order.
    enum Item {
        /// Lines of one flow (a column's or the full width's), top to bottom.
        case flow([PDFLine])
        /// Rows of cells, each cell's lines top to bottom.
        case table([[[PDFLine]]])
    }

    let lines: [PDFLine]

    init(_ lines: [PDFLine]) {
        self.lines = lines.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    }

    var items: [Item] {
        guard lines.count > 1 else { return lines.isEmpty ? [] : [.flow(lines)] }
        let left = margin()
        let width = (lines.map(\.x1).max() ?? 0) - left
        guard let gutter = secondColumnStart(left: left, width: width) else { return [.flow(lines)] }

        // Lines right of the gutter, and where on the page they are: the bands of columns.
        let rights = lines.filter { $0.x0 >= gutter - 2 }
        var zones: [(top: Double, bottom: Double)] = []
        for line in rights.sorted(by: { $0.y0 < $1.y0 }) {
            if let last = zones.last, line.y0 <= last.bottom + 2 * line.height {
                zones[zones.count - 1].bottom = max(last.bottom, line.y1)
            } else {
                zones.append((line.y0, line.y1))
            }
        }
        var items: [Item] = []
        var pending: [PDFLine] = []
        var band: [PDFLine] = []
        var bandZone: Int?
        func closeBand() {
            if !band.isEmpty { items += Self.arrange(band, gutter: gutter, left: left) }
            band = []
            bandZone = nil
        }
        for line in lines {
            let crosses = line.x0 < gutter - 2 && line.x1 > gutter - 2
            let zone = zones.firstIndex { line.centerY >= $0.top - 1 && line.centerY <= $0.bottom + 1 }
            if let zone, !crosses {
                if bandZone != zone {
                    closeBand()
                    if !pending.isEmpty { items.append(.flow(pending)) }
                    pending = []
                }
                band.append(line)
                bandZone = zone
            } else {
                closeBand()
                pending.append(line)
            }
        }
        closeBand()
        if !pending.isEmpty { items.append(.flow(pending)) }
        return items
    }

    /// The left margin: the leftmost x where at least three lines start (a table's column may start
    /// more lines than the margin on its page), else the leftmost start.
    private func margin() -> Double {
        var counts: [Int: Int] = [:]
        for line in lines { counts[Int(line.x0.rounded()), default: 0] += 1 }
        let shared = counts.filter { $0.value >= 3 }.keys.min()
        return Double(shared ?? Int((lines.map(\.x0).min() ?? 0).rounded()))
    }

    /// Where a second column (of text or of a table) starts: an x well right of the margin where at
    /// least three lines start; the most used such x.
    private func secondColumnStart(left: Double, width: Double) -> Double? {
        var counts: [Int: Int] = [:]
        for line in lines where line.x0 > left + 0.2 * width {
            counts[Int((line.x0 / 3).rounded()), default: 0] += 1
        }
        guard let best = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), best.value >= 3 else {
            return nil
        }
        // The leftmost start in that bucket and its neighbours.
        let starts = lines.map(\.x0).filter { abs($0 / 3 - Double(best.key)) <= 1.5 }
        return starts.min()
    }

    /// A band of lines side by side: two columns of text, a table, or (when neither fits) one flow.
    private static func arrange(_ band: [PDFLine], gutter: Double, left: Double) -> [Item] {
        let leftLines = band.filter { $0.x1 <= gutter - 2 }
        let rightLines = band.filter { $0.x0 >= gutter - 2 }
        let rightEdge = rightLines.map(\.x1).max() ?? gutter
        let leftWidths = leftLines.map(\.width).sorted()
        let rightWidths = rightLines.map(\.width).sorted()
        if leftLines.count >= 2, rightLines.count >= 2 {
            let ratio = Double(leftLines.count) / Double(rightLines.count)
            let leftFull = leftWidths[leftWidths.count / 2] >= 0.6 * (gutter - left - 10)
            let rightFull = rightWidths[rightWidths.count / 2] >= 0.6 * (rightEdge - gutter)
            if ratio >= 0.4, ratio <= 2.5, leftFull, rightFull {
                return [.flow(leftLines), .flow(rightLines)]
            }
        }
        if let table = table(band) { return [.table(table)] }
        return [.flow(band)]
    }

    /// The band as rows of cells: columns where lines start, a row where cells start side by side (or
    /// at the band's first line); nil when no two cells ever stand side by side.
    private static func table(_ band: [PDFLine]) -> [[[PDFLine]]]? {
        var columns: [Double] = []
        for start in band.map(\.x0).sorted() where columns.last.map({ start - $0 > 6 }) ?? true {
            columns.append(start)
        }
        guard columns.count >= 2 else { return nil }
        func column(of line: PDFLine) -> Int {
            (columns.lastIndex { $0 <= line.x0 + 6 }) ?? 0
        }
        func beside(_ line: PDFLine) -> Bool {
            band.contains { other in
                column(of: other) != column(of: line) && abs(other.y0 - line.y0) < 0.5 * min(other.height, line.height)
            }
        }
        var rowStarts: [Double] = []
        for line in band
        where rowStarts.isEmpty || (column(of: line) == 0 && beside(line) && line.y0 > rowStarts.last! + 1) {
            rowStarts.append(line.y0)
        }
        guard band.contains(where: beside) else { return nil }
        var rows = Array(repeating: Array(repeating: [PDFLine](), count: columns.count), count: rowStarts.count)
        for line in band {
            let row = (rowStarts.lastIndex { $0 <= line.y0 + 0.5 * line.height }) ?? 0
            rows[row][column(of: line)].append(line)
        }
        return rows
    }
}
