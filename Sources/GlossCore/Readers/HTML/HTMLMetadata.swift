import Foundation

/// What a page says about itself, from JSON-LD (schema.org NewsArticle, Article and kin, FAQPage),
/// OpenGraph and other `<meta>` tags, microdata, `<link rel=canonical>`, `<html lang>`, `<time>` and
/// `<title>`. Each field takes the first source that gives it, in an order that prefers the
/// structured sources.
struct HTMLMetadata {
    var title: String?
    var titleLine = 1
    var authors: [String] = []
    var published: String?
    var modified: String?
    var site: String?
    var url: String?
    var language: String?
    var description: String?
    /// Questions and answers of a schema.org FAQPage, with the line of their script or element.
    var faq: [(question: String, answer: String, line: Int)] = []
    /// The text a page's JSON-LD gives as the article's body, when it does.
    var articleBody: String?

    init(tree: HTMLTree) {
        var candidates = Candidates()
        for index in 0..<Int32(tree.nodes.count) {
            let node = tree[index]
            guard !node.isText else { continue }
            switch node.tag {
            case .html:
                candidates.add(.language, tree.attribute(.lang, of: index), rank: 0)
            case .title:
                if candidates.documentTitle == nil {
                    candidates.documentTitle = (tree.plainText(of: index), Int(node.line))
                }
            case .meta:
                candidates.meta(tree, index)
            case .link:
                let rel = tree.attribute(.rel, of: index)?.lowercased() ?? ""
                if rel.split(separator: " ").contains("canonical") {
                    candidates.add(.url, tree.attribute(.href, of: index), rank: 0)
                }
            case .script:
                candidates.structuredData(tree.plainText(of: index, limit: 4 << 20), line: Int(node.line))
            case .time:
                let datetime = tree.attribute(.datetime, of: index) ?? tree.plainText(of: index)
                candidates.add(.published, datetime, rank: 9)
            case .h1:
                if candidates.firstHeading == nil {
                    candidates.firstHeading = (tree.plainText(of: index), Int(node.line))
                }
            default:
                break
            }
            if let property = tree.attribute(.itemprop, of: index), node.tag != .meta {
                candidates.microdata(property, tree, index)
            }
        }
        authors = candidates.authors
        published = candidates.best(.published).flatMap(MetadataDate.normalized)
        modified = candidates.best(.modified).flatMap(MetadataDate.normalized)
        site = candidates.best(.site)
        url = candidates.best(.url)
        language = candidates.best(.language).map { $0.replacingOccurrences(of: "_", with: "-") }
        description = candidates.best(.description)
        faq = candidates.faq
        articleBody = candidates.articleBody
        if let (title, line) = candidates.title {
            self.title = Self.withoutSiteName(title, site: site)
            titleLine = line
        }
    }

    /// The fields for the document, in `MetadataKey` order.
    var fields: [(MetadataKey, String)] {
        var fields: [(MetadataKey, String)] = []
        if !authors.isEmpty { fields.append((.author, authors.joined(separator: "; "))) }
        if let published { fields.append((.published, published)) }
        if let modified { fields.append((.modified, modified)) }
        if let site { fields.append((.site, site)) }
        if let url { fields.append((.url, url)) }
        if let language { fields.append((.language, language)) }
        if let description { fields.append((.description, description)) }
        return fields
    }

