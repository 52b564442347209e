/// Writes a `GeneratedDocument` as Markdown: the plain text of the same content, which the format
/// benchmark loads beside each format as its peer (the title as `#`, chapters as `##`, their sections
/// as `###`, pipe tables, and the notes as a Notes section at the end).
enum MarkdownWriter {
    static func write(_ document: GeneratedDocument, blocks: Int? = nil, notes: Bool = true) -> String {
        var text = "# \(document.title)\n\n"
        var inList = false
        var noteNumber = 0
        var noteTexts: [String] = []
        for block in document.blocks.prefix(blocks ?? document.blocks.count) {
            if case .listItem = block {
            } else if inList {
                text += "\n"
                inList = false
            }
            switch block {
            case .heading(let level, let heading):
                text += String(repeating: "#", count: level + 1) + " " + heading + "\n\n"
            case .listItem(let item):
                text += "- " + item + "\n"
                inList = true
            case .paragraph(let paragraph, let note, _):
                text += paragraph
                if let note, notes {
                    noteNumber += 1
                    noteTexts.append(note)
                    text += GeneratedDocument.noteMark(noteNumber)
                }
                text += "\n\n"
            case .table(let rows):
                for (index, row) in rows.enumerated() {
                    text +=
                        "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
                        + " |\n"
                    if index == 0 { text += "|" + String(repeating: " --- |", count: row.count) + "\n" }
                }
                text += "\n"
            }
        }
        if !noteTexts.isEmpty {
            text +=
                "## Notes\n\n"
                + noteTexts.enumerated().map { "\(GeneratedDocument.noteMark($0.offset + 1)) \($0.element)\n\n" }
                .joined()
        }
        return text
    }
}
