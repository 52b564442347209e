/// Decides which lines of a plain-text article are headings.
///
/// Plain text has no markup, so a heading is recognised by its shape and by its neighbours:
///
/// 1. **Shape.** A heading is one short line (at most 12 words and 90 characters) that starts with a
///    capital letter, a digit or an uncased letter, and does not end like a sentence: no closing
///    `.`, `,`, `;`, `:`, `!` or `…` (closing quotes and brackets are looked through). A final
///    abbreviation such as "U.S." or "D.C." may end a heading, but its dot may also end a sentence
///    ("Most of the money will come from the U.S."), so such a line is heading-shaped only when
///    title-cased, as in rule 2. Bylines ("By Jane Doe") are not headings.
/// 2. **Questions.** A line ending in `?` is a heading only when it is title-cased ("Who Pays for the
///    Barrier?"); a plain question ("So who pays?") is a sentence. Inside a FAQ section questions are
///    FAQ entries instead. Title case means every word of four or more letters is capitalised, except
///    the prepositions that title case leaves lowercase ("with", "from", "between"); words of up to
///    three letters may go either way. Capitalised names do not make a sentence title-cased, so
///    "Should Port Alder build it?" is a sentence.
/// 3. **Standing alone.** A heading introduces something: it is followed by content, and it is not one
///    of a run of heading-shaped lines — two or more in a row are a list of short lines, not headings.
///    Headings with a known role (Summary, Frequently Asked Questions, Key Points) are headings wherever
///    their shape allows, because their words leave no doubt.
public enum HeadingRule {
    static let maximumWords = 12
    static let maximumCharacters = 90

