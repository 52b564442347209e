/// Text made safe for XML content and attribute values.
enum XMLEscaping {
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// A paragraph's text cut at spaces into runs of about `length` bytes, as word processors split a
    /// paragraph where its formatting or revision changes.
    static func runs(_ text: String, length: Int = 160) -> [String] {
        var runs: [String] = []
        var current = ""
        for (index, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0 {
                current += " "
                if current.utf8.count >= length {
                    runs.append(current)
                    current = ""
                }
            }
            current += word
        }
        runs.append(current)
        return runs
    }
}
