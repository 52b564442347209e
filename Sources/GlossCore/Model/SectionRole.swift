/// What a section is for; recognised from its heading so queries (`kind:summary`) and renderers can use it.
public enum SectionRole: String, Sendable, Codable {
    case lead
    case body
    case faq
    case keyPoints = "key-points"
    case summary

    /// Classifies a heading by its words (case and punctuation ignored).
    public static func classify(heading: String) -> SectionRole {
        // Every known heading is short; longer ones are body sections without further work.
        guard heading.utf8.count <= 40 else { return .body }
        switch normalizedWords(heading) {
        case "frequently asked questions", "faq", "faqs", "questions and answers", "q&a", "q & a",
             "common questions", "your questions answered":
            return .faq
        case "key points", "key takeaways", "key facts", "at a glance":
            return .keyPoints
        case "summary", "in summary", "summing up", "the bottom line", "bottom line":
            return .summary
        default:
            return .body
        }
    }

    /// Lowercase letters and `&`, words separated by one space. ASCII headings (nearly all) are done on
    /// bytes; others go through Unicode properties.
    static func normalizedWords(_ heading: String) -> String {
        var bytes: [UInt8] = []
        var pendingSpace = false
        for byte in heading.utf8 {
            if byte >= 0x80 {
                return heading.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "&" }).joined(separator: " ")
            }
            let isLetter = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x26
            if isLetter {
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
