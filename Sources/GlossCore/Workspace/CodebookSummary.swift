/// The codebook as a tree with each tag's counts, worked out in one pass over the tags, the codings
/// and the marks. Asked tag by tag (`Annotations.children(of:)`, `directCount`, `totalCount`), each
/// answer scanned the whole codebook or every mark: `tags` and the reports were quadratic, and 10,000
/// tags took minutes.
public struct CodebookSummary {
    /// Tags in tree order: a parent before its children, siblings by path (ignoring case); a tag whose
    /// parent is missing from the codebook is left out, as the tree cannot reach it.
    public private(set) var rows: [(tag: Tag, depth: Int)] = []
    /// Children of each tag by key, sorted by path; "" holds the top-level tags.
    private var childrenByParent: [String: [Tag]] = [:]
    private var direct: [String: Int] = [:]
    private var total: [String: Int] = [:]

    public init(_ annotations: Annotations) {
        for tag in annotations.tags.values {
            childrenByParent[Tag.parent(of: tag.path).map(Tag.key) ?? "", default: []].append(tag)
        }
        for key in childrenByParent.keys {
            childrenByParent[key]!.sort { $0.path.lowercased() < $1.path.lowercased() }
        }
        // Depth first, through a stack (the tree is as deep as tag names allow).
        var pending = (childrenByParent[""] ?? []).reversed().map { (tag: $0, depth: 0) }
        while let row = pending.popLast() {
            rows.append(row)
            pending += (childrenByParent[row.tag.key] ?? []).reversed().map { (tag: $0, depth: row.depth + 1) }
        }
        // Direct: elements and marks carrying the tag itself. Total: distinct elements and marks
        // carrying it or a tag below it, each counted once for every tag above the ones it carries.
        for (key, elements) in annotations.tagElements { direct[key, default: 0] += elements.count }
        for (_, keys) in annotations.elementTags { count(keys, in: annotations) }
        for mark in annotations.marks.values {
            for key in mark.tags { direct[key, default: 0] += 1 }
            count(mark.tags, in: annotations)
        }
    }

    /// Adds one to the total of each tag that `keys` are, or are below, once.
    private mutating func count(_ keys: some Sequence<String>, in annotations: Annotations) {
        var counted = Set<String>()
        for key in keys where annotations.tags[key] != nil {
            var current: String? = key
            // Going up stops at a tag already counted: everything above it was counted with it.
            while let tag = current, counted.insert(tag).inserted {
                total[tag, default: 0] += 1
                current = Tag.parent(of: tag)
            }
        }
    }

    /// Elements and marks tagged with exactly this tag.
    public func directCount(_ key: String) -> Int { direct[key] ?? 0 }

    /// Distinct elements and marks tagged with this tag or one below it.
    public func totalCount(_ key: String) -> Int { total[key] ?? 0 }

    /// Children of a tag (nil: the top-level tags), sorted by path.
    public func children(of key: String?) -> [Tag] { childrenByParent[key ?? ""] ?? [] }
}
