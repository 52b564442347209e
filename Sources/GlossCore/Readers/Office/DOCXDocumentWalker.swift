/// Walks the body of a Word document (`word/document.xml`) in reading order: paragraphs and tables,
/// through the content controls and custom XML that may wrap them, into an `OfficeBlockWriter`.
struct DOCXDocumentWalker {
    let styles: DOCXStyles
    var writer: OfficeBlockWriter
    /// Notes' texts by id, from the footnotes and endnotes parts.
    var footnotes: [String: String] = [:]
    var endnotes: [String: String] = [:]
    /// Labels given to the notes referenced so far, and the notes in the order met.
    private var footnoteLabels: [String: String] = [:]
    private var endnoteLabels: [String: String] = [:]
    private var noteOrder: [(label: String, text: String)] = []
    /// Text of paragraphs whose mark was deleted, waiting for the paragraph they join.
    private var joining: ParagraphText?

    init(styles: DOCXStyles, writer: OfficeBlockWriter) {
        self.styles = styles
        self.writer = writer
    }

    mutating func walk(_ stream: XMLStream) throws(GlossError) {
        while let event = try stream.next() {
            guard event == .start else { continue }
            let name = stream.name
            if try DOCXParagraph.skipsAlternateChoice(stream) { continue }
            guard name.namespace == .word else { continue }
            switch name.local {
            case "p":
                var text = joining ?? ParagraphText()
                joining = nil
                let paragraph = try DOCXParagraph.read(stream, into: &text) { label(for: $0) }
                if paragraph.markDeleted {
                    joining = text
                } else {
                    writer.paragraph(text, as: role(of: paragraph))
                }
            case "tbl":
                flushJoining()
                try table(stream)
            case "sectPr", "sdtPr", "del", "moveFrom":
                try stream.skipElement()
            default:
                continue
            }
        }
        flushJoining()
    }

    /// The builder, with the notes referenced in the body in a Notes section at the end.
    mutating func finish() -> DocumentBuilder {
        for note in noteOrder { writer.footnote("[\(note.label)] " + note.text) }
        return writer.finish()
    }

    private func role(of paragraph: DOCXParagraph) -> OfficeBlockWriter.Role {
        styles.role(styleID: paragraph.styleID, outlineLevel: paragraph.outlineLevel, isNumbered: paragraph.isNumbered)
    }

    private mutating func flushJoining() {
        if let text = joining { writer.paragraph(text, as: .passage(.paragraph)) }
        joining = nil
    }

    /// The mark a note reference leaves in the text: footnotes numbered 1, 2, 3…, endnotes i, ii, iii…,
    /// in the order they are first referenced, as Word numbers them by default.
    private mutating func label(for reference: DOCXParagraph.NoteReference) -> String? {
        switch reference {
        case .footnote(let id):
            if let label = footnoteLabels[id] { return "[\(label)]" }
            guard let text = footnotes[id] else { return nil }
            let label = String(footnoteLabels.count + 1)
            footnoteLabels[id] = label
            noteOrder.append((label, text))
            return "[\(label)]"
        case .endnote(let id):
            if let label = endnoteLabels[id] { return "[\(label)]" }
            guard let text = endnotes[id] else { return nil }
            let label = Self.roman(endnoteLabels.count + 1)
            endnoteLabels[id] = label
            noteOrder.append((label, text))
            return "[\(label)]"
        }
    }

    /// A table's rows and cells (a cell's paragraphs joined; a table inside a cell adds its text to
    /// the cell); rows deleted as tracked changes are left out.
    private mutating func table(_ stream: XMLStream) throws(GlossError) {
        let level = stream.depth
        var rows: [[ParagraphText]] = []
        var row: [ParagraphText]?
        var cell: ParagraphText?
        var rowDeleted = false
        var firstRowIsHeader = false
        var nested = 0
        while let event = try stream.next() {
            let name = stream.name
            if event == .end {
                if stream.depth == level { break }
                guard name.namespace == .word else { continue }
                if name.local == "tbl" {
                    nested -= 1
                } else if nested == 0, name.local == "tc" {
                    row?.append(cell ?? ParagraphText())
                    cell = nil
                } else if nested == 0, name.local == "tr" {
                    if let row, !rowDeleted { rows.append(row) }
                    row = nil
                }
                continue
            }
            guard event == .start else { continue }
            if try DOCXParagraph.skipsAlternateChoice(stream) { continue }
            guard name.namespace == .word else { continue }
            switch name.local {
            case "tbl":
                nested += 1
            case "tr" where nested == 0:
                row = []
                rowDeleted = false
            case "tc" where nested == 0:
                cell = ParagraphText()
            case "tblHeader" where nested == 0 && rows.isEmpty:
                firstRowIsHeader = !DOCXParagraph.isOff(stream.attribute("val", .word))
            case "del" where nested == 0:
                rowDeleted = true
            case "p":
                var text = cell ?? ParagraphText()
                text.appendSeparator()
                _ = try DOCXParagraph.read(stream, into: &text) { label(for: $0) }
                cell = text
            case "sdtPr", "tblPrChange", "trPrChange", "tcPrChange":
                try stream.skipElement()
            default:
                continue
            }
        }
        writer.table(rows, firstRowIsHeader: firstRowIsHeader)
    }

    /// Lowercase roman numerals (endnotes' default numbering).
    static func roman(_ number: Int) -> String {
        let values = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var rest = number
        var result = ""
        for (value, numeral) in values {
            while rest >= value {
                result += numeral
                rest -= value
            }
        }
        return result
    }
}
