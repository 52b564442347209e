/// What a folder walk passed over: hidden entries, and files of formats no reader reads, by extension.
public struct SkippedFiles: Sendable, Equatable {
    public var hidden = 0
    /// Lowercase extensions ("" for none) and how many files had each.
    public var otherFormats: [String: Int] = [:]

    public init() {}

    public var isEmpty: Bool { hidden == 0 && otherFormats.isEmpty }

    mutating func add(_ other: SkippedFiles) {
        hidden += other.hidden
        otherFormats.merge(other.otherFormats, uniquingKeysWith: +)
    }

    mutating func addOtherFormat(name: String) {
        otherFormats[DocumentLoader.pathExtension(name).lowercased(), default: 0] += 1
    }

    /// "skipped 12: 9 files no reader reads (5 .pdf, 3 .docx, 1 without extension), 3 hidden"; nil when nothing was.
    public var summary: String? {
        guard !isEmpty else { return nil }
        var parts: [String] = []
        let others = otherFormats.values.reduce(0, +)
        if others > 0 {
            let kinds = otherFormats.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(6)
                .map { "\($0.value) \($0.key.isEmpty ? "without extension" : "." + $0.key)" }
            let more = otherFormats.count > 6 ? ", …" : ""
            parts.append("\(Counted.phrase(others, "file")) no reader reads (\(kinds.joined(separator: ", "))\(more))")
        }
        if hidden > 0 { parts.append("\(hidden) hidden (name starting with a dot; load --hidden reads them)") }
        return "skipped \(others + hidden): " + parts.joined(separator: ", ")
    }
}
