/// The rows of `find QUERY --by doc`: one per document with a result, with its title, how many results
/// and matches it has and its best passage, numbered; what --limit left out stays for `more`.
///
/// A row's `#n` is its best passage, not the document: `show #2` then `next` reads on from it, and
/// `tag #2 x` codes that passage (the whole document stays `tag DOC: x`).
struct DocumentHitRows: PagedListing {
    /// Orders of `--sort`: most results first, best passage's score first, by title, by id.
    static let orders = ["hits", "score", "title", "id"]

    struct Row {
        let document: Int
        var results = 0
        /// The document's units in the result.
        var units: [Int32] = []
        var best: ElementRef
        var bestUnits: [Int32]
        var bestScore: Double
    }

    let rows: [Row]
    let units: UnitSet
    let highlighter: Highlighter
    let resultTotal: Int
    let withinView: Bool
    let snippet: Int
    /// Where the query starts in the command line, for regex errors (nil once `more` shows the rows).
    var queryColumn: Int?
    private(set) var paging = ListingPage()
    var pageSize: Int { paging.size }
    private var shown: Int { paging.shown }

    var rowCount: Int { rows.count }
    var remaining: Int { rows.count - shown }

    static func list(
        node: QueryNode, units: UnitSet, order: String, limit: Int?, into invocation: inout CommandInvocation
    ) throws(GlossError) {
        let workspace = invocation.workspace
        let scores = Ranker(corpus: workspace.corpus).scores(units, query: node)
        var rows: [Row] = []
        var resultTotal = 0
        var element: (ref: ElementRef, units: [Int32], score: Double)?
        // Units come in document order and those of one element are adjacent: one pass groups them.
        func finishElement() {
            guard let element else { return }
            resultTotal += 1
            if rows.last?.document != element.ref.document {
                rows.append(
                    Row(
                        document: element.ref.document, best: element.ref, bestUnits: element.units,
                        bestScore: element.score))
            }
            let last = rows.count - 1
            rows[last].results += 1
            rows[last].units += element.units
            // A title hit (the document's own address) is best only when nothing else matched.
            let replaces =
                rows[last].best.address == .document
                ? element.ref.address != .document
                : element.ref.address != .document && element.score > rows[last].bestScore
            if replaces {
                rows[last].best = element.ref
                rows[last].bestUnits = element.units
                rows[last].bestScore = element.score
            }
        }
        units.forEach { id in
            let ref = workspace.corpus.units[Int(id)].ref
            if element?.ref != ref {
                finishElement()
                element = (ref, [], 0)
            }
            element!.units.append(id)
            element!.score += scores[id] ?? 0
        }
        finishElement()
        sort(&rows, by: order, in: workspace)

        let listing = DocumentHitRows(
            rows: rows, units: units, highlighter: Highlighter(node), resultTotal: resultTotal,
            withinView: !workspace.view.filters.isEmpty, snippet: invocation.context.settings.snippet,
            queryColumn: SearchCommands.queryColumn(invocation))
        try invocation.present(listing, limit: limit)
    }

    func json(upTo count: Int, in workspace: Workspace) throws(GlossError) -> (json: JSONValue, refs: [ElementRef]) {
        let shown = rows.prefix(count)
        var items: [JSONValue] = []
        for (offset, row) in shown.enumerated() {
            let document = workspace.corpus.documents[row.document]
            let best: [(String, JSONValue)] = [
                ("address", .string(row.best.address == .document ? "" : "\(row.best.address)")),
                ("text", .string(workspace.corpus.text(of: row.best))),
            ]
            items.append(
                .object(
                    [
                        ("number", .int(offset + 1)),
                        ("document", .string(document.id)),
                        ("title", .string(document.title)),
                        ("path", .string(document.path)),
                        ("results", .int(row.results)),
                        ("matches", .int(try matches(in: row, workspace: workspace))),
                        ("best", .object(best + DocumentJSON.pageMember(of: document, row.best.address))),
                    ] + DocumentJSON.metadataMember(of: document)))
        }
        let json = JSONValue.object([
            ("total", .int(rows.count)), ("results", .int(resultTotal)), ("documents", .array(items)),
        ])
        return (json, shown.map(\.best))
    }

