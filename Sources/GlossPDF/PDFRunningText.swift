import Foundation

/// Running headers, footers and page numbers: lines in a page's top or bottom margin that repeat on
/// many pages (digits aside: "Annual Report 2025 · page 3") or that are only a page number ("12",
/// "Page 3 of 10", "- 4 -", "iv"). They are dropped before the text is read.
enum PDFRunningText {
    /// The share of a page's height, at the top and at the bottom, where running text is looked for.
    static let margin = 0.1

    static func removing(from pages: [PDFPage]) -> [PDFPage] {
        var counts: [String: Int] = [:]
        for page in pages {
            var seen: Set<String> = []
            for line in marginal(page) { seen.insert(key(line, page)) }
            for key in seen { counts[key, default: 0] += 1 }
        }
        let repeatedOn = max(2, Int((Double(pages.count) * 0.4).rounded(.up)))
        return pages.map { page in
            var page = page
            let dropped = Set(
                marginal(page).filter { line in
                    isPageNumber(line.text) || (pages.count > 1 && counts[key(line, page), default: 0] >= repeatedOn)
                }.map { LinePlace($0) })
            page.lines.removeAll { dropped.contains(LinePlace($0)) }
            return page
        }
    }

    /// The lines in the page's top and bottom margins: the two topmost and the two lowest, when there.
    private static func marginal(_ page: PDFPage) -> [PDFLine] {
        let sorted = page.lines.sorted { $0.y0 < $1.y0 }
        let top = sorted.prefix(2).filter { $0.y1 <= page.height * margin + 8 }
        let bottom = sorted.suffix(2).filter { $0.y0 >= page.height * (1 - margin) - 8 }
        return Array(top) + bottom
    }

    /// The line's text with its digits blurred, and which margin it is in.
    private static func key(_ line: PDFLine, _ page: PDFPage) -> String {
        let zone = line.y0 < page.height / 2 ? "top:" : "bottom:"
        var text = ""
        for character in line.text.lowercased() {
            if character.isNumber {
                if text.last != "#" { text.append("#") }
            } else if !character.isWhitespace {
                text.append(character)
            }
        }
        return zone + text
    }

    /// "12", "- 4 -", "Page 3", "p. 3", "3 of 10", "3/10", "iv".
    static func isPageNumber(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " -–—|·•[]()").union(.whitespaces))
            .lowercased()
        guard !trimmed.isEmpty, trimmed.count <= 20 else { return false }
        if trimmed.allSatisfy({ "ivxlc".contains($0) }), trimmed.count <= 6 { return true }
        var rest = Substring(trimmed)
        for prefix in ["page ", "p. ", "p.", "seite ", "s. "] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
        }
        let parts = rest.split(whereSeparator: { $0 == " " || $0 == "/" }).filter {
            $0 != "of" && $0 != "von" && $0 != "de" && $0 != "sur"
        }
        return !parts.isEmpty && parts.count <= 2 && parts.allSatisfy { $0.allSatisfy(\.isNumber) && $0.count <= 5 }
    }
}

/// A line's identity on its page (its box and text), to drop exactly the lines found.
private struct LinePlace: Hashable {
    var text: String
    var x0: Double
    var y0: Double

    init(_ line: PDFLine) {
        text = line.text
        x0 = line.x0
        y0 = line.y0
    }
}
