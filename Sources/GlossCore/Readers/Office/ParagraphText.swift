/// The text of one paragraph of an office document as it is collected run by run, with where source
/// comments start and end in it (UTF-8 offsets).
struct ParagraphText {
    var bytes: [UInt8] = []
    /// Comments anchored in this paragraph, in the order they start.
    var comments: [Anchor] = []

    /// Where a comment lies: from `start` to `end`, or to the paragraph's end when it ends in a later
    /// paragraph (`end` nil and `isRange`), or the whole paragraph for a comment on a point.
    struct Anchor {
        var id: String
        var start: Int
        var end: Int?
        var isRange: Bool
    }

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a space unless the text is empty or already ends in whitespace.
    mutating func appendSeparator() {
        if let last = bytes.last, !Self.isWhitespace(last) { bytes.append(0x20) }
    }

    /// Appends another paragraph's text (a table cell's next paragraph, the paragraph a deleted
    /// paragraph mark joins), separated by `separator`, its comments moved along.
    mutating func append(_ other: ParagraphText, separator: UInt8 = 0x20) {
        if !bytes.isEmpty, !other.bytes.isEmpty, let last = bytes.last, !Self.isWhitespace(last) {
            bytes.append(separator)
        }
        let offset = bytes.count
        bytes += other.bytes
        for var anchor in other.comments where !comments.contains(where: { $0.id == anchor.id }) {
            anchor.start += offset
            anchor.end = anchor.end.map { $0 + offset }
            comments.append(anchor)
        }
    }

    mutating func startComment(_ id: String, isRange: Bool = true) {
        guard !comments.contains(where: { $0.id == id }) else { return }
        comments.append(Anchor(id: id, start: bytes.count, end: nil, isRange: isRange))
    }

    /// Ends a comment that started in this paragraph; false when it started elsewhere.
    @discardableResult
    mutating func endComment(_ id: String) -> Bool {
        guard let index = comments.firstIndex(where: { $0.id == id && $0.end == nil }) else { return false }
        comments[index].end = bytes.count
        return true
    }

    /// The text with whitespace at both ends trimmed and runs of spaces made one (a deletion accepted
    /// leaves the spaces on both its sides), and the comments' spans in it (nil for a comment on the
    /// whole paragraph; clamped to the text).
    func finished() -> (text: String, spans: [(id: String, span: Range<Int>?)]) {
        var start = 0
        var end = bytes.count
        while start < end, Self.isWhitespace(bytes[start]) { start += 1 }
        while end > start, Self.isWhitespace(bytes[end - 1]) { end -= 1 }
        var kept: [UInt8] = []
        kept.reserveCapacity(end - start)
        // Where each source offset lands in the kept text, for the comments' spans.
        var landing: [Int] = comments.isEmpty ? [] : Array(repeating: 0, count: bytes.count + 1)
        for index in start..<end {
            if !landing.isEmpty { landing[index] = kept.count }
            if bytes[index] == UInt8(ascii: " "), kept.last == UInt8(ascii: " ") { continue }
            kept.append(bytes[index])
        }
        if !landing.isEmpty {
            for index in end...bytes.count { landing[index] = kept.count }
        }
        let spans = comments.map { anchor -> (id: String, span: Range<Int>?) in
            guard anchor.isRange else { return (anchor.id, nil) }
            let from = landing[min(max(anchor.start, start), bytes.count)]
            let to = max(from, landing[min(max(anchor.end ?? end, start), bytes.count)])
            return (anchor.id, from < to ? from..<to : nil)
        }
        return (String(decoding: kept, as: UTF8.self), spans)
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }
}
