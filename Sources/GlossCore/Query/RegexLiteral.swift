/// Finds runs of word characters that every match of a regex must contain, so the vocabulary can
/// narrow the units to scan. Conservative: when unsure, it returns nil and every unit is scanned.
enum RegexLiteral {
    /// Pieces of which every match contains at least one, folded like indexed words: the longest
    /// required piece, or else the words of a required group of plain alternatives, as in
    /// `(million|billion)`.
    static func requiredAlternatives(of pattern: String) -> [String]? {
        guard let pieces = requiredPieces(of: pattern) else { return nil }
        if let single = pieces.single { return [single] }
        return pieces.alternatives
    }

    private static func requiredPieces(of pattern: String) -> (single: String?, alternatives: [String]?)? {
        let characters = Array(pattern)
        var alternatives: [String]?
        var pieces: [String] = []
        var current = ""
        var depth = 0
        var index = 0
        func endPiece() {
            if !current.isEmpty { pieces.append(current) }
            current = ""
        }
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            // A quantifier that allows zero repetitions makes the previous character optional.
            if let next, next == "?" || next == "*" || next == "{", character != "(" {
                endPiece()
                index += 1
                continue
            }
            switch character {
            case "|":
                if depth == 0 { return nil }  // top-level alternation: nothing is required
                endPiece()
            case "(":
                depth += 1
                endPiece()
                // Groups may be optional or alternatives: skip their content.
                var nested = 1
                index += 1
                let contentStart = index
                while index < characters.count, nested > 0 {
                    if characters[index] == "\\" {
                        index += 1
                    } else if characters[index] == "(" {
                        nested += 1
                    } else if characters[index] == ")" {
                        nested -= 1
                    }
                    index += 1
                }
                depth -= 1
                if index < characters.count, "?*{".contains(characters[index]) {
                    index += 1
                } else if alternatives == nil, nested == 0 {
                    // A required group: if it is plain words or'ed together, one of them is required.
                    alternatives = plainAlternatives(characters[contentStart..<(index - 1)])
                }
                continue
            case "[":
                endPiece()
                while index < characters.count, characters[index] != "]" {
                    if characters[index] == "\\" { index += 1 }
                    index += 1
                }
            case "\\":
                endPiece()
                index += 1  // escaped character or class: never part of a piece
            case "+":
                // The previous character is required once but may repeat: end the piece after it.
                endPiece()
            default:
                if character.isLetter || character.isNumber {
                    current.append(character)
                } else {
                    endPiece()
                }
            }
            index += 1
        }
        endPiece()
        // Fold the way the index folds, so the piece is found inside indexed words.
        let tokenizer = Tokenizer()
        if let longest = pieces.max(by: { $0.count < $1.count }), longest.count >= 3 {
            return tokenizer.fold(longest).map { ($0, nil) }
        }
        // Every alternative must fold to a word, or none narrows anything.
        let folded = alternatives?.compactMap { tokenizer.fold($0) }
        guard let folded, folded.count == alternatives?.count else { return nil }
        return (nil, folded)
    }

    /// `million|billion` or `?:million|billion`: words of three letters or digits or more, nothing else.
    private static func plainAlternatives(_ content: ArraySlice<Character>) -> [String]? {
        var text = String(content)
        if text.hasPrefix("?:") { text.removeFirst(2) }
        let words = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard words.allSatisfy({ $0.count >= 3 && $0.allSatisfy { $0.isLetter || $0.isNumber } }) else { return nil }
        return words
    }
}