    /// A headline without the site's name that `<title>` adds: "Storm closes ferry | The Gazette".
    static func withoutSiteName(_ title: String, site: String?) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "] {
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            let first = parts[0].trimmingWhitespace()
            let last = parts[parts.count - 1].trimmingWhitespace()
            func isSite(_ part: String) -> Bool {
                if let site, !site.isEmpty {
                    let folded = part.lowercased()
                    let siteName = site.lowercased()
                    if folded == siteName || folded.contains(siteName) || siteName.contains(folded) { return true }
                }
                return false
            }
            if isSite(last) { return parts.dropLast().joined(separator: separator).trimmingWhitespace() }
            if isSite(first) { return parts.dropFirst().joined(separator: separator).trimmingWhitespace() }
            // Without a known site name: the part much longer than the others is the headline.
            if site == nil {
                let lengths = parts.map { $0.trimmingWhitespace().split(separator: " ").count }
                let longest = lengths.indices.max { lengths[$0] < lengths[$1] }!
                if lengths.indices.allSatisfy({ $0 == longest || lengths[$0] + 2 <= lengths[longest] }) {
                    return parts[longest].trimmingWhitespace()
                }
                // A short last part (two or three words) after a headline at least as long names the site.
                if parts.count == 2, (2...3).contains(lengths[1]), lengths[0] >= lengths[1] {
                    return first
                }
            }
        }
        return title
    }
}

/// Values found for each field, with how much each source is trusted (lower wins; the first of a rank wins).
private struct Candidates {
    enum Field { case published, modified, site, url, language, description, headline }

    private var values: [Field: (value: String, rank: Int, line: Int)] = [:]
    private var authorCandidates: [(names: [String], rank: Int, source: String)] = []
    var documentTitle: (String, Int)?
    var firstHeading: (String, Int)?
    var faq: [(question: String, answer: String, line: Int)] = []
    var articleBody: String?

    mutating func add(_ field: Field, _ value: String?, rank: Int, line: Int = 1) {
        guard let value = value.map(Self.clean), !value.isEmpty else { return }
        if let existing = values[field], existing.rank <= rank { return }
        values[field] = (value, rank, line)
    }

    /// Names from one source; a source that repeats (several `article:author` tags) adds to its list.
    mutating func addAuthors(_ names: [String], rank: Int, source: String) {
        let names = names.map(Self.clean).map(Self.withoutBy).filter {
            !$0.isEmpty && !$0.hasPrefix("http") && !$0.hasPrefix("@")
        }
        guard !names.isEmpty else { return }
        if let last = authorCandidates.indices.last, authorCandidates[last].source == source,
            authorCandidates[last].rank == rank
        {
            authorCandidates[last].names += names
        } else {
            authorCandidates.append((names, rank, source))
        }
    }

    func best(_ field: Field) -> String? { values[field]?.value }

    var authors: [String] {
        guard let best = authorCandidates.min(by: { $0.rank < $1.rank }) else { return [] }
        var seen = Set<String>()
        return best.names.filter { seen.insert($0.lowercased()).inserted }
    }

    var title: (String, Int)? {
        if let value = values[.headline] { return (value.value, value.line) }
        return firstHeading ?? documentTitle
    }

    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// "By Jane Doe" as "Jane Doe".
    static func withoutBy(_ name: String) -> String {
        name.lowercased().hasPrefix("by ") ? String(name.dropFirst(3)).trimmingWhitespace() : name
    }

    // MARK: - Meta tags

    mutating func meta(_ tree: HTMLTree, _ index: Int32) {
        guard let content = tree.attribute(.content, of: index) else { return }
        let key =
            (tree.attribute(.property, of: index) ?? tree.attribute(.name, of: index)
            ?? tree.attribute(.itemprop, of: index) ?? tree.attribute(.httpEquiv, of: index) ?? "").lowercased()
        switch key {
        case "og:title": add(.headline, content, rank: 1, line: Int(tree[index].line))
        case "twitter:title": add(.headline, content, rank: 3, line: Int(tree[index].line))
        case "og:site_name": add(.site, content, rank: 0)
        case "application-name", "twitter:site:name": add(.site, content, rank: 5)
        case "og:url": add(.url, content, rank: 2)
        case "description": add(.description, content, rank: 0)
        case "og:description": add(.description, content, rank: 1)
        case "twitter:description": add(.description, content, rank: 3)
        case "og:locale": add(.language, content, rank: 3)
        case "content-language", "language", "dc.language", "dcterms.language": add(.language, content, rank: 4)
        case "article:published_time", "og:published_time", "article:published", "datepublished":
            add(.published, content, rank: 1)
        case "date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "dc.date",
            "dc.date.issued",
            "dcterms.created", "dcterms.issued", "dcterms.date", "sailthru.date", "parsely-pub-date",
            "article.published",
            "originalpublicationdate", "citation_publication_date", "citation_date", "dc.date.created", "date.created",
            "article_date_original", "og:article:published_time", "cxenseparse:recs:publishtime":
            add(.published, content, rank: 3)
        case "article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified",
            "article.updated",
            "dc.date.modified", "og:article:modified_time":
            add(.modified, content, rank: 2)
        case "author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "citation_author", "byl",
            "article.author":
            addAuthors(Self.splitNames(content), rank: 2, source: key)
        case "article:author", "og:article:author":
            addAuthors(Self.splitNames(content), rank: 3, source: key)
        default:
            break
        }
    }

