import Foundation

/// An EPUB's table of contents: the chapter titles and where each starts, with levels from their
/// nesting. EPUB 3's navigation document (the `toc` nav of an XHTML document) is preferred; EPUB 2's
/// NCX (`navMap` of nested `navPoint`s) is read when there is none.
struct EPUBNavigation {
    struct Entry {
        var title: String
        /// 1 for a top entry, 2 for one nested in it…
        var level: Int
        /// The part it points at, and the element's id there (nil: the part's start).
        var path: String
        var fragment: String?
    }

    private(set) var entries: [Entry] = []

    init() {}

    init(_ package: EPUBPackage, in archive: inout ZipPackage) throws(GlossError) {
        if let path = package.navigationPath, let bytes = try archive.read(path) {
            readNavigationDocument(HTMLTreeParser.parse(bytes), path: path)
            if !entries.isEmpty { return }
        }
        if let path = package.ncxPath, let stream = try archive.xml(path, allowsDocumentType: true) {
            try readNCX(stream, path: path)
        }
    }

    /// The entries pointing into one part, in the table's order.
    func entries(in path: String) -> [Entry] {
        entries.filter { $0.path == path }
    }

    private mutating func readNavigationDocument(_ tree: HTMLTree, path: String) {
        let navs = tree.descendants(of: HTMLTree.root).filter { !tree[$0].isText && tree[$0].tag == .nav }
        let isTOC = { (node: Int32) in
            (tree.attribute(.epubType, of: node) ?? tree.attribute(.role, of: node) ?? "").split(separator: " ")
                .contains { $0 == "toc" || $0 == "doc-toc" }
        }
        guard let nav = navs.first(where: isTOC) ?? navs.first else { return }
        for node in tree.descendants(of: nav) where !tree[node].isText && tree[node].tag == .a {
            guard let href = tree.attribute(.href, of: node) else { continue }
            var level = 0
            var ancestor = tree[node].parent
            while ancestor > nav {
                if tree[ancestor].tag == .li { level += 1 }
                ancestor = tree[ancestor].parent
            }
            add(title: tree.plainText(of: node, limit: 1_000), level: max(1, level), href: href, from: path)
        }
    }

    private mutating func readNCX(_ stream: XMLStream, path: String) throws(GlossError) {
        var level = 0
        var label: String?
        var inMap = false
        while let event = try stream.next() {
            guard stream.name.namespace == .ncx else { continue }
            switch (event, stream.name.local) {
            case (.start, "navMap"): inMap = true
            case (.end, "navMap"): inMap = false
            case (.start, "navPoint") where inMap:
                level += 1
                label = nil
            case (.end, "navPoint") where inMap:
                level -= 1
            case (.start, "text") where inMap && label == nil:
                label = try stream.elementText()
            case (.start, "content") where inMap:
                if let source = stream.attribute("src") {
                    add(title: label ?? "", level: max(1, level), href: source, from: path)
                }
            default:
                break
            }
        }
    }

    private mutating func add(title: String, level: Int, href: String, from path: String) {
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = String(parts[0])
        let fragment =
            parts.count > 1 && !parts[1].isEmpty ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : nil
        // A link outside the package is no chapter of it.
        guard let target = file.isEmpty ? path : ZipPackage.resolve(file, from: path) else { return }
        let title = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        entries.append(Entry(title: title, level: level, path: target, fragment: fragment))
    }
}
