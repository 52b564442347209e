/// Splits a command line into words the way a shell would: spaces separate, `"…"` (with `\"` and `\\`),
/// `'…'` and curly `“…”` quote. Unclosed quotes are errors that point at the opening quote.
public enum CommandLineTokenizer {
    public static func words(_ line: String) throws(GlossError) -> [CommandWord] {
        let characters = Array(line)
        var words: [CommandWord] = []
        var index = 0
        while index < characters.count {
            while index < characters.count, characters[index].isWhitespace { index += 1 }
            guard index < characters.count else { break }
            let start = index
            var text = ""
            var quoted = false
            while index < characters.count, !characters[index].isWhitespace {
                let character = characters[index]
                if let close = closingQuote(for: character) {
                    quoted = true
                    let open = index
                    index += 1
                    var closed = false
                    while index < characters.count {
                        let inner = characters[index]
                        if inner == "\\", close != "'", index + 1 < characters.count,
                            characters[index + 1] == "\\" || characters[index + 1] == close
                                || characters[index + 1] == "\""
                        {
                            text.append(characters[index + 1])
                            index += 2
                            continue
                        }
                        if inner == close || (close == "”" && inner == "\"") {
                            closed = true
                            index += 1
                            break
                        }
                        text.append(inner)
                        index += 1
                    }
                    if !closed { throw GlossError("unclosed quote", column: open + 1) }
                } else if character == "\\", index + 1 < characters.count {
                    text.append(characters[index + 1])
                    index += 2
                } else {
                    text.append(character)
                    index += 1
                }
            }
            words.append(CommandWord(text: text, column: start + 1, endColumn: index + 1, quoted: quoted))
        }
        return words
    }

    static func closingQuote(for character: Character) -> Character? {
        switch character {
        case "\"": return "\""
        case "'": return "'"
        case "“": return "”"
        default: return nil
        }
    }

    /// Quotes a word for a canonical command line when it needs it.
    public static func quote(_ word: String) -> String {
        let safe =
            !word.isEmpty
            && word.allSatisfy { character in
                !character.isWhitespace && !"\"'“”\\#".contains(character)
            }
        if safe { return word }
        var escaped = ""
        for character in word {
            if character == "\"" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "\"" + escaped + "\""
    }
}
