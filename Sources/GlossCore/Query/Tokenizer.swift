import Foundation

/// Splits text into words and folds them for matching: case-insensitive, diacritics removed, every
/// apostrophe variant made `'`.
///
/// A word is a run of letters, marks and digits; an apostrophe between letters stays inside the word
/// ("Zelensky’s"), as do `.` and `,` between digits ("1.2", "40,000"); dotted abbreviations are one
/// word with their dots ("U.S." is `u.s.`, "e.g." is `e.g.`). Han, kana and other scripts
/// written without spaces give one word per character. Hyphens and all other punctuation split.
public struct Tokenizer: Sendable {
    public struct Token: Sendable, Equatable {
        /// The folded form that is indexed and matched.
        public var term: String
        /// Position among the words of the text (0-based).
        public var position: Int
        /// UTF-8 offsets of the word in the original text.
        public var utf8Range: Range<Int>
    }

    public init() {}

    /// Every word of `text`, folded, with its position and UTF-8 range.
    public func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        var scratch: [UInt8] = []
        var text = text
        text.withUTF8 { bytes in
            Tokenizer.scan(bytes, scratch: &scratch) { folded, position, range in
                result.append(
                    Token(term: String(decoding: folded, as: UTF8.self), position: position, utf8Range: range))
            }
        }
        return result
    }

    /// Folds one word as typed in a query; nil when it contains no word characters.
    public func fold(_ word: String) -> String? {
        tokens(word).first?.term
    }

    /// Folded words joined by spaces; the form `find` and `section:` compare.
    public func foldedWords(_ text: String) -> [String] {
        tokens(text).map(\.term)
    }

    /// Calls `body` for each word with its folded UTF-8 bytes, position and range. The byte buffer is
    /// reused between calls: copy it to keep it.
    public static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>, Int, Range<Int>) -> Void
    ) {
        // ASCII words with capitals are lowercased here, on the stack; longer ones use `scratch`.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { lowered in
            scan(bytes, scratch: &scratch, lowered: lowered, body)
        }
    }

    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8], lowered: UnsafeMutableBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>, Int, Range<Int>) -> Void
    ) {
        var index = 0
        var position = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if !isASCIIWordByte(byte) {
                    index += 1
                    continue
                }
            } else {
                let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
                if !isWordScalar(scalar) {
                    index += length
                    continue
                }
                if isSingleCharacterWord(scalar) {
                    scratch.removeAll(keepingCapacity: true)
                    appendFolded(scalar, to: &scratch)
                    emit(scratch, position, index..<(index + length), body)
                    position += 1
                    index += length
                    continue
                }
            }
            // A word starts here. Most words are ASCII: find where it ends on the bytes and fold it by
            // lowercasing (or not at all); a word with other characters is collected below.
            let start = index
            if var (end, hasCapitals) = asciiWordEnd(bytes, from: index) {
                // A single letter may start a dotted abbreviation (U.S., e.g.), kept as one word.
                if end == start + 1, let abbreviationEnd = dottedAbbreviationEnd(bytes, from: start) {
                    end = abbreviationEnd
                    hasCapitals = bytes[start..<end].contains { $0 &- 0x41 < 26 }
                }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if !hasCapitals {
                    body(word, position, start..<end)
                } else if word.count <= lowered.count {
                    for offset in 0..<word.count { lowered[offset] = lowercased(word[offset]) }
                    body(UnsafeBufferPointer(rebasing: lowered[..<word.count]), position, start..<end)
                } else {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: word.lazy.map(lowercased))
                    emit(scratch, position, start..<end, body)
                }
                position += 1
                index = end
                continue
            }
            scratch.removeAll(keepingCapacity: true)
            var asciiOnly = true
            var lastWasDigit = false
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if isASCIIWordByte(byte) {
                        scratch.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
                        lastWasDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                        index += 1
                        continue
                    }
                    // `'` between letters; `.` or `,` between digits.
                    if index + 1 < count {
                        if byte == UInt8(ascii: "'"), !lastWasDigit, startsWordLetter(bytes, at: index + 1) {
                            scratch.append(0x27)
                            index += 1
                            continue
                        }
                        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","), lastWasDigit,
                            bytes[index + 1] >= UInt8(ascii: "0"),
                            bytes[index + 1] <= UInt8(ascii: "9")
                        {
                            scratch.append(byte)
                            index += 1
                            continue
                        }
                    }
                    break
                }
                let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
                if isApostrophe(scalar) {
                    if !lastWasDigit, index + length < count, startsWordLetter(bytes, at: index + length) {
                        scratch.append(0x27)
                        index += length
                        continue
                    }
                    break
                }
                guard isWordScalar(scalar), !isSingleCharacterWord(scalar) else { break }
                asciiOnly = false
                appendFolded(scalar, to: &scratch)
                lastWasDigit = scalar.properties.numericType != nil
                index += length
            }
            // The word loop can stop on its first scalar: a letter-like apostrophe (U+02BC, U+02B9 are
            // letters, so a word starts) not followed by a letter. Skip that scalar, or this would emit
            // an empty word at the same index forever (a hang found by fuzzing).
            if index == start {
                index += UTF8Scalar.decode(bytes, at: index).1
                continue
            }
            if !asciiOnly { refold(&scratch) }
            emit(scratch, position, start..<index, body)
            position += 1
        }
    }

    /// The end of a dotted abbreviation starting at `start` (two or more single letters, each followed by
    /// a dot: "U.S.", "e.g.", "U.K."), after its last dot; nil when there is none.
    @inline(never)
    private static func dottedAbbreviationEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        var letters = 0
        while index + 1 < bytes.count, (bytes[index] | 0x20) &- 0x61 < 26, bytes[index + 1] == UInt8(ascii: ".") {
            letters += 1
            index += 2
        }
        // A letter straight after the last dot ("U.Sa") makes it no abbreviation.
        guard letters >= 2, index >= bytes.count || !isASCIIWordByte(bytes[index]) else { return nil }
        return index
    }

    /// Where the ASCII word starting at `start` ends, and whether it has capitals; nil when the word
    /// goes on with other characters (or an apostrophe that is not ASCII), which the full loop handles.
    /// Follows the same rules: `'` between letters, `.` and `,` between digits stay inside.
    @inline(__always)
    private static func asciiWordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Bool)? {
        var index = start
        var hasCapitals = false
        var lastWasDigit = false
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if isASCIIWordByte(byte) {
                    hasCapitals = hasCapitals || byte &- 0x41 < 26
                    lastWasDigit = byte &- 0x30 < 10
                    index += 1
                    continue
                }
                if index + 1 < count {
                    if byte == UInt8(ascii: "'"), !lastWasDigit, startsWordLetter(bytes, at: index + 1) {
                        index += 1
                        continue
                    }
                    if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","), lastWasDigit,
                        bytes[index + 1] &- 0x30 < 10
                    {
                        index += 1
                        continue
                    }
                }
                return (index, hasCapitals)
            }
            return mayContinueWord(bytes, at: index) ? nil : (index, hasCapitals)
        }
        return (index, hasCapitals)
    }

    /// Whether the character at `index` continues a word (or may: an apostrophe), which leaves the word
    /// to the full loop; anything else (a dash, a closing quote) ends it. Kept out of line: Unicode
    /// properties cost the caller metadata lookups on every call, and the caller runs once per word.
    @inline(never)
    private static func mayContinueWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let scalar = UTF8Scalar.decode(bytes, at: index).0
        return isApostrophe(scalar) || (isWordScalar(scalar) && !isSingleCharacterWord(scalar))
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    private static func emit(
        _ scratch: [UInt8], _ position: Int, _ range: Range<Int>,
        _ body: (UnsafeBufferPointer<UInt8>, Int, Range<Int>) -> Void
    ) {
        scratch.withUnsafeBufferPointer { body($0, position, range) }
    }

    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        // Setting bit 5 maps A–Z onto a–z (and nothing else of ASCII into that range): two tests, not three.
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    private static func startsWordLetter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        }
        let scalar = UTF8Scalar.decode(bytes, at: index).0
        // An ideograph is a word of its own, so an apostrophe before one ends the word instead.
        return scalar.properties.isAlphabetic && !isSingleCharacterWord(scalar)
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x2019, 0x2018, 0x02BC, 0x02B9, 0xFF07, 0x00B4, 0x0060: return true
        default: return false
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Scripts written without spaces: each ideograph or kana is a word of its own.
    static func isSingleCharacterWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    private static func appendFolded(_ scalar: Unicode.Scalar, to scratch: inout [UInt8]) {
        var buffer = String(scalar)
        buffer.withUTF8 { scratch.append(contentsOf: $0) }
    }

    /// Full folding for words with non-ASCII letters: lowercase, strip diacritics, compatibility forms.
    private static func refold(_ scratch: inout [UInt8]) {
        let word = String(decoding: scratch, as: UTF8.self)
        var folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .precomposedStringWithCompatibilityMapping
        // Searching for ß costs a Foundation call per word; its UTF-8 (C3 9F) is checked first.
        if folded.utf8.contains(0x9F) { folded = folded.replacingOccurrences(of: "ß", with: "ss") }
        let marksRemoved = String(
            String.UnicodeScalarView(
                folded.unicodeScalars.filter {
                    $0.properties.generalCategory != .nonspacingMark
                }))
        scratch.removeAll(keepingCapacity: true)
        var result = marksRemoved.isEmpty ? word : marksRemoved
        result.withUTF8 { scratch.append(contentsOf: $0) }
    }
}
