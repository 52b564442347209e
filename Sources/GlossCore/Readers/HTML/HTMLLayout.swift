/// Lays a page's text out in blocks as a browser's default style sheet would: inline text runs into
/// the block around it, block elements start and end blocks, runs of whitespace are one space (except
/// in `pre`), `<br>` is a space and `<br><br>` ends a paragraph. Data tables give one block per row;
/// layout tables (cells holding paragraphs, one row or one column) are laid out as ordinary blocks.
///
/// Walks without recursion. Subtrees marked skipped are left out.
struct HTMLLayout {
    let tree: HTMLTree
    let skipped: [Bool]

    private(set) var blocks: [HTMLBlock] = []

    // The block being filled.
    private var buffer: [UInt8] = []
    private var pendingSpace = false
    private var characters = 0
    private var linkCharacters = 0
    private var timeCharacters = 0
    private var firstLine: Int32 = 0
    private var firstText: Int32 = -1
    private var lastLine: Int32 = 0
    /// A `<br>` was the last thing in the block: a second one ends the paragraph.
    private var afterBreak = false

    // Where the walk is.
    private var linkDepth = 0
    private var timeDepth = 0
    private var preDepth = 0
    /// Open block elements, innermost last.
    private var blockStack: [Int32] = []
    /// The data table being read (one never holds another): its node, the row being filled, and
    /// whether that row is a header row (in `thead`, or all `th`) and a cell is open.
    /// The data table being read: its row's cells so far (and how much of them is link text).
    private var table:
        (node: Int32, cells: [String], linkCharacters: Int, header: Bool, allHeaderCells: Bool, inCell: Bool)?
    private var isDataTable: [Int32: Bool] = [:]

    init(tree: HTMLTree, skipped: [Bool]) {
        self.tree = tree
        self.skipped = skipped
    }

    /// Without a `body`, the page's text is wherever the parser put it: libxml2 keeps everything after
    /// an unknown element in the head inside the head, where a browser would have started the body.
    static func blocks(of tree: HTMLTree, skipped: [Bool], from root: Int32 = HTMLTree.root) -> [HTMLBlock] {
        var layout = HTMLLayout(tree: tree, skipped: skipped)
        layout.showsHead = tree[root].tag != .body && tree.first(.body) == nil
        layout.walk(root)
        return layout.blocks
    }

    private var showsHead = false

    private mutating func walk(_ root: Int32) {
        // Entries are node indices; a negative entry -(n + 1) is the exit of element n.
        var stack: [Int32] = [root]
        while let entry = stack.popLast() {
            if entry < 0 {
                exit(-entry - 1)
                continue
            }
            let node = tree[entry]
            if node.isText {
                text(entry)
                continue
            }
            if skipped[Int(entry)]
                || (node.tag.display == .hidden && entry != root && !(node.tag == .head && showsHead))
            {
                continue
            }
            enter(entry)
            stack.append(-entry - 1)
            // Children pushed in reverse so the first is taken first.
            let mark = stack.count
            var child = node.firstChild
            while child >= 0 {
                stack.append(child)
                child = tree[child].nextSibling
            }
            stack[mark...].reverse()
        }
        flush()
    }

    // MARK: - Events

    private mutating func enter(_ index: Int32) {
        let tag = tree[index].tag
        switch tag {
        case .a: linkDepth += 1
        case .time: timeDepth += 1
        case .br:
            if preDepth > 0 {
                buffer.append(0x0A)
            } else if afterBreak {
                flush()
            } else {
                pendingSpace = true
                afterBreak = true
            }
            return
        default: break
        }
        if tag.preservesWhitespace { preDepth += 1 }
        guard tag.display == .block else { return }
        if table != nil {
            switch tag {
            case .tr:
                table!.cells = []
                table!.linkCharacters = 0
                table!.header = isInside(.thead, from: index)
                table!.allHeaderCells = true
            case .td, .th:
                table!.inCell = true
                if tag == .td { table!.allHeaderCells = false }
                startText()
            case .caption:
                flush()
                blockStack.append(index)
            default:
                if table!.inCell { pendingSpace = true }
            }
            return
        }
        flush()
        if tag == .table, dataTable(index) {
            table = (index, [], 0, false, true, false)
        } else {
            blockStack.append(index)
        }
    }

