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
        // Words counted on bytes (runs between spaces and tabs), before any character is decoded:
        // most lines of a paragraph stop here.
        var wordCount = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x09
            if !isSpace && !inWord { wordCount += 1 }
            inWord = !isSpace
        }
        guard wordCount <= maximumWords, let first = text.first, text.characterCount <= maximumCharacters else { return false }
        if !(first.isUppercase || first.isNumber || (first.isLetter && !first.isLowercase) || isOpeningQuote(first)) {
            return false
        }
        if isOpeningQuote(first), let second = text.dropFirst().first, second.isLowercase { return false }
        if wordCount <= 6, wordCount > 1, text.hasPrefix("By "),
           text.dropFirst(3).trimmingWhitespace().first?.isUppercase == true {
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

    /// Rule 2: a question is a heading only when title-cased.
    public static func isTitleCased(_ line: Substring) -> Bool {
        let text = line.trimmingWhitespace()
        let significant = text.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "’" && $0 != "'" })
            .filter { $0.filter(\.isLetter).count >= 4 && !lowercasePrepositions.contains($0.lowercased()) }
        guard !significant.isEmpty else { return text.first?.isUppercase == true }
        return significant.allSatisfy { $0.first?.isUppercase == true }
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
    static func endsSentence(_ line: Substring) -> Bool {
        var end = line.trimmingWhitespace()
        while let last = end.last, closingMarks.contains(last) { end = end.dropLast() }
        guard let last = end.last else { return false }
        return ".!?:…。！？：".contains(last)
    }

    static func endsWithQuestionMark(_ line: Substring) -> Bool {
        var end = line.trimmingWhitespace()
        while let last = end.last, closingMarks.contains(last) { end = end.dropLast() }
        return end.last == "?" || end.last == "？"
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

    private static let closingMarks: Set<Character> = ["\"", "”", "’", "'", ")", "]", "»", "*", "_"]
    private static let sentenceEnders: Set<Character> = [".", ",", ";", ":", "!", "…", "。", "！", "，", "；", "："]
}

extension Substring {
    /// Trims whitespace at both ends; ASCII spaces are recognised by their bytes, which is most of them.
    func trimmingWhitespace() -> Substring {
        var result = self
        while let byte = result.utf8.first {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                result = result.dropFirst()
            } else if byte >= 0x80, let first = result.first, first.isWhitespace {
                result = result.dropFirst()
            } else {
                break
            }
        }
        return result.trimmingTrailingWhitespace()
    }

    func trimmingTrailingWhitespace() -> Substring {
        var result = self
        while let byte = result.utf8.last {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                result = result.dropLast()
            } else if byte >= 0x80, let last = result.last, last.isWhitespace {
                result = result.dropLast()
            } else {
                break
            }
        }
        return result
    }

    /// Characters, counted without grapheme breaking when the text is ASCII.
    var characterCount: Int {
        isASCIIOnly ? utf8.count : count
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(self[...].trimmingWhitespace())
    }
}
