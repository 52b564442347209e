#if canImport(Glibc)
    import Glibc
#endif

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
        // An ASCII heading (nearly all) is compared on its normalized bytes, without making a String.
        if case .some(.some(.some(let role))) = heading.utf8.withContiguousStorageIfAvailable(classifyASCII) {
            return role
        }
        return knownHeadings[normalizedWords(heading)] ?? .body
    }

    /// Known headings by their normalized words.
    private static let knownHeadings: [String: SectionRole] = [
        "frequently asked questions": .faq, "faq": .faq, "faqs": .faq, "questions and answers": .faq, "q&a": .faq,
        "q & a": .faq, "common questions": .faq, "your questions answered": .faq,
        "key points": .keyPoints, "key takeaways": .keyPoints, "key facts": .keyPoints, "at a glance": .keyPoints,
        "takeaways": .keyPoints, "highlights": .keyPoints, "key findings": .keyPoints,
        "summary": .summary, "in summary": .summary, "summing up": .summary, "the bottom line": .summary,
        "bottom line": .summary,
    ]
    private static let knownASCIIHeadings: [(words: [UInt8], role: SectionRole)] = knownHeadings.map {
        (Array($0.key.utf8), $0.value)
    }

    /// The role of an ASCII heading of at most 40 bytes, from its normalized words built on the stack;
    /// nil for a heading with other characters.
    private static func classifyASCII(_ heading: UnsafeBufferPointer<UInt8>) -> SectionRole?? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { normalized -> SectionRole?? in
            var count = 0
            var pendingSpace = false
            for byte in heading {
                if byte >= 0x80 { return nil }
                let isLetter =
                    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "&")
                if isLetter {
                    if pendingSpace && count > 0 {
                        normalized[count] = 0x20
                        count += 1
                    }
                    pendingSpace = false
                    normalized[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                    count += 1
                } else {
                    pendingSpace = true
                }
            }
            let words = UnsafeBufferPointer(rebasing: normalized[..<count])
            // Lengths first, then memcmp: a generic elementsEqual per known heading cost more than the rest.
            let known = knownASCIIHeadings.first { known in
                known.words.count == count
                    && known.words.withUnsafeBufferPointer { memcmp($0.baseAddress!, words.baseAddress!, count) == 0 }
            }
            return .some(known?.role ?? .body)
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
            let isLetter =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "&")
            if isLetter {
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
