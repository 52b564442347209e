import CCmarkGFM

/// Reads CommonMark + GFM articles with libcmark-gfm and maps its tree onto the document model.
public struct MarkdownReader: TextDocumentReader {
    public init() {}

    public var name: String { "Markdown" }
    public var summary: String {
        "CommonMark and GFM tables: headings, paragraphs, lists, quotes, code, tables, front matter"
    }
    public var extensions: [String] { ["md", "markdown"] }
    public var mediaTypes: [String] { ["text/markdown", "text/x-markdown"] }
    public var format: DocumentFormat { .markdown }

    /// Registering the core extensions touches global state; do it once, before any parse.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Reads a document on its own.
    public func read(_ text: String) -> Document {
        var builder = DocumentBuilder(format: format)
        read(text: text, into: &builder)
        return builder.finish()
    }

    public func read(text: String, into builder: inout DocumentBuilder) {
        let (frontMatterBlanked, metadata, titleLine) = Self.splitFrontMatter(text)
        let body = MarkdownNesting.limited(frontMatterBlanked)
        builder.addMetadata(metadata)

        _ = Self.registered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return }
        defer { cmark_parser_free(parser) }
        if let table = cmark_find_syntax_extension("table") {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        body.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let root = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(root) }

        var walker = Walker(builder: builder, source: body)
        walker.walk(root: root)
        builder = walker.builder
        if !builder.hasTitle, let titleLine,
            let title = metadata.first(where: { $0.key.lowercased() == "title" })?.value, !title.isEmpty
        {
            builder.setTitle(title, lines: LineRange(line: titleLine))
        }
    }

    /// Front matter is not CommonMark: its lines are blanked (keeping line numbers) and read as
    /// `key: value` pairs. Returns the line of a `title:` field, if any.
    static func splitFrontMatter(_ text: String) -> (String, [MetadataField], Int?) {
        guard text.hasPrefix("---\n") else { return (text, [], nil) }
        var lines = text.lineSlices()
        guard let close = lines.indices.dropFirst().first(where: { lines[$0] == "---" || lines[$0] == "..." }) else {
            return (text, [], nil)
        }
        var fields: [MetadataField] = []
        var titleLine: Int?
        for index in 1..<close {
            let line = lines[index]
            guard let colon = line.firstIndex(of: ":"), line.first?.isWhitespace == false else {
                if var last = fields.popLast() {
                    last.value += (last.value.isEmpty ? "" : "\n") + line.trimmingWhitespace()
                    fields.append(last)
                }
                continue
            }
            let key = String(line[..<colon]).trimmingWhitespace()
            var value = line[line.index(after: colon)...].trimmingWhitespace()
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                value = value.dropFirst().dropLast()
            }
            if key.lowercased() == "title" { titleLine = index + 1 }
            fields.append(MetadataField(key: key, value: String(value)))
        }
        for index in 0...close { lines[index] = "" }
        return (lines.joined(separator: "\n"), fields, titleLine)
    }
}

/// Walks the top-level blocks of a cmark tree in order, feeding the builder.
private struct Walker {
    var builder: DocumentBuilder
    var sawFirstBlock = false
    /// The source's lines, to tell which lines of a node's range are blank.
    let sourceLines: [Substring]

    init(builder: DocumentBuilder, source: String) {
        self.builder = builder
        self.sourceLines = source.lineSlices()
    }

    mutating func walk(root: OpaquePointer) {
        var node = cmark_node_first_child(root)
        while let current = node {
            block(current)
            node = cmark_node_next(current)
        }
    }

    private static func type(_ node: OpaquePointer) -> String {
        String(cString: cmark_node_get_type_string(node))
    }

    /// The node's source lines. cmark ends list items and indented code at the blank line after
    /// them; that line holds none of the element's text, so trailing blank lines are dropped.
    private func sourceRange(of node: OpaquePointer) -> LineRange {
        sourceRange(Int(cmark_node_get_start_line(node)), Int(cmark_node_get_end_line(node)))
    }

    private func sourceRange(_ start: Int, _ end: Int) -> LineRange {
        var end = max(start, end)
        while end > start, end <= sourceLines.count, sourceLines[end - 1].allSatisfy(\.isWhitespace) { end -= 1 }
        return LineRange(start, end)
    }

    private mutating func block(_ node: OpaquePointer) {
        let isFirstBlock = !sawFirstBlock
        sawFirstBlock = true
        let lines = sourceRange(of: node)
        switch Self.type(node) {
        case "heading":
            let level = Int(cmark_node_get_heading_level(node))
            let text = Self.inlineText(node)
            if isFirstBlock && level == 1 {
                builder.setTitle(text, lines: lines)
            } else {
                builder.heading(text, level: level, lines: lines)
            }
        case "paragraph":
            let text = Self.inlineText(node)
            // A short paragraph ending in `?` may ask a FAQ question.
            let asks = builder.currentRole == .faq && HeadingRule.endsWithQuestionMark(text[...]) && text.count <= 200
            builder.block(.paragraph, text, lines: lines, asks: asks)
        case "list":
            list(node)
        case "block_quote":
            builder.block(.quote, Self.blockText(node), lines: lines)
        case "code_block":
            var literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if literal.hasSuffix("\n") { literal.removeLast() }
            builder.block(.code, literal, lines: lines)
        case "html_block":
            let literal = (cmark_node_get_literal(node).map { String(cString: $0) } ?? "").trimmingWhitespace()
            if !(literal.hasPrefix("<!--") && literal.hasSuffix("-->")) && !literal.isEmpty {
                builder.block(.paragraph, literal, lines: lines)
            }
        case "table":
            table(node)
        default:
            break  // thematic breaks and anything without text
        }
    }

