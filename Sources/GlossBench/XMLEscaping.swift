import GlossCore

/// Text made safe for XML content and attribute values.
enum XMLEscaping {
    /// As the exports escape (GlossCore's XMLWriter), quotes included so it serves attributes too.
    static func escape(_ text: String) -> String { XMLWriter.escape(text, inAttribute: true) }

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
