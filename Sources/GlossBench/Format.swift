import Foundation

/// Number formatting for the table: fixed precision, thousands separators, readable durations.
enum Format {
    static func seconds(_ value: Double) -> String {
        if value.isNaN { return "n/a" }
        if value >= 1 { return String(format: "%.2f s", value) }
        if value >= 1e-3 { return String(format: "%.2f ms", value * 1e3) }
        return String(format: "%.1f µs", value * 1e6)
    }

    static func milliseconds(_ value: Double) -> String {
        if value.isNaN { return "n/a" }
        return value * 1e3 >= 100
            ? String(format: "%.0f", value * 1e3)
            : value * 1e3 >= 1 ? String(format: "%.2f", value * 1e3) : String(format: "%.3f", value * 1e3)
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        value.isNaN || value.isInfinite ? "n/a" : String(format: "%.\(digits)f", value)
    }

    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1e6)
    }

    static func fraction(parts: Int) -> String {
        switch parts {
        case 1: return "1/4"
        case 2: return "1/2"
        case 3: return "3/4"
        default: return "1"
        }
    }

    /// A plain-text table: the first column left-aligned, the others right-aligned.
    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }
}
