/// Text made of styled runs; rendered with or without colour and wrapped to a width.
public struct StyledText: Sendable, ExpressibleByStringLiteral {
    public struct Run: Sendable {
        public var text: String
        public var style: TextStyle
    }

    public private(set) var runs: [Run] = []

    public init() {}

    public init(stringLiteral value: String) {
        append(value)
    }

    public init(_ text: String, _ style: TextStyle = .plain) {
        append(text, style)
    }

    /// Appends document or user text: control characters are escaped here, once, for every renderer.
    public mutating func append(_ text: String, _ style: TextStyle = .plain) {
        guard !text.isEmpty else { return }
        runs.append(Run(text: TerminalSafe.escape(text), style: style))
    }

    public mutating func append(_ other: StyledText) {
        runs.append(contentsOf: other.runs)
    }

    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var result = lhs
        result.append(rhs)
        return result
    }

    public var plainText: String { runs.map(\.text).joined() }

    public var isEmpty: Bool { runs.isEmpty }

    /// Text with `ranges` (UTF-8 offsets into `text`) in `style`.
    public static func highlighting(_ text: String, ranges: [Range<Int>], style: TextStyle, base: TextStyle = .plain)
        -> StyledText
    {
        var result = StyledText()
        let utf8 = Array(text.utf8)
        var cursor = 0
        for range in mergedRanges(ranges, limit: utf8.count) {
            if range.lowerBound > cursor {
                result.append(String(decoding: utf8[cursor..<range.lowerBound], as: UTF8.self), base)
            }
            result.append(String(decoding: utf8[range], as: UTF8.self), style)
            cursor = range.upperBound
        }
        if cursor < utf8.count { result.append(String(decoding: utf8[cursor...], as: UTF8.self), base) }
        return result
    }

    static func mergedRanges(_ ranges: [Range<Int>], limit: Int) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let clamped = max(0, min(range.lowerBound, limit))..<max(0, min(range.upperBound, limit))
            guard !clamped.isEmpty else { continue }
            if let last = merged.last, clamped.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, clamped.upperBound)
            } else {
                merged.append(clamped)
            }
        }
        return merged
    }
}