    /// Each item's own text is one passage; nested lists become passages of their own, after their
    /// item's, in reading order. Pending items wait on a stack rather than in recursive calls: lists
    /// nest as deep as the input says.
    private mutating func list(_ list: OpaquePointer) {
        var pending = Self.children(of: list).reversed() as [OpaquePointer]
        while let item = pending.popLast() {
            var ownText: [String] = []
            var nested: [OpaquePointer] = []
            var child = cmark_node_first_child(item)
            while let current = child {
                if Self.type(current) == "list" {
                    nested.append(current)
                } else {
                    ownText.append(Self.blockText(current))
                }
                child = cmark_node_next(current)
            }
            let text = ownText.filter { !$0.isEmpty }.joined(separator: "\n")
            if !text.isEmpty {
                var lines = sourceRange(of: item)
                if let firstNested = nested.first {
                    lines = sourceRange(lines.first, Int(cmark_node_get_start_line(firstNested)) - 1)
                }
                builder.block(.list, text, lines: lines)
            }
            for list in nested.reversed() { pending += Self.children(of: list).reversed() }
        }
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var children: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(current)
            child = cmark_node_next(current)
        }
        return children
    }

    private mutating func table(_ node: OpaquePointer) {
        var rows: [DocumentBuilder.TableRow] = []
        var row = cmark_node_first_child(node)
        while let current = row {
            var cells: [String] = []
            var cell = cmark_node_first_child(current)
            while let currentCell = cell {
                cells.append(Self.inlineText(currentCell))
                cell = cmark_node_next(currentCell)
            }
            rows.append(
                .init(
                    cells: cells, line: Int(cmark_node_get_start_line(current)),
                    isHeader: Self.type(current) == "table_header"))
            row = cmark_node_next(current)
        }
        builder.table(rows, lines: sourceRange(of: node))
    }

    /// The text of a block and everything inside it, blocks separated by newlines (a table row's
    /// cells by ` | `). Walked without recursion, as quotes and lists nest as deep as the input says,
    /// and written into one string: joining each level's parts would copy deep text once per level.
    static func blockText(_ node: OpaquePointer) -> String {
        if let text = leafBlockText(node) { return text }
        var text = ""
        // The containers from `node` down to the current node, with their separator and whether text
        // was written inside them yet: two texts are joined by the separator of the deepest container
        // holding both, which is the deepest open one that has text.
        var open: [(node: OpaquePointer, separator: String, hasText: Bool)] = [(node, separator(of: node), false)]
        var next = cmark_node_first_child(node)
        while !open.isEmpty {
            guard let current = next else {
                // The deepest container is done: carry on after it.
                let done = open.removeLast().node
                next = open.isEmpty ? nil : cmark_node_next(done)
                continue
            }
            guard let leaf = leafBlockText(current) else {
                open.append((current, separator(of: current), false))
                next = cmark_node_first_child(current)
                continue
            }
            if !leaf.isEmpty {
                var level = open.count - 1
                while level >= 0, !open[level].hasText { level -= 1 }
                if level >= 0 { text += open[level].separator }
                for index in max(0, level)..<open.count { open[index].hasText = true }
                text += leaf
            }
            next = cmark_node_next(current)
        }
        return text
    }

    /// The text of a block that holds no blocks; nil for containers.
    private static func leafBlockText(_ node: OpaquePointer) -> String? {
        switch type(node) {
        case "paragraph", "heading", "table_cell":
            return inlineText(node)
        case "code_block", "html_block":
            var literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            while literal.hasSuffix("\n") { literal.removeLast() }
            return literal
        default:
            return nil
        }
    }

    private static func separator(of container: OpaquePointer) -> String {
        type(container) == "table_row" ? " | " : "\n"
    }

    /// The plain text of a node's inline content: soft breaks become spaces, markup is dropped.
    static func inlineText(_ node: OpaquePointer) -> String {
        var text = ""
        appendInline(of: node, to: &text)
        return text.trimmingWhitespace()
    }

    /// Visits the inline nodes below `node` in reading order, descending into emphasis, links and the
    /// like without recursion (they nest as deep as the input says).
    private static func appendInline(of node: OpaquePointer, to text: inout String) {
        var next = cmark_node_first_child(node)
        while let current = next {
            var descend = false
            switch type(current) {
            case "text", "code", "html_inline":
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case "softbreak":
                text += " "
            case "linebreak":
                text += "\n"
            default:
                descend = true
            }
            if descend, let child = cmark_node_first_child(current) {
                next = child
                continue
            }
            // The next sibling of this node or of the nearest ancestor below `node` that has one.
            var finished: OpaquePointer? = current
            next = nil
            while let done = finished, done != node {
                if let sibling = cmark_node_next(done) {
                    next = sibling
                    break
                }
                finished = cmark_node_parent(done)
            }
        }
    }
}
