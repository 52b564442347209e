/// The rows of `find`: each element with its snippets, numbered; what --limit left out stays for `more`.
struct FindRows: PagedListing {
    /// Every unit the query matched.
    let units: UnitSet
    let highlighter: Highlighter
    /// With --rank, every row's element in rank order and its units; without, rows follow the
    /// documents and are found again from `units` page by page (a big result is never built whole).
    let ranked: (refs: [ElementRef], units: [ElementRef: [Int32]])?
    let total: Int
    let documentTotal: Int
    let withinView: Bool
    let snippet: Int
    /// Where the query starts in the command line, for regex errors (nil once `more` shows the rows).
    var queryColumn: Int?
    private(set) var paging = ListingPage()
    var pageSize: Int { paging.size }
    private var shown: Int { paging.shown }
    /// Matches in the rows shown, and the total once counted.
    private var matchesShown = 0
    private var matchTotal: Int?

    init(
        units: UnitSet, highlighter: Highlighter, ranked: (refs: [ElementRef], units: [ElementRef: [Int32]])?,
        total: Int, documentTotal: Int, withinView: Bool, snippet: Int, queryColumn: Int
    ) {
        self.units = units
        self.highlighter = highlighter
        self.ranked = ranked
        self.total = total
        self.documentTotal = documentTotal
        self.withinView = withinView
        self.snippet = snippet
        self.queryColumn = queryColumn
    }

    var rowCount: Int { total }
    var remaining: Int { total - shown }

    /// Rows `start..<start + count`: each element and its units in the result.
    func rows(from start: Int, count: Int, in workspace: Workspace) -> [(ref: ElementRef, units: [Int32])] {
        if let ranked {
            let end = min(start + count, ranked.refs.count)
            return ranked.refs[min(start, end)..<end].map { ($0, ranked.units[$0]!) }
        }
        // Units of one element are adjacent (a FAQ's question and answer), so rows group in one pass.
        var rows: [(ref: ElementRef, units: [Int32])] = []
        var row = -1
        var previous: ElementRef?
        var done = false
        units.forEach { id in
            guard !done else { return }
            let ref = workspace.corpus.units[Int(id)].ref
            if ref != previous {
                row += 1
                previous = ref
                if row == start + count {
                    done = true
                    return
                }
                if row >= start { rows.append((ref, [])) }
            }
            if row >= start { rows[rows.count - 1].units.append(id) }
        }
        return rows
    }

    mutating func showNext(_ count: Int, into invocation: inout CommandInvocation) throws(GlossError) {
        let workspace = invocation.workspace
        let rows = rows(from: shown, count: count, in: workspace)
        let width = ListingRow.numberWidth(upTo: shown + rows.count)
        var output = invocation.output
        for (offset, row) in rows.enumerated() {
            try invocation.context.cancel.check()
            let context = ListingRow.context(ofRowAt: row.units[0], in: workspace)
            output.line(
                ListingRow.header(
                    number: shown + offset + 1, width: width, ref: row.ref, context: context, in: workspace),
                hangingIndent: width + 2)
            for unit in row.units {
                let text = workspace.corpus.text(ofUnit: unit)
                let ranges = try SearchCommands.ranges(
                    highlighter, ofUnit: unit, in: workspace, queryColumn: queryColumn)
                matchesShown += ranges.count
                let kind = workspace.corpus.units[Int(unit)].kind
                let prefix =
                    kind == .question
                    ? StyledText("Q: ", .faint) : kind == .answer ? StyledText("A: ", .faint) : StyledText()
                output.line(
                    prefix + Snippet.make(text, ranges: ranges, context: snippet), indent: width + 2,
                    hangingIndent: width + 2)
            }
        }
        workspace.perform(.extendListing(rows.map(\.ref)))
        paging.advance(by: rows.count)
        output.line(StyledText(footer(in: workspace), .faint))
        invocation.output = output
        queryColumn = nil
    }

    func json(upTo count: Int, in workspace: Workspace) throws(GlossError) -> (json: JSONValue, refs: [ElementRef]) {
        let corpus = workspace.corpus
        let rows = rows(from: 0, count: count, in: workspace)
        var items: [JSONValue] = []
        for (offset, row) in rows.enumerated() {
            var matches = 0
            for unit in row.units {
                matches += try SearchCommands.ranges(highlighter, ofUnit: unit, in: workspace, queryColumn: queryColumn)
                    .count
            }
            let document = corpus.documents[row.ref.document]
            items.append(
                .object(
                    [
                        ("number", .int(offset + 1)),
                        ("document", .string(document.id)),
                        ("title", .string(document.title)),
                        ("address", .string(row.ref.address == .document ? "" : "\(row.ref.address)")),
                        ("kind", .string(corpus.units[Int(row.units[0])].kind.name)),
                        ("section", .string(corpus.sectionHeading(ofUnit: row.units[0]))),
                        ("text", .string(corpus.text(of: row.ref))),
                        ("matches", .int(matches)),
                    ] + DocumentJSON.pageMember(of: document, row.ref.address)
                        + DocumentJSON.metadataMember(of: document)
                ))
        }
        let json = JSONValue.object([
            ("total", .int(total)), ("documents", .int(documentTotal)), ("results", .array(items)),
        ])
        return (json, rows.map(\.ref))
    }

    /// `150 results (showing 5) · 249 matches · 63 documents`: totals over every result.
    private mutating func footer(in workspace: Workspace) -> String {
        var summary = Counted.phrase(total, "result") + paging.showing(of: total)
        if !highlighter.isEmpty {
            if matchTotal == nil {
                matchTotal =
                    total == shown
                    ? matchesShown : MatchCounter(corpus: workspace.corpus, highlighter: highlighter).count(in: units)
            }
            summary += " · " + Counted.phrase(matchTotal!, "match", plural: "matches")
        }
        summary += " · " + Counted.phrase(documentTotal, "document")
        if withinView { summary += " · within the view" }
        return summary
    }
}
