/// Drops the blocks inside an article's element that are still not its text: the headline (kept as the
/// title), time stamps standing alone, link lists and teaser links, ad and share labels, "Read more"
/// lines, pull quotes that repeat a paragraph, repeated blocks, and headings left with nothing under them.
struct HTMLBlockFilter {
    let tree: HTMLTree
    let title: String?
    /// The page's description (a standfirst often repeats it).
    let description: String?
    /// Paragraph elements that come right after the page's `h1` and share its parent.
    let underHeadline: Set<Int32>

    func filtered(_ blocks: [HTMLBlock]) -> [HTMLBlock] {
        let normalizedTitle = title.map(Self.normalized)
        // Lists most of whose items are links are link lists.
        var linkItems: [Int32: (links: Int, items: Int)] = [:]
        for block in blocks where block.kind == .listItem && block.group >= 0 {
            linkItems[block.group, default: (0, 0)].items += 1
            if block.linkDensity > 0.7 { linkItems[block.group, default: (0, 0)].links += 1 }
        }
        // Tables most of whose rows are links are navigation laid out as a table (old portal pages);
        // a row's separators (" | ") count against its links, hence the lower bar.
        var linkRows: [Int32: (links: Int, rows: Int)] = [:]
        for block in blocks where block.group >= 0 {
            guard case .tableRow = block.kind else { continue }
            linkRows[block.group, default: (0, 0)].rows += 1
            if block.linkDensity > 0.5 { linkRows[block.group, default: (0, 0)].links += 1 }
        }
        // Paragraphs a pull quote may repeat, worked out only when there are quotes.
        let paragraphs =
            blocks.contains { $0.kind == .quote }
            ? blocks.filter { $0.kind == .paragraph && $0.characters >= 40 }.map { Self.normalized($0.text) } : []
        var seen = Set<String>()
        var kept: [HTMLBlock] = []
        let firstParagraph = blocks.firstIndex { $0.kind == .paragraph }
        let normalizedDescription = description.map(Self.normalized)
        var keptParagraph = false
        // The level of a heading that opened the comments (a flat blog page runs them on under the post):
        // what follows is left out up to a heading of that level or above.
        var commentsLevel: Int?
        // A box of teasers, links or listings under a boilerplate heading ("More", "Also in Sport",
        // "External links") in a container of its own after the article: left out whole.
        var skippedBox: Int32?
        for (position, block) in blocks.enumerated() {
            let text = block.text
            if let box = skippedBox {
                if tree.isInside(block.node, box) { continue }
                skippedBox = nil
            }
            if keptParagraph, block.characters <= 80, let box = boilerplateBox(at: position, in: blocks, after: kept) {
                skippedBox = box
                continue
            }
            if case .heading(let level) = block.kind, block.characters <= 80 {
                if Self.isCommentsHeading(text) {
                    commentsLevel = min(level, commentsLevel ?? level)
                    continue
                }
                if let opened = commentsLevel, level <= opened { commentsLevel = nil }
            }
            if commentsLevel != nil { continue }
            // The same opening written as a short line rather than a heading ("Comments", "Comments are
            // now closed for this story"): once the article has begun, it opens the comments (any heading
            // ends them); before, it is a count under the headline, left out alone.
            if block.kind == .paragraph, block.characters <= 60, block.linkDensity < 0.5, Self.isCommentsHeading(text) {
                if keptParagraph { commentsLevel = 6 }
                continue
            }
            switch block.kind {
            case .heading(let level):
                // The headline, kept as the title; another h1 before the article starts is its kicker.
                if let normalizedTitle, block.characters < 400, Self.normalized(text) == normalizedTitle { continue }
                if level == 1, position < (firstParagraph ?? 0) { continue }
                if block.linkDensity > 0.5 || Self.isBoilerplateHeading(text) { continue }
            case .listItem:
                if let counts = linkItems[block.group], counts.links * 2 >= counts.items, block.linkDensity > 0.3 {
                    continue
                }
                if block.linkDensity > 0.9 && block.characters < 150 { continue }
            case .quote:
                // A pull quote repeats a paragraph of the body.
                let quote = Self.normalized(text)
                if quote.count >= 20, paragraphs.contains(where: { $0 != quote && $0.contains(quote) }) { continue }
            case .tableRow:
                if let counts = linkRows[block.group], counts.rows >= 3, counts.links * 2 >= counts.rows,
                    block.linkDensity > 0.3
                {
                    continue
                }
            case .code:
                break
            case .paragraph, .caption:
                if block.linkDensity > 0.5 && block.characters < 300 || block.linkDensity > 0.8,
                    !Self.isLinkedSentence(block)
                {
                    continue
                }
                if !keptParagraph, isStandfirst(at: position, in: blocks, description: normalizedDescription) {
                    continue
                }
                // The headline run together with its byline or first paragraph (old table layouts).
                if let title, !title.isEmpty, !keptParagraph, text.hasPrefix(title) {
                    let rest = String(text.dropFirst(title.count)).trimmingWhitespace()
                    if rest.isEmpty || Self.isByline(rest) { continue }
                    var trimmed = block
                    trimmed.text = rest
                    trimmed.characters = rest.count
                    kept.append(trimmed)
                    keptParagraph = true
                    continue
                }
                if Self.isByline(text) { continue }
            }
            if block.characters < 60, block.timeCharacters * 10 >= block.characters * 7 { continue }
            if block.characters < 160, Self.isBoilerplateLine(text) { continue }
            // Punctuation or symbols alone (a separator dot, an arrow).
            if !text.contains(where: { $0.isLetter || $0.isNumber }) { continue }
            if case .heading = block.kind {} else if block.characters >= 20, !seen.insert(text).inserted { continue }
            if block.kind == .paragraph { keptParagraph = true }
            kept.append(block)
        }
        return withoutEmptyHeadings(kept)
    }