    private mutating func exit(_ index: Int32) {
        let tag = tree[index].tag
        switch tag {
        case .a: linkDepth -= 1
        case .time: timeDepth -= 1
        default: break
        }
        if tag.preservesWhitespace { preDepth -= 1 }
        guard tag.display == .block else { return }
        if let current = table {
            switch tag {
            case .table where index == current.node:
                table = nil
            case .td, .th:
                if current.inCell {
                    table!.linkCharacters += linkCharacters
                    table!.cells.append(cellText())
                    table!.inCell = false
                }
            case .tr:
                if !current.cells.isEmpty {
                    let header = current.header || current.allHeaderCells
                    let characters = current.cells.reduce(0) { $0 + $1.count }
                    blocks.append(
                        HTMLBlock(
                            kind: .tableRow(current.cells, header: header),
                            text: current.cells.joined(separator: " | "),
                            lines: LineRange(Int(tree[index].line), Int(tree[index].endLine)), node: index,
                            group: current.node, firstText: index,
                            characters: characters,
                            linkCharacters: min(characters, current.linkCharacters), timeCharacters: 0))
                }
                table!.cells = []
                table!.linkCharacters = 0
            case .caption:
                flush()
                if blockStack.last == index { blockStack.removeLast() }
            default:
                if current.inCell { pendingSpace = true }
            }
            return
        }
        flush()
        if blockStack.last == index { blockStack.removeLast() }
    }