    private static func sort(_ rows: inout [Row], by order: String, in workspace: Workspace) {
        // Ties keep the documents' order (rows come in it).
        switch order {
        case "score":
            rows = rows.enumerated().sorted { ($0.element.bestScore, -$0.offset) > ($1.element.bestScore, -$1.offset) }
                .map(\.element)
        case "title":
            let keys = rows.map { row in
                let document = workspace.corpus.documents[row.document]
                return ((document.title ?? document.id).lowercased(), document.id)
            }
            rows = rows.indices.sorted { (keys[$0].0, keys[$0].1, $0) < (keys[$1].0, keys[$1].1, $1) }.map { rows[$0] }
        case "id":
            rows.sort { workspace.corpus.documents[$0.document].id < workspace.corpus.documents[$1.document].id }
        default:
            rows = rows.enumerated().sorted { ($0.element.results, -$0.offset) > ($1.element.results, -$1.offset) }.map(
                \.element)
        }
    }

    /// Matches of the query in a row's units.
    private func matches(in row: Row, workspace: Workspace) throws(GlossError) -> Int {
        var total = 0
        for unit in row.units {
            total += try SearchCommands.ranges(highlighter, ofUnit: unit, in: workspace, queryColumn: queryColumn).count
        }
        return total
    }

    mutating func showNext(_ count: Int, into invocation: inout CommandInvocation) throws(GlossError) {
        let workspace = invocation.workspace
        let page = rows[shown..<min(rows.count, shown + count)]
        let width = ListingRow.numberWidth(upTo: shown + page.count)
        var output = invocation.output
        for (offset, row) in page.enumerated() {
            try invocation.context.cancel.check()
            let document = workspace.corpus.documents[row.document]
            var header = StyledText(DisplayWidth.padLeft("#\(shown + offset + 1)", to: width), .faint)
            header.append("  ")
            header.append(document.id, .address)
            if let title = document.title { header.append("  " + ListingRow.oneLine(title), .strong) }
            var counts = Counted.phrase(row.results, "result")
            if !highlighter.isEmpty {
                counts += " · " + Counted.phrase(try matches(in: row, workspace: workspace), "match", plural: "matches")
            }
            header.append("  (" + counts + ")", .faint)
            output.line(header, hangingIndent: width + 2)
            var best = StyledText(row.best.address == .document ? "title" : "\(row.best.address)", .address)
            best.append(ListingRow.context(ofRowAt: row.bestUnits[0], in: workspace))
            best.append(ElementRenderer.tagText(row.best, in: workspace))
            output.line(best, indent: width + 2, hangingIndent: width + 4)
            for unit in row.bestUnits {
                let ranges = try SearchCommands.ranges(
                    highlighter, ofUnit: unit, in: workspace, queryColumn: queryColumn)
                output.line(
                    Snippet.make(workspace.corpus.text(ofUnit: unit), ranges: ranges, context: snippet),
                    indent: width + 4,
                    hangingIndent: width + 4)
            }
        }
        workspace.perform(.extendListing(page.map(\.best)))
        paging.advance(by: page.count)
        var footer = Counted.phrase(rows.count, "document") + paging.showing(of: rows.count)
        footer += " · " + Counted.phrase(resultTotal, "result")
        if !highlighter.isEmpty {
            footer +=
                " · "
                + Counted.phrase(
                    MatchCounter(corpus: workspace.corpus, highlighter: highlighter).count(in: units), "match",
                    plural: "matches")
        }
        if withinView { footer += " · within the view" }
        output.line(StyledText(footer, .faint))
        invocation.output = output
        queryColumn = nil
    }
}
