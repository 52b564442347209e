import Foundation

/// One parsed page on its way to the builder: its metadata, its article's blocks, and the writing of
/// both as a document.
struct HTMLArticle {
    let tree: HTMLTree
    let metadata: HTMLMetadata
    /// The article's blocks, in reading order.
    let blocks: [HTMLBlock]

    init(tree: HTMLTree) {
        self.tree = tree
        metadata = HTMLMetadata(tree: tree)
        // As Readability does: when leaving out what class names call boilerplate leaves less than a
        // short article, those names may be wrong for this page ("post-meta" around a whole post): the
        // page is read again trusting only its structure, and that reading kept when it finds far more.
        var blocks = Self.article(of: tree, metadata: metadata, namesCount: true)
        let strictCharacters = blocks.reduce(0) { $0 + $1.characters }
        if strictCharacters < 500 {
            let relaxed = Self.article(of: tree, metadata: metadata, namesCount: false)
            if relaxed.reduce(0, { $0 + $1.characters }) > 2 * strictCharacters + 200 { blocks = relaxed }
        }
        self.blocks = blocks
    }

    private static func article(of tree: HTMLTree, metadata: HTMLMetadata, namesCount: Bool) -> [HTMLBlock] {
        let skipped = HTMLBoilerplate.skipped(in: tree, byNames: namesCount)
        let body = tree.first(.body) ?? HTMLTree.root
        let all = HTMLLayout.blocks(of: tree, skipped: skipped, from: body)
        let selector = HTMLContentSelector(tree: tree, blocks: all)
        let roots = selector.roots()
        var chosen: [HTMLBlock] = []
        for root in roots { chosen += all[selector.blockRange(of: root)] }
        // An article of a few words where the page has more: the choice failed, keep the whole page.
        let chosenCharacters = chosen.reduce(0) { $0 + $1.characters }
        if roots.isEmpty
            || chosenCharacters < 100 && all.reduce(0, { $0 + $1.characters }) > 3 * max(chosenCharacters, 1)
        {
            chosen = all
        }
        var underHeadline = Set<Int32>()
        for (position, block) in all.enumerated().dropFirst() where block.kind == .paragraph {
            let previous = all[position - 1]
            if previous.kind == .heading(1), tree[previous.node].parent == tree[block.node].parent {
                underHeadline.insert(block.node)
            }
        }
        return HTMLBlockFilter(
            tree: tree, title: metadata.title, description: metadata.description, underHeadline: underHeadline
        )
        .filtered(chosen)
    }

    func write(into builder: inout DocumentBuilder) {
        if let title = metadata.title, !title.isEmpty {
            builder.setTitle(title, lines: LineRange(line: metadata.titleLine))
        }
        for (key, value) in metadata.fields { builder.addMetadata(key, value) }
        Self.write(blocks, into: &builder)
        // FAQ entries the page gives only as schema.org data.
        if builder.faqCount == 0 {
            for entry in metadata.faq {
                builder.faqEntry(question: entry.question, answer: entry.answer, lines: LineRange(line: entry.line))
            }
        }
    }

    /// Reports blocks to the builder as passages, headings and tables, in order: what a page's article
    /// and an e-book's chapters (`HTMLWholeDocument`) share.
    static func write(_ blocks: [HTMLBlock], into builder: inout DocumentBuilder) {
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            switch block.kind {
            case .heading(let level):
                builder.heading(block.text, level: level, lines: block.lines)
            case .paragraph:
                if isBoxHeading(at: index, in: blocks) {
                    builder.heading(block.text, level: max(2, builder.currentLevel), lines: block.lines)
                } else {
                    let asks =
                        builder.currentRole == .faq && block.characters <= 200
                        && HeadingRule.endsWithQuestionMark(block.text[...])
                    builder.block(.paragraph, block.text, lines: block.lines, asks: asks)
                }
            case .listItem:
                builder.block(.list, block.text, lines: block.lines)
            case .quote:
                builder.block(.quote, block.text, lines: block.lines)
            case .code:
                builder.block(.code, block.text, lines: block.lines)
            case .caption:
                builder.block(.caption, block.text, lines: block.lines)
            case .tableRow:
                var rows: [DocumentBuilder.TableRow] = []
                var lines = block.lines
                while index < blocks.count, case .tableRow(let cells, let header) = blocks[index].kind,
                    blocks[index].group == block.group
                {
                    rows.append(
                        DocumentBuilder.TableRow(cells: cells, line: blocks[index].lines.first, isHeader: header))
                    lines = lines.union(blocks[index].lines)
                    index += 1
                }
                builder.table(rows, lines: lines)
                continue
            }
            index += 1
        }
    }

    /// A short paragraph naming a FAQ or key-points box ("Key takeaways" in bold) stands for its heading.
    private static func isBoxHeading(at index: Int, in blocks: [HTMLBlock]) -> Bool {
        let block = blocks[index]
        guard block.characters <= 40, index + 1 < blocks.count, SectionRole.classify(heading: block.text) != .body
        else { return false }
        return true
    }
}
