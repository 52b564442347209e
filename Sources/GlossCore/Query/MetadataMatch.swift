/// How the metadata fields of a query (`author:`, `site:`, `lang:`, `date:`) match a document.
enum MetadataMatch {
    /// Lowercase words of letters and digits, accents kept: names and addresses are matched by them.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    static func isLanguageTag(_ value: String) -> Bool {
        let parts = value.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" })
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
            && parts[0].allSatisfy(\.isLetter)
    }

    static func matches(_ node: QueryNode, _ document: Document) -> Bool {
        switch node {
        case .metadata(let key, let wanted):
            var candidates = document.metadataValues(key).map(words)
            // A site is also named by its address's host (site:nytimes, site:bbc.co.uk).
            if key == .site, let url = document.metadataValue(.url) { candidates.append(words(host(of: url))) }
            return candidates.contains { have in wanted.allSatisfy(have.contains) }
        case .language(let wanted):
            return document.metadataValues(.language).contains { value in
                let tag = value.lowercased().replacingOccurrences(of: "_", with: "-")
                return tag == wanted || tag.hasPrefix(wanted + "-")
            }
        case .published(let lower, let upper):
            guard let date = document.metadataValue(.published) ?? document.metadataValue(.modified) else { return false }
            return date >= lower && date <= upper
        default:
            return false
        }
    }

    /// `www.example.com` of `https://www.example.com/news/story`.
    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" })
    }
}