    /// The container of a boilerplate heading at `position` that holds none of the blocks kept before
    /// it, when it holds more than the heading and nothing that reads like the article's own prose.
    private func boilerplateBox(at position: Int, in blocks: [HTMLBlock], after kept: [HTMLBlock]) -> Int32? {
        let block = blocks[position]
        switch block.kind {
        case .heading: break
        case .paragraph where block.characters <= 50: break
        default: return nil
        }
        // The article must have begun in earnest (some sixty words): a date line or a standfirst kept
        // is not enough.
        guard Self.isBoilerplateHeading(block.text) || Self.isBoxHeading(block.text),
            kept.reduce(0, { $0 + ($1.kind == .paragraph ? $1.characters : 0) }) >= 300,
            let lastKept = kept.map(\.node).max()
        else { return nil }
        var box = block.node
        while box != HTMLTree.root {
            let parent = tree[box].parent
            if parent < 0 || tree.isInside(lastKept, parent) { break }
            box = parent
        }
        guard box != block.node else { return nil }
        let inside = blocks[(position + 1)...].prefix { tree.isInside($0.node, box) }
        guard !inside.isEmpty, !inside.contains(where: { $0.characters >= 400 && $0.linkDensity < 0.1 }) else {
            return nil
        }
        return box
    }

    /// Headings of boxes of other stories that `isBoilerplateHeading` leaves to their context.
    static func isBoxHeading(_ text: String) -> Bool {
        let words = normalized(text)
        guard words.count <= 60 else { return false }
        return boxHeadings.contains(words) || boxHeadingPrefixes.contains { words.hasPrefix($0) }
    }

    private static let boxHeadings: Set<String> = [
        "external links", "more headlines", "top headlines", "headlines", "featured jobs", "jobs", "related links",
        "related videos", "related video", "more video", "more videos", "other news", "in other news",
    ]

    private static let boxHeadingPrefixes = ["also in ", "more headlines from ", "latest from ", "other stories "]

    /// A standfirst (dek) above the article: the first paragraph, alone in its container, followed by
    /// the article's paragraphs in another, that repeats the page's description or sits right under
    /// the headline.
    private func isStandfirst(at position: Int, in blocks: [HTMLBlock], description: String?) -> Bool {
        let block = blocks[position]
        let container = tree[block.node].parent
        guard block.characters < 400,
            let next = blocks[(position + 1)...].first(where: { $0.kind == .paragraph }),
            tree[next.node].parent != container,
            blocks.filter({ $0.kind == .paragraph && tree[$0.node].parent == tree[next.node].parent }).count >= 2,
            !blocks.contains(where: {
                $0.node != block.node && $0.kind == .paragraph && tree[$0.node].parent == container
            })
        else { return false }
        if let description, block.characters <= description.count + 20, Self.normalized(block.text) == description {
            return true
        }
        return underHeadline.contains(block.node)
    }