    static func splitNames(_ text: String) -> [String] {
        let separators: Set<Character> = [";", "|"]
        var names = text.split(whereSeparator: { separators.contains($0) }).map(String.init)
        if names.count == 1, text.contains(","), !text.contains(" and ") {
            names = text.split(separator: ",").map(String.init)
            // "Doe, Jane" is one name.
            if names.count == 2, names.allSatisfy({ !$0.trimmingWhitespace().contains(" ") }) { names = [text] }
        }
        return names.flatMap { $0.components(separatedBy: " and ") }.map { $0.trimmingWhitespace() }
    }

    // MARK: - Microdata

    mutating func microdata(_ property: String, _ tree: HTMLTree, _ index: Int32) {
        let value =
            tree.attribute(.content, of: index) ?? tree.attribute(.datetime, of: index)
            ?? (tree[index].tag == .abbr ? tree.attribute(.title, of: index) : nil)
        switch property.lowercased() {
        case "name" where Self.isInsideArticleItem(tree, index):
            add(.headline, value ?? tree.plainText(of: index), rank: 2, line: Int(tree[index].line))
        case "datepublished", "datecreated": add(.published, value ?? tree.plainText(of: index), rank: 2)
        case "datemodified": add(.modified, value ?? tree.plainText(of: index), rank: 3)
        case "headline": add(.headline, value ?? tree.plainText(of: index), rank: 2, line: Int(tree[index].line))
        case "inlanguage": add(.language, value ?? tree.plainText(of: index), rank: 4)
        case "author", "creator":
            // The author's name, or the text of its element.
            let name = tree.descendants(of: index).prefix(200).first {
                tree.attribute(.itemprop, of: $0)?.lowercased() == "name"
            }
            let text =
                name.map { tree.attribute(.content, of: $0) ?? tree.plainText(of: $0) } ?? value
                ?? tree.plainText(of: index)
            if text.count <= 100 { addAuthors(Self.splitNames(text), rank: 2, source: "microdata") }
        case "publisher":
            let name = tree.descendants(of: index).prefix(200).first {
                tree.attribute(.itemprop, of: $0)?.lowercased() == "name"
            }
            if let name { add(.site, tree.attribute(.content, of: name) ?? tree.plainText(of: name), rank: 2) }
        default:
            break
        }
    }

    /// Whether the nearest item around an element is an article (`itemtype` …/BlogPosting, NewsArticle…).
    static func isInsideArticleItem(_ tree: HTMLTree, _ index: Int32) -> Bool {
        var current = tree[index].parent
        var steps = 0
        while current > 0, steps < 50 {
            steps += 1
            if let type = tree.attribute(.itemtype, of: current) {
                let name = type.split(separator: "/").last.map { $0.lowercased() } ?? ""
                return articleTypes.contains(name)
            }
            current = tree[current].parent
        }
        return false
    }

