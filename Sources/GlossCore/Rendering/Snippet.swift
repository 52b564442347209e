/// A one-line excerpt of a unit around its first match, with the matches highlighted.
enum Snippet {
    /// `context` characters either side of the first match; the whole text when short enough.
    static func make(_ text: String, ranges: [Range<Int>], context: Int) -> StyledText {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let utf8 = Array(flat.utf8)
        guard let first = ranges.first else {
            let cut = flat.count > context * 2 ? String(flat.prefix(context * 2)) + "…" : flat
            return StyledText(cut)
        }
        // Work in UTF-8 offsets, moving to scalar boundaries.
        var start = StringBytes.scalarBoundary(first.lowerBound - context, in: utf8, forward: true)
        var end = StringBytes.scalarBoundary(first.upperBound + context, in: utf8, forward: false)
        // Do not cut words in half: move inwards to the nearest space.
        if start > 0, let space = utf8[start..<first.lowerBound].firstIndex(of: 0x20) { start = space + 1 }
        if end < utf8.count, let space = utf8[first.upperBound..<end].lastIndex(of: 0x20) { end = space }
        let excerpt = String(decoding: utf8[start..<end], as: UTF8.self)
        let shifted = ranges.compactMap { range -> Range<Int>? in
            let lower = max(range.lowerBound, start)
            let upper = min(range.upperBound, end)
            return lower < upper ? (lower - start)..<(upper - start) : nil
        }
        var result = StyledText()
        if start > 0 { result.append("…", .faint) }
        result.append(StyledText.highlighting(excerpt, ranges: shifted, style: .highlight))
        if end < utf8.count { result.append("…", .faint) }
        return result
    }
}
