/// One-line descriptions of documents.
enum DocumentSummary {
    /// "7 sections · 13 passages · 4 FAQ · 8 key points"
    static func counts(_ document: Document) -> String {
        var parts = ["\(document.headedSectionCount) section\(document.headedSectionCount == 1 ? "" : "s")",
                     "\(document.passageCount) passage\(document.passageCount == 1 ? "" : "s")"]
        if !document.faq.isEmpty { parts.append("\(document.faq.count) FAQ") }
        if !document.keyPoints.isEmpty { parts.append("\(document.keyPoints.count) key point\(document.keyPoints.count == 1 ? "" : "s")") }
        return parts.joined(separator: " · ")
    }
}
