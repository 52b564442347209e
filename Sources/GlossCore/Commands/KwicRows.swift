/// The rows of `kwic`: one per match, aligned on the match, numbered like find's; what --limit left
/// out stays for `more`. The columns are sized over every row, so later pages line up with the first.
struct KwicRows: PagedListing {
    struct Line {
        var ref: ElementRef
        var left: String
        var match: String
        var right: String
    }

    let lines: [Line]
    /// Units the query matched (for the footer).
    let unitCount: Int
    let titles: Bool
    /// Columns of context on each side.
    let context: Int
    let numberWidth: Int
    let labelWidth: Int
    let titleWidth: Int
    let matchWidth: Int
    let qualified: Bool
    private(set) var paging = ListingPage()
    var pageSize: Int { paging.size }
    private var shown: Int { paging.shown }

    /// Columns sized for every line; the context fills what the screen has left unless `width` is given.
    init(lines: [Line], unitCount: Int, titles: Bool, width: Int?, screenWidth: Int, in workspace: Workspace) {
        self.lines = lines
        self.unitCount = unitCount
        self.titles = titles
        qualified = workspace.corpus.loadedDocumentCount > 1
        numberWidth = ListingRow.numberWidth(upTo: lines.count)
        let qualified = qualified
        labelWidth = lines.map { DisplayWidth.of(workspace.corpus.label($0.ref, qualified: qualified)) }.max() ?? 0
        titleWidth =
            titles ? min(30, lines.map { DisplayWidth.of(Self.title(of: $0.ref, in: workspace)) }.max() ?? 0) : 0
        matchWidth = min(30, lines.map { DisplayWidth.of(TerminalSafe.escape($0.match)) }.max() ?? 0)
        let available = screenWidth - numberWidth - 2 - labelWidth - (titles ? titleWidth + 2 : 0) - matchWidth - 6
        context = width ?? max(10, available / 2)
    }

    var rowCount: Int { lines.count }
    var remaining: Int { lines.count - shown }

    mutating func showNext(_ count: Int, into invocation: inout CommandInvocation) throws(GlossError) {
        let workspace = invocation.workspace
        let page = lines[shown..<min(lines.count, shown + count)]
        var output = invocation.output
        for (offset, line) in page.enumerated() {
            if offset & 1023 == 1023 { try invocation.context.cancel.check() }
            let left = DisplayWidth.suffix(TerminalSafe.escape(line.left), fitting: context)
            let right = DisplayWidth.prefix(TerminalSafe.escape(line.right), fitting: context)
            var styled = StyledText(DisplayWidth.padLeft("#\(shown + offset + 1)", to: numberWidth) + "  ", .faint)
            styled.append(
                DisplayWidth.pad(workspace.corpus.label(line.ref, qualified: qualified), to: labelWidth), .address)
            if titles {
                let title = DisplayWidth.prefix(Self.title(of: line.ref, in: workspace), fitting: titleWidth)
                styled.append("  " + DisplayWidth.pad(title, to: titleWidth), .faint)
            }
            styled.append("  " + DisplayWidth.padLeft(left, to: context) + " ")
            let match = TerminalSafe.escape(line.match)
            styled.append(match, .highlight)
            styled.append(String(repeating: " ", count: max(0, matchWidth - DisplayWidth.of(match))) + " " + right)
            output.raw(output.render(styled).trimmingTrailingSpaces())
        }
        workspace.perform(.extendListing(page.map(\.ref)))
        paging.advance(by: page.count)
        let footer =
            Counted.phrase(lines.count, "match", plural: "matches") + " in " + Counted.phrase(unitCount, "unit")
            + paging.showing(of: lines.count)
        output.line(StyledText(footer, .faint))
        invocation.output = output
    }

    func json(upTo count: Int, in workspace: Workspace) throws(GlossError) -> (json: JSONValue, refs: [ElementRef]) {
        let shown = lines.prefix(count)
        let json = JSONValue.array(
            shown.enumerated().map { offset, line in
                let document = workspace.corpus.documents[line.ref.document]
                return .object(
                    [
                        ("number", .int(offset + 1)),
                        ("document", .string(document.id)),
                        ("title", .string(document.title)),
                        ("address", .string("\(line.ref.address)")),
                        ("left", .string(DisplayWidth.suffix(line.left, fitting: context))),
                        ("match", .string(line.match)),
                        ("right", .string(DisplayWidth.prefix(line.right, fitting: context))),
                    ] + DocumentJSON.pageMember(of: document, line.ref.address)
                        + DocumentJSON.metadataMember(of: document))
            })
        return (json, shown.map(\.ref))
    }

    /// The document's title on one line, escaped for the terminal (its id when it has none).
    static func title(of ref: ElementRef, in workspace: Workspace) -> String {
        let document = workspace.corpus.documents[ref.document]
        return TerminalSafe.escape(ListingRow.oneLine(document.title ?? document.id))
    }
}