    // MARK: - JSON-LD

    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting", "techarticle", "scholarlyarticle", "report",
        "socialmediaposting", "posting", "review", "howto", "medicalwebpage",
    ]

    mutating func structuredData(_ json: String, line: Int) {
        guard let data = json.data(using: .utf8),
            let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return }
        var items: [[String: Any]] = []
        var pending: [Any] = [root]
        while let next = pending.popLast(), items.count < 500 {
            if let array = next as? [Any] {
                pending.append(contentsOf: array.reversed())
            } else if let object = next as? [String: Any] {
                items.append(object)
                if let graph = object["@graph"] { pending.append(graph) }
            }
        }
        var byID: [String: [String: Any]] = [:]
        for item in items { if let id = item["@id"] as? String { byID[id] = item } }
        func resolve(_ value: Any?) -> [String: Any]? {
            guard let object = value as? [String: Any] else { return nil }
            if object.count == 1, let id = object["@id"] as? String, let target = byID[id] { return target }
            return object
        }
        for item in items {
            let types = Self.types(of: item)
            if types.contains(where: Self.articleTypes.contains) {
                article(item, resolve: resolve, line: line)
            } else if types.contains("faqpage") {
                faqPage(item, line: line)
            } else if types.contains("website") {
                add(.site, Self.string(item["name"]), rank: 3)
            } else if types.contains("webpage") {
                add(.headline, Self.string(item["headline"]), rank: 4, line: line)
                add(.published, Self.string(item["datePublished"]), rank: 4)
                add(.modified, Self.string(item["dateModified"]), rank: 4)
                add(.language, Self.string(item["inLanguage"]), rank: 4)
                if let entity = resolve(item["mainEntity"]), Self.types(of: entity).contains("faqpage") {
                    faqPage(entity, line: line)
                }
            }
        }
    }

    private mutating func article(_ item: [String: Any], resolve: (Any?) -> [String: Any]?, line: Int) {
        add(.headline, Self.string(item["headline"]) ?? Self.string(item["name"]), rank: 0, line: line)
        add(.published, Self.string(item["datePublished"]) ?? Self.string(item["dateCreated"]), rank: 0)
        add(.modified, Self.string(item["dateModified"]), rank: 0)
        add(.language, Self.string(item["inLanguage"]), rank: 2)
        add(.description, Self.string(item["description"]), rank: 2)
        if let url = Self.string(item["url"]) ?? Self.string(item["mainEntityOfPage"])
            ?? Self.string(resolve(item["mainEntityOfPage"])?["@id"])
        {
            add(.url, url, rank: 1)
        }
        let publisher = (item["publisher"] as? [Any])?.first ?? item["publisher"]
        add(.site, Self.string(resolve(publisher)?["name"]) ?? Self.string(publisher), rank: 1)
        var names: [String] = []
        let authors = (item["author"] as? [Any]) ?? item["author"].map { [$0] } ?? []
        for author in authors {
            if let name = Self.string(author) {
                names.append(name)
            } else if let name = Self.string(resolve(author)?["name"]) {
                names.append(name)
            }
        }
        addAuthors(names, rank: 0, source: "json-ld")
        if articleBody == nil, let body = Self.string(item["articleBody"]), !body.isEmpty { articleBody = body }
    }

    private mutating func faqPage(_ item: [String: Any], line: Int) {
        let entities = (item["mainEntity"] as? [Any]) ?? item["mainEntity"].map { [$0] } ?? []
        for case let question as [String: Any] in entities {
            guard let name = Self.string(question["name"]) else { continue }
            let accepted = (question["acceptedAnswer"] as? [Any])?.first ?? question["acceptedAnswer"]
            let answer = Self.string((accepted as? [String: Any])?["text"]) ?? ""
            faq.append((Self.clean(name), HTMLFragment.text(answer), line))
        }
    }

    static func types(of item: [String: Any]) -> [String] {
        if let type = item["@type"] as? String { return [type.lowercased()] }
        return (item["@type"] as? [Any])?.compactMap { ($0 as? String)?.lowercased() } ?? []
    }

    /// A string value, or the first of an array of strings; numbers are not names.
    static func string(_ value: Any?) -> String? {
        if let text = value as? String { return text.isEmpty ? nil : text }
        if let array = value as? [Any], let first = array.first as? String { return first }
        return nil
    }
}
