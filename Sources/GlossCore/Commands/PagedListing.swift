/// A numbered listing as a value (find, kwic, find --by doc): `CommandInvocation.present` prints its
/// first page as text and keeps the rest for `more`, or writes its rows as JSON; either way `#n` then
/// names its rows. Rows `more` shows go on being numbered after those shown.
protocol PagedListing {
    /// Every row, shown or not.
    var rowCount: Int { get }
    /// Rows not shown yet.
    var remaining: Int { get }
    /// Rows shown by the last page, the size `more` repeats.
    var pageSize: Int { get }
    /// Prints the next `count` rows, numbered after the listing's, adds them to it, and a footer.
    mutating func showNext(_ count: Int, into invocation: inout CommandInvocation) throws(GlossError)
    /// The first `count` rows as JSON, with the listing's totals, and the rows' elements (what `#n`
    /// names after the JSON).
    func json(upTo count: Int, in workspace: Workspace) throws(GlossError) -> (json: JSONValue, refs: [ElementRef])
}

/// Parts of numbered rows shared by the listings.
enum ListingRow {
    /// `#3  politics/001:s1.p2  Budgets Under Pressure  [tag]`.
    static func header(number: Int, width: Int, ref: ElementRef, context: StyledText, in workspace: Workspace)
        -> StyledText
    {
        var header = StyledText(DisplayWidth.padLeft("#\(number)", to: width), .faint)
        header.append("  ")
        header.append(workspace.corpus.label(ref, qualified: true), .address)
        header.append(context)
        header.append(ElementRenderer.tagText(ref, in: workspace))
        return header
    }

    /// What a row is in: its section's heading, or the document's title before the first heading
    /// (nothing for a heading or a title, which are their own context).
    static func context(ofRowAt unit: Int32, in workspace: Workspace) -> StyledText {
        let kind = workspace.corpus.units[Int(unit)].kind
        guard kind != .heading, kind != .title else { return StyledText() }
        let heading =
            workspace.corpus.sectionHeading(ofUnit: unit)
            ?? workspace.corpus.documents[Int(workspace.corpus.units[Int(unit)].document)].title
        return heading.map { StyledText("  " + oneLine($0), .faint) } ?? StyledText()
    }

    /// `#n` numbers up to `last` with a space before them.
    static func numberWidth(upTo last: Int) -> Int { String(last).count + 1 }

    /// ` (showing 5)` for a first page short of the total, ` (showing rows 6–10)` for a later one.
    static func showing(_ start: Int, _ end: Int, of total: Int) -> String {
        if start == 0 { return end < total ? " (showing \(Counted.number(end)))" : "" }
        if end == start + 1 { return " (showing row \(Counted.number(end)))" }
        return " (showing rows \(Counted.number(start + 1))–\(Counted.number(end)))"
    }

    /// A title or heading on one line.
    static func oneLine(_ text: String) -> String {
        text.contains("\n") ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
    }
}