    /// Rule 1: could this line be a heading, judging by the line alone?
    public static func isHeadingShaped(_ line: Substring) -> Bool {
        // A line longer in bytes than the longest heading can be in characters is rejected unread.
        guard line.utf8.count <= maximumCharacters * 4 else { return false }
        let text = line.trimmingWhitespace()
        // On the bytes (a native string's are contiguous): words are counted before any character is
        // decoded, and most lines of a paragraph stop there; an ASCII line is decided on its bytes.
        let onBytes = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let wordCount = wordCount(bytes) else { return false }
            return StringBytes.isASCII(bytes) ? isHeadingShapedASCII(bytes, text: text, wordCount: wordCount) : nil
        }
        if let onBytes, let onBytes { return onBytes }
        guard let wordCount = wordCount(text.utf8) else { return false }
        return text.isASCIIOnly
            ? isHeadingShapedASCII(text, wordCount: wordCount) : isHeadingShapedByCharacters(text, wordCount: wordCount)
    }

    /// Words of a line (runs between spaces and tabs), or nil past `maximumWords`.
    private static func wordCount(_ bytes: some Sequence<UInt8>) -> Int? {
        var count = 0
        var inWord = false
        for byte in bytes {
            let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            if !isSpace && !inWord {
                count += 1
                if count > maximumWords { return nil }
            }
            inWord = !isSpace
        }
        return count
    }

    /// Rule 1 on the characters of a trimmed line of at most `maximumWords` words.
    static func isHeadingShapedByCharacters(_ text: Substring, wordCount: Int) -> Bool {
        guard let first = text.first, text.characterCount <= maximumCharacters else { return false }
        if !(first.isUppercase || first.isNumber || (first.isLetter && !first.isLowercase) || isOpeningQuote(first)) {
            return false
        }
        if isOpeningQuote(first), let second = text.dropFirst().first, second.isLowercase { return false }
        if wordCount <= 6, wordCount > 1, text.hasPrefix("By "),
            text.dropFirst(3).trimmingWhitespace().first?.isUppercase == true
        {
            return false
        }

        var end = text
        while let last = end.last, closingMarks.contains(last) { end = end.dropLast() }
        guard let last = end.last else { return false }
        if last == "." {
            return isAbbreviation(end.split(separator: " ").last ?? "") && isTitleCased(text)
        }
        return !sentenceEnders.contains(last)
    }

    /// Rule 1 on the bytes of an ASCII line (nearly every line), with the same steps as above.
    static func isHeadingShapedASCII(_ text: Substring, wordCount: Int) -> Bool {
        isHeadingShapedASCII(text.utf8Bytes, text: text, wordCount: wordCount)
    }

    static func isHeadingShapedASCII<Bytes: RandomAccessCollection>(_ bytes: Bytes, text: Substring, wordCount: Int)
        -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard let first = bytes.first, bytes.count <= maximumCharacters else { return false }
        let isQuote = first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")
        guard isUppercase(first) || isDigit(first) || isQuote else { return false }
        if isQuote, bytes.count > 1, isLowercase(bytes[1]) { return false }
        if wordCount <= 6, wordCount > 1, bytes.starts(with: [0x42, 0x79, 0x20]),
            let next = bytes.dropFirst(3).first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
            isUppercase(next)
        {
            return false
        }
        var end = bytes.count
        while end > 0, asciiClosingMarks.contains(bytes[end - 1]) { end -= 1 }
        guard end > 0 else { return false }
        let last = bytes[end - 1]
        if last == UInt8(ascii: ".") {
            let lastWord = bytes[..<end].split(separator: 0x20).last ?? []
            return isAbbreviation(Substring(decoding: lastWord, as: UTF8.self)) && isTitleCased(text)
        }
        return !asciiSentenceEnders.contains(last)
    }

    private static func isUppercase(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    private static func isLowercase(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    private static func isLetter(_ byte: UInt8) -> Bool { isUppercase(byte) || isLowercase(byte) }

    /// Rule 2: a question is a heading only when title-cased.
    public static func isTitleCased(_ line: Substring) -> Bool {
        let text = line.trimmingWhitespace()
        return text.isASCIIOnly ? isTitleCasedASCII(text.utf8Bytes) : isTitleCasedByCharacters(text)
    }

    /// Rule 2 on the characters of a trimmed line.
    static func isTitleCasedByCharacters(_ text: Substring) -> Bool {
        let significant = text.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "’" && $0 != "'" })
            .filter { $0.filter(\.isLetter).count >= 4 && !lowercasePrepositions.contains($0.lowercased()) }
        guard !significant.isEmpty else { return text.first?.isUppercase == true }
        return significant.allSatisfy { $0.first?.isUppercase == true }
    }

    /// Rule 2 on the bytes of an ASCII line: words are runs of letters, `-` and `'`.
    static func isTitleCasedASCII(_ bytes: [UInt8]) -> Bool {
        var sawSignificant = false
        var start = 0
        while start < bytes.count {
            guard isLetter(bytes[start]) || bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "'")
            else {
                start += 1
                continue
            }
            var end = start
            var letters = 0
            while end < bytes.count,
                isLetter(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "'")
            {
                if isLetter(bytes[end]) { letters += 1 }
                end += 1
            }
            if letters >= 4 {
                let word = String(decoding: bytes[start..<end].map { isUppercase($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
                if !lowercasePrepositions.contains(word) {
                    sawSignificant = true
                    if !isUppercase(bytes[start]) { return false }
                }
            }
            start = end
        }
        return sawSignificant || bytes.first.map(isUppercase) == true
    }

    /// Prepositions of four or more letters, which title case writes in lowercase.
    static let lowercasePrepositions: Set<String> = [
        "about", "above", "across", "after", "against", "along", "amid", "among", "around", "atop", "before",
        "behind", "below", "beneath", "beside", "besides", "between", "beyond", "despite", "down", "during",
        "except", "from", "inside", "into", "like", "near", "onto", "outside", "over", "past", "since", "than",
        "through", "throughout", "toward", "towards", "under", "unlike", "until", "upon", "versus", "with",
        "within", "without",
    ]

    /// True when the line ends as a sentence or paragraph does (`.`, `!`, `?`, `:`, `…`), closing quotes
    /// and brackets looked through. A line that ends otherwise was broken mid-sentence.
    public static func endsSentence(_ line: Substring) -> Bool {
        if let mark = line.utf8.withContiguousStorageIfAvailable(finalMark), let mark {
            return mark.map(sentenceEndingScalars.contains) ?? false
        }
        return endsSentenceByCharacters(line)
    }

    /// True when the line ends in a question mark, closing quotes and brackets looked through.
    public static func endsWithQuestionMark(_ line: Substring) -> Bool {
        if let mark = line.utf8.withContiguousStorageIfAvailable(finalMark), let mark {
            return mark.map(questionMarkScalars.contains) ?? false
        }
        return endsWithQuestionMarkByCharacters(line)
    }

    static func endsSentenceByCharacters(_ line: Substring) -> Bool {
        var end = line.trimmingWhitespace()
        while let last = end.last, closingMarks.contains(last) { end = end.dropLast() }
        guard let last = end.last else { return false }
        return sentenceEndings.contains(last)
    }

    static func endsWithQuestionMarkByCharacters(_ line: Substring) -> Bool {
        var end = line.trimmingWhitespace()
        while let last = end.last, closingMarks.contains(last) { end = end.dropLast() }
        return end.last.map(questionMarks.contains) ?? false
    }

    /// The last character of a line once trailing whitespace and closing marks are dropped, read from
    /// its bytes: `.some(nil)` when nothing is left, `.some(scalar)` when it is a character of one
    /// scalar, nil when the bytes cannot tell (a scalar that is whitespace or may join others into one
    /// character; the callers then go by characters). A line ends in punctuation, quotes or letters,
    /// and is decided here.
    static func finalMark(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32?? {
        var end = bytes.count
        while end > 0, Substring.isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        while end > 0 {
            guard let (scalar, length) = Substring.standaloneNonSpace(endingAt: end, in: bytes) else { return nil }
            let start = end - length
            // The scalar is a character of its own unless the one before may join it (a Prepend).
            if start > 0, bytes[start - 1] >= 0x80, StringBytes.standaloneScalar(endingAt: start, in: bytes) == nil {
                return nil
            }
            guard closingMarkScalars.contains(scalar) else { return .some(scalar) }
            end = start
        }
        return .some(nil)
    }

    /// "U.S." or "D.C.": single letters each followed by a dot.
    static func isAbbreviation(_ word: Substring) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.last?.isEmpty == true else { return false }
        return parts.dropLast().allSatisfy { $0.count == 1 && $0.first!.isLetter }
    }

    static func isOpeningQuote(_ c: Character) -> Bool {
        c == "\"" || c == "“" || c == "‘" || c == "'" || c == "«"
    }

    /// Marks that close a sentence or a quote, looked through at the end of a line; each one scalar.
    private static let closingMarks: Set<Character> = ["\"", "”", "’", "'", ")", "]", "»", "*", "_"]
    private static let closingMarkScalars = closingMarks.map { $0.unicodeScalars.first!.value }
    private static let asciiClosingMarks = closingMarkScalars.filter { $0 < 0x80 }.map { UInt8($0) }
    /// How a sentence or a paragraph ends (`endsSentence`), and the question marks among them.
    private static let sentenceEndings: [Character] = [".", "!", "?", ":", "…", "。", "！", "？", "："]
    private static let sentenceEndingScalars = sentenceEndings.map { $0.unicodeScalars.first!.value }
    private static let questionMarks: [Character] = ["?", "？"]
    private static let questionMarkScalars = questionMarks.map { $0.unicodeScalars.first!.value }
    /// What a heading never ends with (rule 1).
    private static let asciiSentenceEnders: [UInt8] = Array(".,;:!".utf8)
    private static let sentenceEnders: Set<Character> = [".", ",", ";", ":", "!", "…", "。", "！", "，", "；", "："]
}

extension Substring {
    /// Trims whitespace at both ends; ASCII spaces are recognised on the UTF-8 view, which is most of
    /// them (dropping a Character would run grapheme breaking for each).
    func trimmingWhitespace() -> Substring {
        let utf8 = self.utf8
        // Most lines have nothing to trim, which their first and last bytes tell.
        if utf8.withContiguousStorageIfAvailable({ Self.startsWithoutWhitespace($0) && Self.endsWithoutWhitespace($0) })
            == true
        {
            return self
        }
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let byte = utf8[start]
            if Self.isASCIIWhitespace(byte) {
                start = utf8.index(after: start)
            } else if byte >= 0x80, let first = self[start...].first, first.isWhitespace {
                start = self[start...].index(after: start)
            } else {
                break
            }
        }
        return self[start...].trimmingTrailingWhitespace()
    }

    func trimmingTrailingWhitespace() -> Substring {
        let utf8 = self.utf8
        if utf8.withContiguousStorageIfAvailable(Self.endsWithoutWhitespace) == true { return self }
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            let byte = utf8[before]
            if Self.isASCIIWhitespace(byte) {
                end = before
            } else if byte >= 0x80, let last = self[..<end].last, last.isWhitespace {
                end = self[..<end].index(before: end)
            } else {
                break
            }
        }
        return self[..<end]
    }

    /// Whether the first character is certainly not whitespace: a character's whitespace-ness is its
    /// first scalar's.
    private static func startsWithoutWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return true }
        if first < 0x80 { return !isASCIIWhitespace(first) }
        return !UTF8Scalar.decode(bytes, at: 0).0.properties.isWhitespace
    }

    /// Whether the last character is certainly not whitespace: its last scalar stands alone (see
    /// `StringBytes.standsAlone`) and is no space.
    static func endsWithoutWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.isEmpty || standaloneNonSpace(endingAt: bytes.count, in: bytes) != nil
    }

    /// The scalar that ends at `end` and its length, when it stands alone and is no space.
    @inline(__always)
    static func standaloneNonSpace(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, Int)? {
        guard let found = StringBytes.standaloneScalar(endingAt: end, in: bytes) else { return nil }
        // The spaces among the scalars that stand alone: the ASCII ones, U+0085 and U+00A0.
        let isSpace = found.0 < 0x80 ? isASCIIWhitespace(UInt8(found.0)) : found.0 == 0x85 || found.0 == 0xA0
        return isSpace ? nil : found
    }

    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r") || byte == 0x0B || byte == 0x0C
    }

    /// Characters, counted without grapheme breaking when every character is one scalar that never
    /// joins its neighbours (ASCII, Latin letters, typographic quotes and dashes: most lines).
    var characterCount: Int {
        if let fast = utf8.withContiguousStorageIfAvailable(StringBytes.standaloneScalarCount), let fast { return fast }
        return count
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(self[...].trimmingWhitespace())
    }
}
