/// Marks the parts of a page that are not the article before any text is weighed: hidden elements,
/// navigation, page headers and footers, sidebars, and elements whose class, id or role names them
/// comments, share bars, related links, ads, cookie or subscription banners, newsletters, bylines,
/// tags and the like (the names sites use, as Readability, trafilatura and DOM Distiller list them).
///
/// Names are compared as words ("related-posts" and "relatedPosts" are `related posts`), so a class
/// like "commentary" or "leadership" is no match. An element holding the article's marked body
/// (`itemprop=articleBody`, `<article>`, `<main>`) is never dropped by its names.
enum HTMLBoilerplate {
    /// Per node: true for the root of a subtree to leave out. Without `byNames`, only what the markup
    /// itself hides or marks (hidden elements, navigation, headers, footers, asides, forms) and comments.
    static func skipped(in tree: HTMLTree, byNames: Bool = true) -> [Bool] {
        let count = tree.nodes.count
        var skipped = [Bool](repeating: false, count: count)
        var names = NameCache()
        // Counts below each node, from the last node up (a node's descendants follow it), so no check
        // walks a subtree: a hostile page may nest a hundred thousand elements.
        var paragraphs = [Int32](repeating: 0, count: count)
        var textBytes = [Int32](repeating: 0, count: count)
        var headlines = [Int32](repeating: 0, count: count)
        for index in stride(from: count - 1, through: 1, by: -1) {
            let node = tree.nodes[index]
            if node.isText {
                textBytes[index] = node.count
            } else if node.tag == .p {
                paragraphs[index] += 1
            } else if node.tag == .h1 {
                headlines[index] += 1
            }
            paragraphs[Int(node.parent)] &+= paragraphs[index]
            textBytes[Int(node.parent)] &+= textBytes[index]
            headlines[Int(node.parent)] &+= headlines[index]
        }
        // And from the first node down: whether a node is inside an article.
        var insideArticle = [Bool](repeating: false, count: count)
        for index in 1..<max(1, count) {
            let parent = Int(tree.nodes[index].parent)
            insideArticle[index] =
                insideArticle[parent] || tree.nodes[parent].tag == .article || tree.nodes[parent].tag == .main
        }
        let protected = protectedNodes(in: tree, paragraphs: paragraphs)
        let holdsPost = postHolders(in: tree, textBytes: textBytes, names: &names)
        markSignUpBoxes(in: tree, textBytes: textBytes, protected: protected, skipped: &skipped)
        for index in 0..<Int32(count) {
            let node = tree[index]
            guard !node.isText else { continue }
            if isHidden(tree, index, names: &names) {
                skipped[Int(index)] = true
                continue
            }
            switch node.tag {
            case .nav, .footer, .dialog, .menu:
                if !protected[Int(index)] { skipped[Int(index)] = true }
                continue
            case .aside:
                if !protected[Int(index)], !holdsKeyPoints(tree, index) { skipped[Int(index)] = true }
                continue
            case .header:
                // A page's or an article's header: the headline with its kicker, standfirst, byline and date.
                // The header of a post inside an article (a live blog's update) keeps its title.
                if !protected[Int(index)], headlines[Int(index)] > 0 || !insideArticle[Int(index)] {
                    skipped[Int(index)] = true
                }
                continue
            case .form:
                // A sign-up, search or comment form holds little text; some sites wrap the whole page in one.
                if paragraphs[Int(index)] < 4, textBytes[Int(index)] < 2_000 { skipped[Int(index)] = true }
                continue
            case .html, .body, .main, .article, .head, .figcaption, .caption:
                continue
            default:
                break
            }
            if protected[Int(index)] || isPostRoot(tree, index, names: &names) { continue }
            let words = nameWords(tree, index, names: &names)
            guard !words.isEmpty else { continue }
            if !byNames {
                if words.contains(where: { ($0.hasPrefix("comment") && $0 != "commentary") || $0 == "disqus" }) {
                    skipped[Int(index)] = true
                }
                continue
            }
            // A wrapper named for a side part but holding most of the page's paragraphs holds the article
            // too ("layout-with-right-rail"); comments are dropped even then.
            let holdsMost =
                paragraphs[Int(index)] * 5 >= paragraphs[0] * 3 && paragraphs[Int(index)] > 0
                || Int64(textBytes[Int(index)]) * 5 >= Int64(textBytes[0]) * 2
            let namesComments = words.contains { $0.hasPrefix("comment") || $0 == "disqus" }
            if holdsMost, !namesComments { continue }
            if words.contains(where: isStrongBoilerplateWord) {
                // "entry-content handle-adX2": a name of the article's body outweighs a word of another class.
                if namesComments || !namesContentBody(tree, index, names: &names), !holdsKeyPoints(tree, index) {
                    skipped[Int(index)] = true
                }
            } else if words.contains(where: weakBoilerplateWords.contains),
                !words.contains(where: contentWords.contains),
                !holdsPost[Int(index)]
            {
                // A weak name on a wrapper of the post ("date-outer" around a Blogger post) names its first line.
                skipped[Int(index)] = true
            } else if words.contains("header") || words.contains("masthead") || words.contains("hero"),
                headlines[Int(index)] > 0,
                tree.end(of: index) - index < 400
            {
                skipped[Int(index)] = true
            }
        }
        return skipped
    }

