/// One-line descriptions of documents.
enum DocumentSummary {
    /// "7 sections · 13 passages · 4 FAQ · 8 key points"
    static func counts(_ document: Document) -> String {
        var parts = [
            Counted.phrase(document.headedSectionCount, "section"), Counted.phrase(document.passageCount, "passage"),
        ]
        if !document.faq.isEmpty { parts.append("\(document.faq.count) FAQ") }
        if !document.keyPoints.isEmpty { parts.append(Counted.phrase(document.keyPoints.count, "key point")) }
        return parts.joined(separator: " · ")
    }

    /// "by Jane Doe; Sam Roe · The Harbor Times · 2024-03-05 · en", or nil without known metadata.
    /// `full` adds the modified date, the address and the description, one per line.
    static func metadata(_ document: Document, full: Bool = false) -> [String] {
        var parts: [String] = []
        let authors = document.metadataValues(.author)
        if !authors.isEmpty { parts.append("by " + authors.joined(separator: "; ")) }
        if let site = document.metadataValue(.site) { parts.append(site) }
        if let published = document.metadataValue(.published) {
            parts.append(full ? published : String(published.prefix(10)))
        }
        if let language = document.metadataValue(.language) { parts.append(language) }
        var lines = parts.isEmpty ? [] : [parts.joined(separator: " · ")]
        guard full else { return lines }
        if let modified = document.metadataValue(.modified) { lines.append("modified " + modified) }
        if let url = document.metadataValue(.url) { lines.append(url) }
        if let description = document.metadataValue(.description) { lines.append(description) }
        return lines
    }
}
