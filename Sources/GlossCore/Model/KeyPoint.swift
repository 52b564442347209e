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
        self.init(storedText: StoredText(Self.joined(label, detail)), labelCount: label.utf8.count, lines: lines, section: section)
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
}
