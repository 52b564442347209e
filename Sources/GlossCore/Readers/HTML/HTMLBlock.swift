/// A block of a page's text as a browser would lay it out: one paragraph, heading, list item, quoted
/// paragraph, code block, caption or table row, with what the extractor needs to judge it.
struct HTMLBlock {
    enum Kind: Equatable {
        case heading(Int)
        case paragraph
        case listItem
        case quote
        case code
        case caption
        /// A row of a data table: its cells, and whether it is a header row.
        case tableRow([String], header: Bool)
    }

    var kind: Kind
    var text: String
    var lines: LineRange
    /// The element whose layout made the block (the `p`, `li`, `div`… around the text).
    var node: Int32
    /// The list, table, quote or figure the block belongs to, for judging them whole; -1 for none.
    var group: Int32
    /// The first text node of the block: blocks are in the order of these, so the blocks inside an
    /// element are a contiguous run.
    var firstText: Int32
    /// Characters of text, and of text inside links.
    var characters: Int
    var linkCharacters: Int
    /// Characters inside a `<time>` element (a time stamp standing alone is no text of the article).
    var timeCharacters: Int

    var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }
}