    /// A paragraph of the article that happens to be a link (a sentence pointing to the video it
    /// describes): ten words or more ending with a full stop, as teasers and headlines (a question as
    /// often as not) do not.
    static func isLinkedSentence(_ block: HTMLBlock) -> Bool {
        guard block.kind == .paragraph, block.characters >= 60,
            let last = block.text.last(where: { !$0.isWhitespace && !"\"'”’)".contains($0) }),
            last == "." || last == "!", block.text.split(separator: " ").count >= 10
        else { return false }
        return !isBoilerplateLine(block.text)
    }

    /// "By Jane Doe and Sam Roe": a short line of capitalised names after "By".
    static func isByline(_ text: String) -> Bool {
        guard text.utf8.count <= 320, text.count <= 80,
            text.hasPrefix("By ") || text.hasPrefix("BY ") || text.hasPrefix("by ")
        else { return false }
        let words = text.dropFirst(3).split(separator: " ")
        guard !words.isEmpty, words.count <= 8, text.last != "." || words.last?.count ?? 0 <= 2 else { return false }
        return words.allSatisfy { word in
            word.first?.isUppercase == true || ["and", "und", "et", "y", "&", "|", "·", "-", "–"].contains(word)
                || word.first?.isNumber == true
        }
    }

    /// Drops headings followed by nothing before the next heading of their level or above.
    private func withoutEmptyHeadings(_ blocks: [HTMLBlock]) -> [HTMLBlock] {
        var kept: [HTMLBlock] = []
        for (index, block) in blocks.enumerated() {
            guard case .heading(let level) = block.kind else {
                kept.append(block)
                continue
            }
            var hasContent = false
            for next in blocks[(index + 1)...] {
                if case .heading(let nextLevel) = next.kind {
                    if nextLevel <= level { break }
                    continue
                }
                hasContent = true
                break
            }
            if hasContent { kept.append(block) }
        }
        return kept
    }

    /// Letters (lowercased), digits and spaces: texts compared without their punctuation. On scalars,
    /// ASCII on its bytes, since a page's every paragraph may go through it.
    static func normalized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value >= UInt8(ascii: "A") && value <= UInt8(ascii: "Z") {
                    result.append(Unicode.Scalar(value | 0x20)!)
                } else if (value >= UInt8(ascii: "a") && value <= UInt8(ascii: "z"))
                    || (value >= UInt8(ascii: "0") && value <= UInt8(ascii: "9")) || value == UInt8(ascii: " ")
                {
                    result.append(scalar)
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }

    /// Headings that open a page's comments, trackbacks or reply form: "Comments", "12 Responses to
    /// …", "Leave a Reply".
    static func isCommentsHeading(_ text: String) -> Bool {
        var words = normalized(text).split(separator: " ")
        guard words.count <= 12 else { return false }
        let counted = words.first.map { $0.allSatisfy(\.isNumber) || $0 == "one" || $0 == "no" } ?? false
        if counted { words.removeFirst() }
        guard let first = words.first.map(String.init) else { return false }
        if words.count == 1 { return commentsWords.contains(first) }
        if words.count == 2, ["reader", "readers", "your", "user", "all"].contains(first) {
            return commentsWords.contains(String(words[1]))
        }
        // "Comments are now closed for this story", "Commenting is closed".
        if first.hasPrefix("comment"), words.count <= 8, words.contains("closed") { return true }
        // "12 Responses to …", "One thought on …", "Comments on this entry".
        if ["to", "on", "for"].contains(words[1]) {
            return counted
                && (commentsWords.contains(first) || ["thought", "thoughts", "response", "reply"].contains(first))
                || first.hasPrefix("comment")
        }
        return commentsLines.contains(words.joined(separator: " "))
    }

    private static let commentsWords: Set<String> = [
        "comments", "comment", "trackback", "trackbacks", "pingback", "pingbacks", "responses", "replies",
        "kommentare", "commentaires", "comentarios", "commenti", "reacties",
    ]

    private static let commentsLines: Set<String> = [
        "leave a reply", "leave a comment", "post a comment", "add a comment", "add your comment",
        "join the discussion",
        "have your say", "what do you think", "speak your mind", "comments are closed", "comments yet",
    ]

