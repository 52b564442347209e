/// Finds a run of word characters that every match of a regex must contain, so the vocabulary can
/// narrow the units to scan. Conservative: when unsure, it returns nil and every unit is scanned.
enum RegexLiteral {
    /// The longest required piece, folded like indexed words, or nil.
    static func requiredWordPiece(of pattern: String) -> String? {
        let characters = Array(pattern)
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
            if let next, next == "?" || next == "*" || next == "{" {
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
                while index < characters.count, nested > 0 {
                    if characters[index] == "\\" { index += 1 } else if characters[index] == "(" { nested += 1 } else if characters[index] == ")" { nested -= 1 }
                    index += 1
                }
                depth -= 1
                if index < characters.count, "?*{".contains(characters[index]) { index += 1 }
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
        guard let longest = pieces.max(by: { $0.count < $1.count }), longest.count >= 3 else { return nil }
        // Fold the way the index folds, so the piece is found inside indexed words.
        return Tokenizer().fold(longest)
    }
}
