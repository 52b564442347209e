import Foundation

/// How the document fields of a query (`author:`, `site:`, `lang:`, `date:`, `path:`) match a document.
enum MetadataMatch {
    /// Lowercase words of letters and digits, accents kept: names and addresses are matched by them.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    static func isLanguageTag(_ value: String) -> Bool {
        let parts = value.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" })
        return !parts.isEmpty
            && parts.allSatisfy {
                !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            }
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
            guard let date = document.metadataValue(.published) ?? document.metadataValue(.modified) else {
                return false
            }
            return date >= lower && date <= upper
        case .path(let glob):
            return pathMatches(glob, document.readPath)
        default:
            return false
        }
    }

    /// Whether a path ends in something a `path:` value names, ignoring case: each end of the path that
    /// starts after a `/` (`politics/001.txt`, `001.txt`), with or without the file's extension, is
    /// compared; a glob (`politics/*`, `*.md`; `*` spans `/`) must match one whole, a plain value must be
    /// one or name folders it starts with (`politics` takes `politics/001.txt`).
    static func pathMatches(_ value: String, _ path: String) -> Bool {
        let withoutExtension =
            DocumentLoader.pathExtension(path).isEmpty
            ? nil : String(path.dropLast(DocumentLoader.pathExtension(path).count + 1))
        let isGlob = DocumentLoader.containsGlob(value)
        let folded = value.lowercased()
        for candidate in [path, withoutExtension].compactMap({ $0 }) {
            let lowered = candidate.lowercased()
            var ends = [lowered[...]]
            var index = lowered.startIndex
            while let slash = lowered[index...].firstIndex(of: "/") {
                ends.append(lowered[lowered.index(after: slash)...])
                index = lowered.index(after: slash)
            }
            for end in ends where !end.isEmpty {
                if isGlob {
                    if fnmatch(folded, String(end), 0) == 0 { return true }
                } else if end == folded || end.hasPrefix(folded + "/") {
                    return true
                }
            }
        }
        return false
    }

    /// `www.example.com` of `https://www.example.com/news/story`.
    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" })
    }
}