    /// A newsletter or sign-up box: the largest element around an e-mail field that holds little text.
    private static func markSignUpBoxes(in tree: HTMLTree, textBytes: [Int32], protected: [Bool], skipped: inout [Bool])
    {
        for index in 0..<Int32(tree.nodes.count) where !tree[index].isText && tree[index].tag == .input {
            guard tree.attribute(.type, of: index)?.lowercased() == "email" else { continue }
            var box = index
            var parent = tree[index].parent
            var steps = 0
            while parent > 0, !protected[Int(parent)], textBytes[Int(parent)] < 400, steps < 60 {
                steps += 1
                box = parent
                parent = tree[parent].parent
            }
            if box != index { skipped[Int(box)] = true }
        }
    }

    // MARK: - Hidden

    static func isHidden(_ tree: HTMLTree, _ index: Int32, names: inout NameCache) -> Bool {
        if tree.attribute(.hidden, of: index) != nil { return true }
        if let classes = tree.attribute(.class, of: index), names.hidesByClass(classes) { return true }
        if tree.attribute(.ariaHidden, of: index)?.lowercased() == "true" { return true }
        if let style = tree.attribute(.style, of: index), hidesByStyle(style) { return true }
        if let role = tree.attribute(.role, of: index)?.lowercased(), hiddenRoles.contains(role) { return true }
        return false
    }

