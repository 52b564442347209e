/// Keeps Markdown's block containers (block quotes and list items) at most `maximumDepth` deep before
/// cmark parses the text. cmark appends each inline node of a paragraph after checking every
/// container above it, so a paragraph 100,000 levels down (`>>>>…` or `- - - …` on one line, then
/// ordinary lines continuing it) takes it minutes. A marker that could open one level too many is
/// escaped with a backslash instead, and what follows it on the line stays in the document as text.
/// The limit is markdown-it's (`maxNesting`).
///
/// No line can take cmark deeper than the containers it may continue from the lines before (each
/// continued quote takes a `>`, each continued list item two columns of indentation or more) plus the
/// markers it opens; the count below errs on the deep side (every `>` may be either, indented code
/// and fences are not told apart), so cmark never goes deeper than it says.
enum MarkdownNesting {
    static let maximumDepth = 100

    /// The text, with a backslash before each container marker that could go over the limit.
    static func limited(_ text: String, maximumDepth: Int = maximumDepth) -> String {
        var text = text
        let escapes = text.withUTF8 { markersOverTheLimit($0, maximumDepth: maximumDepth) }
        guard !escapes.isEmpty else { return text }
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + escapes.count)
            var start = 0
            for offset in escapes {
                result.append(contentsOf: bytes[start..<offset])
                result.append(UInt8(ascii: "\\"))
                start = offset
            }
            result.append(contentsOf: bytes[start...])
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Offsets (ascending) where a backslash keeps a marker from opening a level over the limit.
    static func markersOverTheLimit(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) -> [Int] {
        var escapes: [Int] = []
        // How deep cmark's containers may be open after the lines so far: a line that continues a
        // paragraph lazily keeps them all open, so this never goes down.
        var bound = 0
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = StringBytes.index(of: 0x0A, in: bytes, from: lineStart) ?? bytes.count
            var line = Line(bytes: bytes, start: lineStart, end: lineEnd)
            var depth = 0
            // Containers of earlier lines that this one may still continue.
            var continuable = bound
            while line.position < line.end {
                if line.atBlank {
                    let continued = min(continuable, line.skipBlanks() / 2)
                    depth += continued
                    continuable -= continued
                    continue
                }
                guard let width = line.markerWidth() else { break }
                if depth >= maximumDepth {
                    // Before the bullet or `>`; for `12.` before its `.`, which escaped ends the marker.
                    escapes.append(line.position + width - 1)
                    break
                }
                depth += 1
                // A `>` may continue a quote; a list marker always opens an item, and nothing after it continues.
                continuable = line.atQuote ? max(0, continuable - 1) : 0
                line.position += width
            }
            bound = max(bound, depth)
            lineStart = lineEnd + 1
        }
        return escapes
    }

    /// A cursor over one line's bytes.
    private struct Line {
        let bytes: UnsafeBufferPointer<UInt8>
        let start: Int
        let end: Int
        var position: Int

        init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
            self.bytes = bytes
            self.start = start
            self.end = end
            self.position = start
        }

        private static func isBlank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        }

        var atBlank: Bool { Self.isBlank(bytes[position]) }
        var atQuote: Bool { bytes[position] == UInt8(ascii: ">") }

        /// Skips spaces and tabs; returns how many columns they may fill (a tab four).
        mutating func skipBlanks() -> Int {
            var columns = 0
            while position < end, Self.isBlank(bytes[position]) {
                columns += bytes[position] == UInt8(ascii: "\t") ? 4 : 1
                position += 1
            }
            return columns
        }

        /// The width of a container marker at the position: `>`, or a bullet (`-`, `+`, `*`) or an
        /// ordered marker (up to nine digits, then `.` or `)`) followed by a space, a tab or the line's
        /// end; nil otherwise, and for a thematic break (`- - -`, `***`), which opens nothing.
        mutating func markerWidth() -> Int? {
            let first = bytes[position]
            if first == UInt8(ascii: ">") { return 1 }
            let width: Int
            if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
                width = 1
            } else {
                var digits = 0
                while position + digits < end, digits < 10, (0x30...0x39).contains(bytes[position + digits]) {
                    digits += 1
                }
                guard (1...9).contains(digits), position + digits < end,
                    bytes[position + digits] == UInt8(ascii: ".") || bytes[position + digits] == UInt8(ascii: ")")
                else { return nil }
                width = digits + 1
            }
            guard position + width == end || Self.isBlank(bytes[position + width]) else { return nil }
            if first != UInt8(ascii: "+"), width == 1, isThematicBreak(of: first) { return nil }
            return width
        }

        /// For `-` and `*`: where the line's closing run of that bullet and blanks starts, and where
        /// the third bullet from the end is; found once per line, as a line of `- - - …` asks at each.
        private var dashRun: (start: Int, thirdFromEnd: Int?)?
        private var starRun: (start: Int, thirdFromEnd: Int?)?

        /// Whether the rest of the line is three or more `bullet`s and blanks only.
        private mutating func isThematicBreak(of bullet: UInt8) -> Bool {
            let known = bullet == UInt8(ascii: "-") ? dashRun : starRun
            let run =
                known
                ?? {
                    var start = end
                    var bullets: [Int] = []
                    while start > self.start, case let byte = bytes[start - 1], byte == bullet || Self.isBlank(byte) {
                        start -= 1
                        if byte == bullet, bullets.count < 3 { bullets.append(start) }
                    }
                    return (start, bullets.count == 3 ? bullets[2] : nil)
                }()
            if bullet == UInt8(ascii: "-") { dashRun = run } else { starRun = run }
            guard let third = run.thirdFromEnd else { return false }
            return run.start <= position && third >= position
        }
    }
}
