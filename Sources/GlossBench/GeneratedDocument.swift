import Foundation

/// One document the format benchmark writes as DOCX, ODT, EPUB, PDF and Markdown: a title, then
/// articles of the text corpus as chapters (a level-1 heading each, their sections at level 2) made
/// of paragraphs, list items and tables, some paragraphs carrying a footnote or a reviewer's comment.
/// Every writer renders the same blocks, so every format should read back to the same outline.
struct GeneratedDocument {
    enum Block {
        case heading(level: Int, text: String)
        /// `note` is a footnote anchored at the paragraph's end; `comment` a reviewer's comment on it.
        case paragraph(text: String, note: String?, comment: String?)
        case listItem(String)
        /// Rows of cells, the first row a header.
        case table([[String]])
    }

    var title: String
    var blocks: [Block] = []

    /// Footnotes in the order met, numbered 1, 2, 3… as their marks say.
    var notes: [String] {
        blocks.compactMap { if case .paragraph(_, let note?, _) = $0 { return note } else { return nil } }
    }

    var commentCount: Int {
        blocks.reduce(0) { if case .paragraph(_, _, .some) = $1 { return $0 + 1 } else { return $0 } }
    }

    /// UTF-8 bytes of the text a reader extracts: the title, headings, paragraphs, list items, table
    /// cells (joined by " | " as gloss joins them) and the notes.
    var textBytes: Int {
        var total = title.utf8.count
        for block in blocks {
            switch block {
            case .heading(_, let text), .listItem(let text): total += text.utf8.count
            case .paragraph(let text, let note, _): total += text.utf8.count + (note?.utf8.count ?? 0)
            case .table(let rows):
                total += rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1.utf8.count } + 3 * ($1.count - 1) }
            }
        }
        return total
    }

    /// What gloss should read: one section per heading (and a Notes section when there are notes),
    /// one passage per paragraph, list item, table row and note.
    var expectedOutline: Outline {
        var sections = 0
        var passages = notes.count
        for block in blocks {
            switch block {
            case .heading: sections += 1
            case .paragraph, .listItem: passages += 1
            case .table(let rows): passages += rows.count
            }
        }
        return Outline(sections: sections + (notes.isEmpty ? 0 : 1), passages: passages)
    }

    struct Outline: Codable, Equatable {
        var sections: Int
        var passages: Int
    }

    /// The mark a paragraph's footnote leaves in the text ("[3]"), as the readers label notes.
    static func noteMark(_ number: Int) -> String { "[\(number)]" }
}
