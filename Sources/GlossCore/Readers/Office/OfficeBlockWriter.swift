/// Reports the blocks an office document reader (DOCX, ODT) finds to a `DocumentBuilder`: numbers them
/// as the lines of the document's extracted text (one line per paragraph and per table row), attaches
/// the source comments anchored in them, and keeps footnotes until the body is done.
struct OfficeBlockWriter {
    var builder: DocumentBuilder
    /// The last line given out.
    private(set) var line = 0
    /// Source comments by their id in the document: who wrote them and what they say.
    var comments: [String: (author: String?, text: String)] = [:]
    /// Comments already attached (a comment is attached once, where it starts).
    private var attached: Set<String> = []
    private var footnotes: [String] = []

    /// What a paragraph is, from its style or element.
    enum Role: Equatable {
        case title
        case heading(Int)
        case passage(PassageKind)
        /// Not read: a table of contents' entry.
        case skipped

        /// The role a paragraph style's name gives: Word's built-in names (kept in English in localised
        /// documents), LibreOffice's display names and pandoc's.
        init(styleName: String) {
            let name = styleName.lowercased()
            // "heading 1" by name, "Heading1" by a style id when the styles are missing.
            let compact = name.filter { $0 != " " }
            if name == "title" {
                self = .title
            } else if compact.hasPrefix("heading"), let level = Int(compact.dropFirst(7)), (1...9).contains(level) {
                self = .heading(level)
            } else if name.hasPrefix("toc ") || name == "toc heading" || name.hasPrefix("contents ")
                || name == "contents heading"
            {
                self = .skipped
            } else if name.hasPrefix("list") {
                self = .passage(.list)
            } else {
                switch name {
                case "quote", "intense quote", "block text", "quotations": self = .passage(.quote)
                case "source code", "sourcecode", "html preformatted", "preformatted text", "code":
                    self = .passage(.code)
                case "caption", "table caption", "image caption", "figure caption", "illustration":
                    self = .passage(.caption)
                default: self = .passage(.paragraph)
                }
            }
        }
    }

    init(builder: DocumentBuilder) {
        self.builder = builder
    }

    mutating func paragraph(_ paragraph: ParagraphText, as role: Role) {
        guard role != .skipped else { return }
        let (text, spans) = paragraph.finished()
        guard !text.isEmpty else { return }
        line += 1
        let lines = LineRange(line: line)
        switch role {
        case .title where !builder.hasTitle:
            builder.setTitle(text, lines: lines)
        case .title:
            builder.heading(text, level: 1, lines: lines)
        case .heading(let level):
            builder.heading(text, level: level, lines: lines)
        case .passage(let kind):
            let asks =
                kind == .paragraph && builder.currentRole == .faq && text.count <= 200
                && HeadingRule.endsWithQuestionMark(text[...])
            builder.block(kind, text, lines: lines, asks: asks)
        case .skipped:
            return
        }
        for (id, span) in spans where attached.insert(id).inserted {
            guard let comment = comments[id] else { continue }
            builder.comment(comment.text, author: comment.author, span: span)
        }
    }

    /// A table: rows of cells, each cell's paragraphs joined. The first row is a header when the
    /// document says so, or when its first cell names key points.
    mutating func table(_ rows: [[ParagraphText]], firstRowIsHeader: Bool) {
        var tableRows: [DocumentBuilder.TableRow] = []
        var rowComments: [(row: Int, id: String, quote: String?)] = []
        let first = line + 1
        for cells in rows {
            let finished = cells.map { $0.finished() }
            let texts = finished.map(\.text)
            guard texts.contains(where: { !$0.isEmpty }) else { continue }
            line += 1
            let isHeader =
                tableRows.isEmpty
                && (firstRowIsHeader || texts.first.map { SectionRole.classify(heading: $0) == .keyPoints } == true)
            for (text, spans) in finished {
                for (id, span) in spans {
                    let quote = span.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
                    rowComments.append((tableRows.count, id, quote))
                }
            }
            tableRows.append(.init(cells: texts, line: line, isHeader: isHeader))
        }
        guard !tableRows.isEmpty else { return }
        builder.table(tableRows, lines: LineRange(first, line))
        for (row, id, quote) in rowComments where attached.insert(id).inserted {
            guard let comment = comments[id] else { continue }
            builder.comment(comment.text, author: comment.author, quote: quote, tableRow: row)
        }
    }

    /// A footnote's or endnote's text, reported in the `Notes` section once the body is done.
    mutating func footnote(_ text: String) {
        let text = text.trimmingWhitespace()
        if !text.isEmpty { footnotes.append(text) }
    }

    mutating func finish() -> DocumentBuilder {
        for text in footnotes {
            line += 1
            builder.footnote(text, lines: LineRange(line: line))
        }
        footnotes = []
        return builder
    }
}
