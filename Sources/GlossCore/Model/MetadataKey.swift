/// The metadata fields gloss knows: shown by `docs` and `show DOC:`, exported, and queryable
/// (`author:`, `site:`, `lang:`, `date:`). Readers store them under these names; Markdown front matter
/// may use the usual other names (`date:`, `authors:`, `language:`…), which count as the same field.
public enum MetadataKey: String, CaseIterable, Sendable {
    /// Authors, several separated by `; ` (front matter may also write a list: `[A, B]`).
    case author
    /// When the document was published, ISO 8601 (`2024-03-05` or `2024-03-05T09:30:00Z`).
    case published
    case modified
    /// The site or publication's name.
    case site
    /// The canonical address of the document.
    case url
    /// The language's tag (`en`, `en-GB`).
    case language = "lang"
    case description

    /// Field names that mean this field, lowercase, the canonical name first.
    public var names: [String] {
        switch self {
        case .author: return ["author", "authors", "byline", "creator", "by"]
        case .published:
            return [
                "published", "date", "pubdate", "date_published", "datepublished", "published_at", "publish_date",
                "created",
            ]
        case .modified:
            return ["modified", "updated", "date_modified", "datemodified", "lastmod", "last_modified", "updated_at"]
        case .site: return ["site", "site_name", "sitename", "publisher", "publication", "source"]
        case .url: return ["url", "canonical", "canonical_url", "link", "permalink"]
        case .language: return ["lang", "language", "locale", "inlanguage"]
        case .description: return ["description", "excerpt", "abstract", "subtitle", "dek"]
        }
    }

    /// The field a metadata name stands for, if any.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard let key = Self.allCases.first(where: { $0.names.contains(lowered) }) else { return nil }
        self = key
    }
}

extension Document {
    /// The values of a known field, first field first: authors split into names, dates made ISO 8601
    /// (a date that cannot be read is left out), other values trimmed.
    public func metadataValues(_ key: MetadataKey) -> [String] {
        var values: [String] = []
        for field in metadata where MetadataKey(name: field.key) == key {
            switch key {
            case .author:
                values += Self.names(in: field.value)
            case .published, .modified:
                if let date = MetadataDate.normalized(field.value) { values.append(date) }
            default:
                let value = field.value.trimmingWhitespace()
                if !value.isEmpty { values.append(value) }
            }
        }
        return values
    }

    public func metadataValue(_ key: MetadataKey) -> String? {
        metadataValues(key).first
    }

    /// The known fields present, in the order of `MetadataKey`, with their values as shown (authors
    /// joined by `; `).
    public var knownMetadata: [(key: MetadataKey, value: String)] {
        MetadataKey.allCases.compactMap { key in
            let values = metadataValues(key)
            return values.isEmpty ? nil : (key, key == .author ? values.joined(separator: "; ") : values[0])
        }
    }

    /// Names in an author field: `A; B`, a YAML list `[A, B]`, or one name.
    static func names(in value: String) -> [String] {
        var text = value.trimmingWhitespace()
        var separators: Set<Character> = [";", "\n"]
        if text.hasPrefix("["), text.hasSuffix("]") {
            text = String(text.dropFirst().dropLast())
            separators.insert(",")
        }
        return text.split(whereSeparator: { separators.contains($0) }).map { name in
            var name = name.trimmingWhitespace()
            if name.count >= 2, let first = name.first, first == name.last, first == "\"" || first == "'" {
                name = name.dropFirst().dropLast()
            }
            return String(name)
        }.filter { !$0.isEmpty }
    }
}
