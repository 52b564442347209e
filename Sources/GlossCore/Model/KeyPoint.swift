/// One row of a "Key Points" table: a short label and its detail.
public struct KeyPoint: Hashable, Sendable {
    /// "label — detail" (or the label alone), the text a search sees; label and detail are parts of it.
    public var storedText: StoredText
    private var labelCount: UInt32
    public var lines: LineRange
    public var section: Int

    static let separator = " — "

    public var label: String { storedText.slice(0..<Int(labelCount)).string }
    public var detail: String {
        let start = Int(labelCount) + Self.separator.utf8.count
        return start >= storedText.utf8Count ? "" : storedText.slice(start..<storedText.utf8Count).string
    }

    public init(label: String, detail: String, lines: LineRange, section: Int) {
        self.init(
            storedText: StoredText(Self.joined(label, detail)), labelCount: label.utf8.count, lines: lines,
            section: section)
    }

    init(storedText: StoredText, labelCount: Int, lines: LineRange, section: Int) {
        self.storedText = storedText
        self.labelCount = UInt32(labelCount)
        self.lines = lines
        self.section = section
    }

    static func joined(_ label: String, _ detail: String) -> String {
        detail.isEmpty ? label : label + separator + detail
    }

    /// A key point written as one line of a list: "Label: detail" or "Label — detail" when the label is
    /// a few words (at most six, no sentence before the mark); otherwise the whole line is the label.
    static func split(_ text: String) -> (label: String, detail: String) {
        for mark in [": ", " — ", " – ", " - "] {
            guard let range = text.range(of: mark) else { continue }
            let label = text[..<range.lowerBound].trimmingWhitespace()
            let words = label.split(whereSeparator: \.isWhitespace).count
            guard words >= 1, words <= 6, !label.contains(where: { ".!?".contains($0) }) else { continue }
            let detail = text[range.upperBound...].trimmingWhitespace()
            return detail.isEmpty ? (String(label), "") : (String(label), String(detail))
        }
        return (text, "")
    }
}