    /// `display: none` or `visibility: hidden` in a style attribute, any case and spacing.
    static func hidesByStyle(_ style: String) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.utf8.count)
        for byte in style.utf8
        where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n")
            && byte != UInt8(ascii: "\r")
        {
            compact.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        return compact.firstRange(of: Array("display:none".utf8)) != nil
            || compact.firstRange(of: Array("visibility:hidden".utf8)) != nil
    }

    static let hiddenClasses: Set<Substring> = [
        "hidden", "is-hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text",
        "screen-reader-only",
        "d-none", "hide", "u-hidden", "element-invisible", "offscreen",
    ]

    private static let hiddenRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar",
        "toolbar", "tablist", "tooltip",
    ]

    // MARK: - Names

    /// The words that name an element: of its class names, id and a few data attributes, lowercase,
    /// camelCase split. In a longer name that starts with a word of content, a word inside is a value
    /// ("entry-author-jane-doe", "post-category-sport") and is left out; names of a post's taxonomy or
    /// state ("category-worth-sharing", "has-sidebar") say nothing of the element and are left out.
    static func nameWords(_ tree: HTMLTree, _ index: Int32, names: inout NameCache) -> [String] {
        var words: [String] = []
        for name in [HTMLTree.AttributeName.class, .id, .dataComponent, .dataTestID] {
            guard let value = tree.attribute(name, of: index), !value.isEmpty else { continue }
            words += names.words(of: value)
        }
        return words
    }

    /// The words of one attribute's value (see `nameWords`).
    static func words(ofName value: String) -> [String] {
        var words: [String] = []
        for item in value.split(separator: " ") {
            let lowered = item.lowercased()
            if ignoredNamePrefixes.contains(where: { lowered.hasPrefix($0) }) { continue }
            let parts = splitName(item)
            if parts.count >= 3, contentWords.contains(parts[0]) {
                words += [parts[0], parts[parts.count - 1]]
            } else {
                words += parts
            }
        }
        return words
    }

    /// What the names of a page come to, worked out once per distinct value: a page repeats its class
    /// names on many elements.
    struct NameCache {
        private var wordsByValue: [String: [String]] = [:]
        private var hiddenByClass: [String: Bool] = [:]
        private var postByClass: [String: Bool] = [:]
        private var contentBodyByName: [String: Bool] = [:]

        mutating func namesContentBody(_ value: String) -> Bool {
            if let known = contentBodyByName[value] { return known }
            let names = HTMLBoilerplate.namesContentBody(value)
            contentBodyByName[value] = names
            return names
        }

        mutating func marksPost(_ classes: String) -> Bool {
            if let known = postByClass[classes] { return known }
            let split = classes.lowercased().split(separator: " ")
            let marks = split.contains("hentry") || split.contains("h-entry")
            postByClass[classes] = marks
            return marks
        }

        mutating func words(of value: String) -> [String] {
            if let known = wordsByValue[value] { return known }
            let words = HTMLBoilerplate.words(ofName: value)
            wordsByValue[value] = words
            return words
        }

        mutating func hidesByClass(_ classes: String) -> Bool {
            if let known = hiddenByClass[classes] { return known }
            let hides = classes.lowercased().split(separator: " ").contains(
                where: HTMLBoilerplate.hiddenClasses.contains)
            hiddenByClass[classes] = hides
            return hides
        }
    }

    private static let ignoredNamePrefixes = [
        "category-", "tag-", "post_tag-", "post-tag-", "format-", "status-", "type-", "topic-", "has-", "no-", "with-",
        "is-", "show-", "enable-", "disable-",
    ]

    /// Lowercase words of a name: runs of letters and digits, split before an uppercase ASCII letter
    /// that follows a lowercase one or a digit ("relatedPosts" is `related posts`). On bytes: a byte
    /// of a non-ASCII character counts as a letter.
    static func splitName<Text: StringProtocol>(_ value: Text) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        func finish() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in value.utf8 {
            let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            let isLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard isUpper || isLower || isDigit || byte >= 0x80 else {
                finish()
                previousWasLower = false
                continue
            }
            if isUpper, previousWasLower { finish() }
            current.append(isUpper ? byte | 0x20 : byte)
            previousWasLower = isLower || isDigit
        }
        finish()
        return words
    }

    /// Words that name boilerplate wherever they appear.
    static func isStrongBoilerplateWord(_ word: String) -> Bool {
        if strongBoilerplateWords.contains(word) { return true }
        if word == "commentary" || word == "comments-count" { return false }
        return strongBoilerplatePrefixes.contains { word.hasPrefix($0) }
    }

    private static let strongBoilerplateWords: Set<String> = [
        "ad", "ads", "adv", "adslot", "adunit", "adsense", "advertorial", "dfp", "gpt", "outbrain", "taboola",
        "doubleclick",
        "disqus", "respond", "replies", "reply", "share", "shares", "sharing", "sharebar", "social", "socials",
        "related", "recirc", "recirculation", "trending", "popular", "mostread", "mostpopular", "newsletter",
        "newsletters", "signup", "subscribe", "subscription", "subscriptions", "regwall", "piano", "consent", "gdpr",
        "onetrust", "cookie", "cookies", "cookiebar", "banner", "popup", "modal", "overlay", "breadcrumb",
        "breadcrumbs",
        "sidebar", "pagination", "pager", "sr", "visually", "skip", "skiplink", "infobox", "hatnote", "editsection",
        "reflist", "navbox", "catlinks", "toc", "noprint", "standfirst", "dek", "kicker", "strapline", "eyebrow",
        "pullquote", "promo", "promoted", "sponsored", "sponsor", "outlinks", "readmore", "morelink", "morestories",
        "comment", "comments", "byline", "bylines", "author", "authors", "bio", "tags", "taglist", "meta", "footer",
        "timestamp", "subtitle", "subhead", "credit", "credits", "copyright", "attribution",
    ]

    private static let strongBoilerplatePrefixes = [
        "comment", "advert", "sponsor", "recommend", "newsletter", "subscri", "cookie", "breadcrumb", "sidebar",
        "social",
        "related", "share", "promo", "paywall-", "trending",
    ]

    /// Words that name boilerplate unless the element also has a word of content.
    private static let weakBoilerplateWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "header", "masthead", "tools", "toolbar", "utility", "teaser", "teasers",
        "tag", "topics", "keywords", "categories", "category", "print", "reference", "references", "summary",
        "links", "aside", "extra", "extras", "more", "widget", "widgets", "rail", "date", "published", "updated",
        "info", "follow",
        "contact", "avatar", "profile", "login", "account", "search", "sitemap", "logo", "brand", "buttons", "actions",
        "icons", "caption-credit", "photo-credit", "masthead", "jump", "flyout", "drawer", "offcanvas",
    ]

    /// Words that say an element holds content.
    private static let contentWords: Set<String> = [
        "article", "articlebody", "body", "content", "entry", "hentry", "main", "post", "story", "text", "prose",
        "blog",
        "copy", "richtext", "markdown", "page",
    ]

    /// The root of a post as blog software marks it (microformats' `hentry`, schema.org's article
    /// items): its other classes name its author and categories, not boilerplate.
    static func isPostRoot(_ tree: HTMLTree, _ index: Int32, names: inout NameCache) -> Bool {
        if let classes = tree.attribute(.class, of: index), names.marksPost(classes) { return true }
        if let type = tree.attribute(.itemtype, of: index)?.split(separator: "/").last?.lowercased() {
            return ["blogposting", "article", "newsarticle", "reportagenewsarticle", "socialmediaposting"].contains(
                type)
        }
        return false
    }

    // MARK: - Posts

    /// Per node: whether it is, or holds, a post's root or an element named for the article's body with
    /// some text (200 bytes): a wrapper of the article, whatever else its name says.
    private static func postHolders(in tree: HTMLTree, textBytes: [Int32], names: inout NameCache) -> [Bool] {
        var holds = [Bool](repeating: false, count: tree.nodes.count)
        for index in stride(from: Int32(tree.nodes.count - 1), through: 1, by: -1) {
            let node = tree[index]
            guard !node.isText else { continue }
            if !holds[Int(index)], textBytes[Int(index)] >= 200,
                isPostRoot(tree, index, names: &names) || namesContentBody(tree, index, names: &names)
            {
                holds[Int(index)] = true
            }
            if holds[Int(index)] { holds[Int(node.parent)] = true }
        }
        return holds
    }

    /// Whether a class or id names the article's body: one name made only of words of content, at
    /// least two ("entry-content", "post-body", "articleBody", "story-text").
    static func namesContentBody(_ tree: HTMLTree, _ index: Int32, names: inout NameCache) -> Bool {
        for name in [HTMLTree.AttributeName.class, .id] {
            guard let value = tree.attribute(name, of: index), !value.isEmpty else { continue }
            if names.namesContentBody(value) { return true }
        }
        return false
    }

    /// `namesContentBody` for one attribute's value.
    static func namesContentBody(_ value: String) -> Bool {
        value.split(separator: " ").contains { item in
            let parts = splitName(item)
            return parts.count >= 2 && parts.allSatisfy(contentWords.contains)
        }
    }

    // MARK: - Protected

    /// Nodes holding a marked article body: the marker and everything above it.
    private static func protectedNodes(in tree: HTMLTree, paragraphs: [Int32]) -> [Bool] {
        var protected = [Bool](repeating: false, count: tree.nodes.count)
        for index in 0..<Int32(tree.nodes.count) {
            let node = tree[index]
            guard !node.isText else { continue }
            // An <article> is a teaser card as often as an article: it counts when it holds paragraphs.
            let marker =
                node.tag == .main
                || node.tag == .article && paragraphs[Int(index)] >= 3
                || tree.attribute(.itemprop, of: index)?.lowercased().split(separator: " ").contains("articlebody")
                    == true
                || tree.attribute(.role, of: index)?.lowercased() == "main"
            guard marker else { continue }
            var current = index
            while current >= 0, !protected[Int(current)] {
                protected[Int(current)] = true
                current = tree[current].parent
            }
        }
        return protected
    }

    // MARK: - Boxes

    /// Whether an element starts with a heading naming key points ("Key takeaways", "Highlights").
    static func holdsKeyPoints(_ tree: HTMLTree, _ index: Int32) -> Bool {
        let range = tree.descendants(of: index)
        for node in range.lowerBound..<min(range.upperBound, range.lowerBound + 40) {
            let element = tree[node]
            guard !element.isText else { continue }
            if element.tag.headingLevel != nil || element.tag == .strong || element.tag == .b || element.tag == .p {
                let text = tree.plainText(of: node, limit: 200)
                if text.count <= 40, SectionRole.classify(heading: text) == .keyPoints { return true }
            }
        }
        return false
    }
}
