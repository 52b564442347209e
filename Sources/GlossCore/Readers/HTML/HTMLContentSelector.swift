/// Finds the element holding the article, as Readability does: every paragraph of some length gives
/// points (one, one per comma, one per hundred characters up to three) to the element around it, half
/// as many to the one above, and less further up; an element's points are weighed by its kind and its
/// class names and cut by the share of its text inside links. The best element wins; an element above
/// it with as many points, and siblings that score well or read as paragraphs, join it.
struct HTMLContentSelector {
    let tree: HTMLTree
    let blocks: [HTMLBlock]

    /// The elements that hold the article, in document order; empty when nothing scored (the caller
    /// then keeps every block).
    func roots() -> [Int32] {
        var scores: [Int32: Double] = [:]
        for block in blocks where block.characters >= 25 {
            let scored: Int32
            switch block.kind {
            case .paragraph, .quote, .code: scored = block.node
            case .listItem where block.group >= 0: scored = block.group
            default: continue
            }
            let points = 1 + Double(commas(block.text)) + Double(min(3, block.characters / 100))
            var ancestor = tree[scored].parent
            var level = 0
            while ancestor > 0, level < 5 {
                if scores[ancestor] == nil { scores[ancestor] = initialScore(ancestor) }
                scores[ancestor]! += points / (level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3)
                ancestor = tree[ancestor].parent
                level += 1
            }
        }
        guard !scores.isEmpty else { return [] }
        var final: [Int32: Double] = [:]
        for (node, score) in scores { final[node] = score * (1 - linkDensity(of: node)) }
        var top = final.max { ($0.value, -$0.key) < ($1.value, -$1.key) }!.key

        // Several strong candidates under one element: the article is that element.
        let strong = final.filter { $0.key != top && $0.value >= final[top]! * 0.75 }.sorted { $0.value > $1.value }
            .prefix(5).map(\.key)
        if strong.count >= 3 {
            var ancestor = tree[top].parent
            while ancestor > 0 {
                if strong.filter({ tree.isInside($0, ancestor) }).count >= 3 {
                    top = ancestor
                    break
                }
                ancestor = tree[ancestor].parent
            }
        }
        // An element above with more points holds more of the article.
        var lastScore = final[top] ?? 0
        var parent = tree[top].parent
        while parent > 0, tree[parent].tag != .body {
            guard let parentScore = final[parent] else {
                parent = tree[parent].parent
                continue
            }
            if parentScore < lastScore / 3 { break }
            if parentScore > lastScore {
                top = parent
                break
            }
            lastScore = parentScore
            parent = tree[parent].parent
        }
        // An only child stands for its parent.
        while tree[top].parent > 0, tree[tree[top].parent].tag != .body, elementChildren(of: tree[top].parent) == 1 {
            top = tree[top].parent
        }

        let topScore = final[top] ?? 0
        let threshold = max(10, topScore * 0.2)
        let topClass = tree.attribute(.class, of: top) ?? ""
        var roots: [Int32] = []
        let container = tree[top].parent
        for sibling in container > 0 ? Array(tree.children(of: container)) : [top] where !tree[sibling].isText {
            if sibling == top {
                roots.append(sibling)
                continue
            }
            var score = final[sibling] ?? 0
            if !topClass.isEmpty, tree.attribute(.class, of: sibling) == topClass { score += topScore * 0.2 }
            if score >= threshold || readsAsParagraph(sibling) { roots.append(sibling) }
        }
        return roots
    }

    /// A sibling that is a paragraph of the article: long with few links, or a short sentence without any.
    private func readsAsParagraph(_ node: Int32) -> Bool {
        let inside = blockRange(of: node)
        guard inside.count == 1, case .paragraph = blocks[inside.lowerBound].kind else { return false }
        let block = blocks[inside.lowerBound]
        if block.characters > 80 { return block.linkDensity < 0.25 }
        return block.linkCharacters == 0 && (block.text.hasSuffix(".") || block.text.contains(". "))
    }

    private func elementChildren(of node: Int32) -> Int {
        tree.children(of: node).filter { !tree[$0].isText }.count
    }

    private func initialScore(_ node: Int32) -> Double {
        var score: Double
        switch tree[node].tag {
        case .div: score = 5
        case .article: score = 10
        case .pre, .td, .blockquote: score = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
        default: score = 0
        }
        return score + classWeight(node)
    }

    /// +25 for a class or id naming content, -25 for one naming boilerplate; +50 for a marked article body.
    private func classWeight(_ node: Int32) -> Double {
        var weight = 0.0
        if tree.attribute(.itemprop, of: node)?.lowercased().split(separator: " ").contains("articlebody") == true {
            weight += 50
        }
        for name in [HTMLTree.AttributeName.class, .id] {
            guard let value = tree.attribute(name, of: node), !value.isEmpty else { continue }
            let words = HTMLBoilerplate.splitName(value)
            if words.contains(where: HTMLBoilerplate.isStrongBoilerplateWord)
                || words.contains(where: Self.negativeWords.contains)
            {
                weight -= 25
            }
            if words.contains(where: Self.positiveWords.contains) { weight += 25 }
        }
        return weight
    }

    private static let positiveWords: Set<String> = [
        "article", "articlebody", "body", "content", "entry", "hentry", "main", "page", "pagination", "post", "text",
        "blog",
        "story", "prose", "richtext", "markdown",
    ]
    private static let negativeWords: Set<String> = [
        "hidden", "banner", "combx", "com", "contact", "foot", "footer", "footnote", "masthead", "media", "meta",
        "outbrain",
        "promo", "related", "scroll", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool",
        "widget",
    ]

    /// Commas of Latin, CJK and Arabic script.
    private func commas(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars
        where scalar == "," || scalar == "\u{FF0C}" || scalar == "\u{3001}" || scalar == "\u{060C}" {
            count += 1
        }
        return count
    }

    /// The share of an element's text inside links.
    func linkDensity(of node: Int32) -> Double {
        var characters = 0
        var links = 0
        for index in blockRange(of: node) {
            characters += blocks[index].characters
            links += blocks[index].linkCharacters
        }
        return characters == 0 ? 0 : Double(links) / Double(characters)
    }

    /// The blocks whose text lies inside an element: a contiguous run, found by binary search.
    func blockRange(of node: Int32) -> Range<Int> {
        let end = tree.end(of: node)
        return lowerBound(node)..<lowerBound(end)
    }

    private func lowerBound(_ text: Int32) -> Int {
        var low = 0
        var high = blocks.count
        while low < high {
            let middle = (low + high) / 2
            if blocks[middle].firstText < text { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