    private mutating func text(_ index: Int32) {
        let node = tree[index]
        tree.withTextBytes(of: index) { bytes in
            var added = 0
            if preDepth > 0 {
                if pendingSpace && !buffer.isEmpty { buffer.append(0x20) }
                pendingSpace = false
                buffer.append(contentsOf: bytes)
                added = bytes.reduce(0) { $0 + (UTF8Scalar.isContinuation($1) ? 0 : 1) }
            } else {
                var position = 0
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                        || byte == UInt8(ascii: "\r") || byte == 0x0C
                    {
                        pendingSpace = true
                        position += 1
                        continue
                    }
                    // U+00A0 no-break space is a space; U+00AD soft hyphen and U+200B zero width space are nothing.
                    if byte == 0xC2, position + 1 < bytes.count, bytes[position + 1] == 0xA0 {
                        pendingSpace = true
                        position += 2
                        continue
                    }
                    if byte == 0xC2, position + 1 < bytes.count, bytes[position + 1] == 0xAD {
                        position += 2
                        continue
                    }
                    if byte == 0xE2, position + 2 < bytes.count, bytes[position + 1] == 0x80,
                        bytes[position + 2] == 0x8B
                    {
                        position += 3
                        continue
                    }
                    if pendingSpace && !buffer.isEmpty { buffer.append(0x20) }
                    pendingSpace = false
                    afterBreak = false
                    buffer.append(byte)
                    if !UTF8Scalar.isContinuation(byte) { added += 1 }
                    position += 1
                }
            }
            guard added > 0 else { return }
            if characters == 0 {
                firstLine = node.line
                firstText = index
            }
            lastLine = node.endLine
            characters += added
            if linkDepth > 0 { linkCharacters += added }
            if timeDepth > 0 { timeCharacters += added }
        }
    }

    // MARK: - Blocks

    private mutating func startText() {
        buffer.removeAll(keepingCapacity: true)
        pendingSpace = false
        afterBreak = false
        characters = 0
        linkCharacters = 0
        timeCharacters = 0
    }

    private mutating func cellText() -> String {
        let text = String(decoding: buffer, as: UTF8.self)
        startText()
        return text
    }

    /// Ends the block being filled, if it has text.
    private mutating func flush() {
        defer { startText() }
        guard characters > 0, !buffer.isEmpty else { return }
        var text = String(decoding: buffer, as: UTF8.self)
        if preDepth > 0 || kindOfOpenBlock() == .code {
            // Code keeps its lines; blank lines at its ends go.
            while text.hasSuffix("\n") || text.hasSuffix(" ") { text.removeLast() }
            while text.hasPrefix("\n") { text.removeFirst() }
        }
        guard !text.isEmpty else { return }
        let node = blockStack.last ?? HTMLTree.root
        let kind = kindOfOpenBlock()
        blocks.append(
            HTMLBlock(
                kind: kind, text: text, lines: LineRange(Int(firstLine), Int(lastLine)), node: node,
                group: groupOfOpenBlock(kind), firstText: firstText, characters: characters,
                linkCharacters: linkCharacters,
                timeCharacters: timeCharacters))
    }

    /// What the innermost meaningful open block makes of its text.
    private func kindOfOpenBlock() -> HTMLBlock.Kind {
        for node in blockStack.reversed() {
            let tag = tree[node].tag
            if let level = tag.headingLevel { return .heading(level) }
            switch tag {
            case .pre, .listing, .xmp, .plaintext: return .code
            case .figcaption, .caption: return .caption
            case .li: return .listItem
            case .blockquote: return .quote
            case .dt, .dd, .table, .td, .th, .tr, .figure: return .paragraph
            default: continue
            }
        }
        return .paragraph
    }

    /// The list, quote or figure whose part a block is.
    private func groupOfOpenBlock(_ kind: HTMLBlock.Kind) -> Int32 {
        let wanted: Set<HTMLTag>
        switch kind {
        case .listItem: wanted = [.ul, .ol, .menu, .dir]
        case .quote: wanted = [.blockquote]
        case .caption: wanted = [.figure, .table]
        default: return -1
        }
        return blockStack.last { wanted.contains(tree[$0].tag) } ?? -1
    }

    private func isInside(_ tag: HTMLTag, from node: Int32) -> Bool {
        var current = tree[node].parent
        var steps = 0
        while current >= 0, steps < 4 {
            if tree[current].tag == tag { return true }
            current = tree[current].parent
            steps += 1
        }
        return false
    }

    // MARK: - Tables

    /// A table of data rather than of layout: no paragraphs, lists, headings or tables in its cells, and
    /// at least two rows and two columns, or a caption or header cells.
    private mutating func dataTable(_ table: Int32) -> Bool {
        if let known = isDataTable[table] { return known }
        let role = tree.attribute(.role, of: table)?.lowercased()
        var answer: Bool
        if role == "presentation" || role == "none" {
            answer = false
        } else {
            var rows = 0
            var maximumCells = 0
            var cells = 0
            var hasHeaderCells = false
            var hasCaption = false
            var holdsBlocks = false
            var longestCell = 0
            let range = tree.descendants(of: table)
            // A huge table is judged by its beginning.
            for index in range.lowerBound..<min(range.upperBound, range.lowerBound + 5_000) {
                let node = tree[index]
                guard !node.isText else { continue }
                switch node.tag {
                case .tr:
                    rows += 1
                    maximumCells = max(maximumCells, cells)
                    cells = 0
                case .td, .th:
                    cells += 1
                    if node.tag == .th { hasHeaderCells = true }
                    longestCell = max(longestCell, Int(tree.end(of: index) - index))
                case .caption: hasCaption = true
                case .thead: hasHeaderCells = true
                case .table, .p, .ul, .ol, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .dl, .article, .section:
                    holdsBlocks = true
                default: break
                }
                if holdsBlocks { break }
            }
            maximumCells = max(maximumCells, cells)
            answer =
                !holdsBlocks && rows >= 1 && (rows >= 2 && maximumCells >= 2 || hasCaption || hasHeaderCells)
                && longestCell < 200
        }
        isDataTable[table] = answer
        return answer
    }
}
