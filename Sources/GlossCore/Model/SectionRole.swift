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
        let words = heading.lowercased()
            .split(whereSeparator: { !$0.isLetter && $0 != "&" })
            .joined(separator: " ")
        switch words {
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
}