    /// Headings of boxes that are not the article: related links, comments, sign-ups, shares.
    static func isBoilerplateHeading(_ text: String) -> Bool {
        let words = normalized(text)
        guard words.count <= 60 else { return false }
        return boilerplateHeadings.contains(words) || boilerplateHeadingPrefixes.contains { words.hasPrefix($0) }
    }

    private static let boilerplateHeadings: Set<String> = [
        "related", "related stories", "related articles", "related content", "related posts", "related coverage",
        "related news", "read more", "more", "more stories", "more news", "recommended", "recommended for you",
        "comments", "comment", "leave a comment", "leave a reply", "share", "share this", "share this article",
        "share this story", "most read", "most popular", "trending", "trending now", "popular", "you may also like",
        "you might also like", "also read", "newsletter", "sign up", "advertisement", "tags", "topics",
        "about the author",
        "follow us", "latest", "latest news", "top stories", "editors picks", "dont miss", "more from", "see also",
        "lire aussi", "à lire aussi", "a lire aussi", "mehr zum thema", "lesen sie auch",
        "das könnte sie auch interessieren",
        "te puede interesar", "lee también", "noticias relacionadas", "artículos relacionados", "weitere artikel",
        "más información", "mas informacion", "más noticias", "plus d'infos", "mehr dazu", "ready for more",
        "kommentare", "commentaires", "comentarios", "dans la même rubrique", "sur le même sujet",
    ]

    private static let boilerplateHeadingPrefixes = [
        "more from ", "more on ", "more in ", "related to ", "sign up for ", "subscribe to ", "get our ", "read more ",
        "most read in ", "comments ",
    ]

    /// Short lines that label or link rather than tell: ad labels, share and follow prompts, "Read more".
    static func isBoilerplateLine(_ text: String) -> Bool {
        // Every known line and prefix is short: the beginning of a longer text decides.
        let head = text.utf8.count > 80 ? String(text.prefix(60)) : text
        let words = normalized(head).split(separator: " ").joined(separator: " ")
        if head.utf8.count == text.utf8.count, boilerplateLines.contains(words) { return true }
        // A count standing alone (claps, shares, comments), or a reading time.
        if head.utf8.count == text.utf8.count, !words.isEmpty, words.allSatisfy({ $0.isNumber || $0 == " " }),
            words.count <= 8
        {
            return true
        }
        if let minutes = words.range(of: " min read"), words[..<minutes.lowerBound].allSatisfy(\.isNumber) {
            return true
        }
        if words.hasSuffix("the free encyclopedia") && words.hasPrefix("from ") { return true }
        // A wire story's sign-off.
        if words.hasPrefix("reporting by "), normalized(text).contains(" editing by ") { return true }
        return boilerplateLinePrefixes.contains { words.hasPrefix($0) }
    }

    private static let boilerplateLines: Set<String> = [
        "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "paid content", "anzeige",
        "werbung",
        "publicidad", "publicité", "publicite", "pubblicità", "reklame", "annonce",
        "story continues below advertisement",
        "article continues below advertisement", "continue reading below", "scroll to continue", "share", "tweet",
        "email",
        "print", "share this article", "share this story", "share on facebook", "share on twitter", "comments",
        "comment",
        "skip to content", "skip to main content", "back to top", "read more", "read more below", "see more",
        "show more",
        "load more", "click here", "listen", "listen to this article", "copy link", "link copied", "save", "follow",
    ]

    private static let boilerplateLinePrefixes = [
        "read more ", "read also ", "also read ", "related ", "see also ", "more on this ", "recommended ",
        "lire aussi ", "à lire aussi ", "a lire aussi ", "lesen sie auch ", "mehr zum thema ", "lee también ",
        "lea también ", "te puede interesar ", "leia também ", "leggi anche ", "sign up for ", "subscribe to ",
        "click here to ", "follow us on ", "follow us ", "download our app", "get the app",
        "this article was originally published",
        "we use cookies", "by continuing to use", "photo ", "photograph ", "image ", "credit ", "getty images", "foto ",
        "keep reading with", "continue reading with", "already a subscriber", "already a paid subscriber",
        "already have an account", "this post is for paid subscribers", "subscribe to continue", "to continue reading",
        "start your free trial", "become a member", "upgrade to paid", "ready for more",
    ]
}
