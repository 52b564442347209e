/// Collects a command's output as lines, wrapped to the terminal width, in colour or not.
///
/// Lines are of two kinds: what the command was asked to print (a listing, a document, JSON), and
/// status lines that say what it did ("loaded …", "tagged …", "saved …"). A terminal shows both in
/// order; `gloss run` prints the first on standard output and the status lines on standard error,
/// so a script's output can be piped.
public struct OutputBuilder: Sendable {
    public var width: Int
    public var color: Bool
    public private(set) var text = ""
    /// UTF-8 ranges of `text` that are status lines, in order.
    public private(set) var statusRanges: [Range<Int>] = []

    public init(width: Int, color: Bool) {
        self.width = max(20, width)
        self.color = color
    }

    /// A line of styled text wrapped at word boundaries; continuation lines get `hangingIndent` spaces.
    public mutating func line(_ styled: StyledText, indent: Int = 0, hangingIndent: Int? = nil) {
        for rendered in wrap(styled, indent: indent, hangingIndent: hangingIndent ?? indent) {
            text += rendered
            text += "\n"
        }
    }

    public mutating func line(_ plain: String = "", indent: Int = 0) {
        line(StyledText(plain), indent: indent)
    }

    /// A status line: what a command did, rather than what it was asked to print.
    public mutating func status(_ styled: StyledText, indent: Int = 0, hangingIndent: Int? = nil) {
        let start = text.utf8.count
        line(styled, indent: indent, hangingIndent: hangingIndent)
        markStatus(from: start)
    }

    /// Adds the output of other commands (a replay's), keeping which of its lines are status lines.
    public mutating func append(_ output: String, statusRanges ranges: [Range<Int>]) {
        let start = text.utf8.count
        raw(output)
        for range in ranges { addStatusRange((range.lowerBound + start)..<(range.upperBound + start)) }
    }

    private mutating func markStatus(from start: Int) {
        addStatusRange(start..<text.utf8.count)
    }

    private mutating func addStatusRange(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let last = statusRanges.last, last.upperBound == range.lowerBound {
            statusRanges[statusRanges.count - 1] = last.lowerBound..<range.upperBound
        } else {
            statusRanges.append(range)
        }
    }

    /// Output that must not be wrapped or styled (JSON, CSV), added as is.
    public mutating func raw(_ output: String) {
        text += output
        if !output.hasSuffix("\n") && !output.isEmpty { text += "\n" }
    }

    /// Renders one run without wrapping (tables that size their own columns).
    public func render(_ styled: StyledText) -> String {
        styled.runs.map { render($0.text, $0.style) }.joined()
    }

    private func render(_ text: String, _ style: TextStyle) -> String {
        if color {
            let sgr = style.sgr
            return sgr.isEmpty ? text : sgr + text + "\u{1B}[0m"
        }
        if let (open, close) = style.plainBrackets { return open + text + close }
        return text
    }

    /// Breaks styled text into display lines no wider than `width`.
    func wrap(_ styled: StyledText, indent: Int, hangingIndent: Int) -> [String] {
        // Words keep their runs so styles survive the breaks; explicit newlines start new lines.
        struct Piece {
            var text: String
            var style: TextStyle
            var width: Int
            var isSpace: Bool
            var isNewline: Bool
        }
        var pieces: [Piece] = []
        for run in styled.runs {
            var current = ""
            var currentIsSpace: Bool?
            func flush() {
                if !current.isEmpty, let isSpace = currentIsSpace {
                    pieces.append(
                        Piece(
                            text: current, style: run.style, width: DisplayWidth.of(current), isSpace: isSpace,
                            isNewline: false))
                }
                current = ""
                currentIsSpace = nil
            }
            var plainRun = run.text
            if !color, let (open, close) = run.style.plainBrackets { plainRun = open + plainRun + close }
            for character in plainRun {
                if character == "\n" {
                    flush()
                    pieces.append(Piece(text: "", style: run.style, width: 0, isSpace: false, isNewline: true))
                    continue
                }
                let isSpace = character == " "
                if currentIsSpace != nil && currentIsSpace != isSpace { flush() }
                currentIsSpace = isSpace
                current.append(character)
            }
            flush()
        }

        var lines: [String] = []
        var line = String(repeating: " ", count: indent)
        var lineWidth = indent
        var lineHasWord = false
        // Spaces before the first word of a paragraph are indentation the caller wants kept.
        var atParagraphStart = true
        var pendingSpace: Piece?
        func styledText(_ piece: Piece) -> String {
            if color {
                let sgr = piece.style.sgr
                return sgr.isEmpty ? piece.text : sgr + piece.text + "\u{1B}[0m"
            }
            return piece.text
        }
        func newLine() {
            lines.append(line)
            line = String(repeating: " ", count: hangingIndent)
            lineWidth = hangingIndent
            lineHasWord = false
            pendingSpace = nil
        }
        for piece in pieces {
            if piece.isNewline {
                newLine()
                atParagraphStart = true
                continue
            }
            if piece.isSpace {
                if lineHasWord {
                    // Runs of spaces from several styled runs add up (padding in tables).
                    if var pending = pendingSpace {
                        pending.text += piece.text
                        pending.width += piece.width
                        pendingSpace = pending
                    } else {
                        pendingSpace = piece
                    }
                } else if atParagraphStart {
                    line += styledText(piece)
                    lineWidth += piece.width
                }
                continue
            }
            atParagraphStart = false
            let spaceWidth = pendingSpace?.width ?? 0
            if lineHasWord && lineWidth + spaceWidth + piece.width > width {
                newLine()
            }
            if let space = pendingSpace, lineHasWord {
                line += styledText(space)
                lineWidth += space.width
            }
            pendingSpace = nil
            // A word longer than a whole line is cut, in one pass over its characters.
            var rest = piece
            if lineWidth + rest.width > width && rest.width > width - hangingIndent {
                var chunk = ""
                var chunkWidth = 0
                for character in rest.text {
                    let characterWidth = DisplayWidth.of(character)
                    if lineWidth + chunkWidth + characterWidth > width && (chunkWidth > 0 || lineHasWord) {
                        line += styledText(
                            Piece(text: chunk, style: rest.style, width: chunkWidth, isSpace: false, isNewline: false))
                        lineHasWord = true
                        newLine()
                        chunk = ""
                        chunkWidth = 0
                    }
                    chunk.append(character)
                    chunkWidth += characterWidth
                }
                rest.text = chunk
                rest.width = chunkWidth
            }
            line += styledText(rest)
            lineWidth += rest.width
            lineHasWord = true
        }
        lines.append(line)
        return lines.map { $0.trimmingTrailingSpaces() }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
