/// Walks an OpenDocument text's `content.xml`: its automatic styles, then its body in reading order
/// (headings, paragraphs, list items, tables, sections), into an `OfficeBlockWriter`. Indexes (a table of
/// contents), tracked deletions, declarations and forms are left out.
struct ODTDocumentWalker {
    var styles: ODTStyles
    var writer: OfficeBlockWriter
    private var annotationCount = 0
    private var notes: [String] = []

    init(styles: ODTStyles, writer: OfficeBlockWriter) {
        self.styles = styles
        self.writer = writer
    }

    private static let skippedInBody: Set<String> = [
        "tracked-changes", "sequence-decls", "variable-decls", "user-field-decls", "dde-connection-decls",
        "table-of-content", "alphabetical-index", "illustration-index", "table-index", "object-index",
        "user-index", "bibliography",
    ]

    mutating func walk(_ stream: XMLStream) throws(GlossError) {
        /// Depths of the lists the walk is in.
        var listLevels: [Int] = []
        while let event = try stream.next() {
            let name = stream.name
            if event == .end {
                if name.namespace == .odfText, name.local == "list", listLevels.last == stream.depth {
                    listLevels.removeLast()
                }
                continue
            }
            guard event == .start else { continue }
            switch (name.namespace, name.local) {
            case (.odfStyle, "style"):
                styles.addStyle(at: stream)
            case (.odfText, "h"):
                let level = stream.attribute("outline-level", .odfText).flatMap { Int($0) } ?? 1
                let paragraph = try read(stream)
                writer.paragraph(paragraph, as: .heading(min(max(level, 1), 9)))
            case (.odfText, "p"):
                let role = styles.role(of: stream.attribute("style-name", .odfText))
                let paragraph = try read(stream)
                writer.paragraph(
                    paragraph, as: !listLevels.isEmpty && role == .passage(.paragraph) ? .passage(.list) : role)
            case (.odfText, "list"):
                listLevels.append(stream.depth)
            case (.odfTable, "table"):
                try table(stream)
            case (.odfText, let local) where Self.skippedInBody.contains(local):
                try stream.skipElement()
            case (.odfOffice, "forms"), (.odfDrawing, _):
                try stream.skipElement()
            default:
                continue
            }
        }
    }

    /// The builder, with the notes met in the body in a Notes section at the end.
    mutating func finish() -> DocumentBuilder {
        for note in notes { writer.footnote(note) }
        return writer.finish()
    }

    /// A paragraph's text; its notes are kept for the end and its comments handed to the writer.
    private mutating func read(_ stream: XMLStream) throws(GlossError) -> ParagraphText {
        var text = ParagraphText()
        var extras = ODTParagraph.Extras()
        try ODTParagraph.read(stream, into: &text, extras: &extras, annotationCount: &annotationCount)
        notes += extras.notes
        for comment in extras.comments { writer.comments[comment.id] = (comment.author, comment.text) }
        return text
    }

    /// A table's rows (header rows from `table:table-header-rows`) and cells, a cell's paragraphs
    /// joined; a table inside a cell adds its text to the cell.
    private mutating func table(_ stream: XMLStream) throws(GlossError) {
        let level = stream.depth
        var rows: [[ParagraphText]] = []
        var row: [ParagraphText]?
        var cell: ParagraphText?
        var nested = 0
        var inHeaderRows = false
        var firstRowIsHeader = false
        while let event = try stream.next() {
            let name = stream.name
            if event == .end {
                if stream.depth == level { break }
                guard name.namespace == .odfTable else { continue }
                switch name.local {
                case "table": nested -= 1
                case "table-header-rows" where nested == 0: inHeaderRows = false
                case "table-cell" where nested == 0:
                    row?.append(cell ?? ParagraphText())
                    cell = nil
                case "table-row" where nested == 0:
                    if let row { rows.append(row) }
                    row = nil
                default: break
                }
                continue
            }
            guard event == .start else { continue }
            switch (name.namespace, name.local) {
            case (.odfTable, "table"):
                nested += 1
            case (.odfTable, "table-header-rows") where nested == 0:
                inHeaderRows = true
            case (.odfTable, "table-row") where nested == 0:
                if rows.isEmpty, inHeaderRows { firstRowIsHeader = true }
                row = []
            case (.odfTable, "table-cell") where nested == 0:
                cell = ParagraphText()
            case (.odfTable, "covered-table-cell"):
                try stream.skipElement()
            case (.odfText, "p"), (.odfText, "h"):
                var text = cell ?? ParagraphText()
                text.appendSeparator()
                let paragraph = try read(stream)
                text.append(paragraph)
                cell = text
            default:
                continue
            }
        }
        writer.table(rows, firstRowIsHeader: firstRowIsHeader)
    }
}
