/// Reading on from where one is: `next` and `prev` step through the passages, sections or documents
/// from the last element shown (by `show`, `show #3` after a find, or a step); `more` continues a
/// listing that --limit cut.
enum StepCommands {
    static let all: [CommandSpec] = [next, prev, more]

    static let units = ["passage", "section", "document"]

    static let next = CommandSpec(
        "next", group: .reading, effect: .readOnly,
        summary: "Show the passage after the last one shown (or the next section or document)",
        discussion: """
            Reads on from the last element shown by show, next or prev (show #3 after a find, then \
            next): passage by passage, FAQ entries and key points in their places, into the next \
            document at the end of one. `next section` shows the next section whole, `next document` \
            the next document whole. With nothing shown yet, it starts at the current document. The \
            working view does not apply: this reads the text.
            """,
        arguments: [ArgumentSpec("UNIT", .choice(units), .optional, help: "passage (default), section or document")],
        examples: [
            .init("next", "the passage after the one shown (show #3 after a find, then next)"),
            .init("next section", "the next section, whole"),
            .init("next document", "the next document, whole"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        try step(&invocation, forward: true)
    }

    static let prev = CommandSpec(
        "prev", aliases: ["previous"], group: .reading, effect: .readOnly,
        summary: "Show the passage before the last one shown (or the previous section or document)",
        discussion: "The reverse of next: `prev`, `prev section`, `prev document`.",
        arguments: [ArgumentSpec("UNIT", .choice(units), .optional, help: "passage (default), section or document")],
        examples: [.init("prev", "the passage before"), .init("prev section", "the previous section, whole")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        try step(&invocation, forward: false)
    }

    static let more = CommandSpec(
        "more", group: .filtering, effect: .listing,
        summary: "Show the next rows of a listing that --limit cut (find, find --by doc, kwic)",
        discussion: """
            Prints the next N rows (by default as many as the last page), numbered on from the rows \
            shown, which join the listing: after find budget --limit 5 and more, #6 to #10 are the \
            new rows, and #1 to #5 still the first ones.
            """,
        arguments: [
            ArgumentSpec(
                "N", .number, .optional, range: 1...1_000_000, help: "how many rows (default: as many as the last page)"
            )
        ],
        examples: [
            .init("more", "as many rows again (after find budget --limit 10, the next ten)"),
            .init("more 50", "the next fifty"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        guard var rest = workspace.view.currentListingRest else {
            throw GlossError(
                workspace.view.lastListing.isEmpty
                    ? "nothing to continue: more follows a listing cut by --limit (find, kwic)"
                    : "the last listing is shown whole: nothing more to show")
        }
        let count = invocation.word("N").flatMap { Int($0.text) } ?? rest.pageSize
        try rest.showNext(count, into: &invocation)
        workspace.perform(.keepListingRest(rest))
        invocation.recording.continuesListing = true
    }

    private static func step(_ invocation: inout CommandInvocation, forward: Bool) throws(GlossError) {
        let workspace = invocation.workspace
        let unit = invocation.word("UNIT").map { $0.text.lowercased() } ?? "passage"
        let reading = ReadingOrder(workspace: workspace)
        let cursor = workspace.view.readingCursor.flatMap {
            workspace.corpus.isLoaded[$0.document] && workspace.corpus.exists($0) ? $0 : nil
        }
        let from: ReadingOrder.Position
        if let cursor { from = .at(cursor) } else { from = .start(of: try workspace.defaultDocument()) }
        let target: ElementRef?
        switch unit {
        case "section": target = reading.section(besides: from, forward: forward)
        case "document":
            target = reading.document(besides: from.document, forward: forward).map {
                ElementRef(document: $0, address: .document)
            }
        default: target = reading.element(besides: from, forward: forward)
        }
        guard let target else {
            let place: String
            switch from {
            case .at(let ref): place = workspace.corpus.label(ref, qualified: true)
            case .start(let document): place = "the start of " + workspace.corpus.documents[document].id
            }
            throw GlossError(
                forward
                    ? "nothing after \(place): it ends the last document"
                    : "nothing before \(place): it starts the first document")
        }
        var output = invocation.output
        let renderer = ElementRenderer(workspace: workspace, view: nil, cancel: invocation.context.cancel)
        switch target.address {
        case .document, .section:
            if case .section = target.address, target.document != from.document {
                documentHeader(target.document, in: workspace, into: &output)
            }
            try renderer.show(target, into: &output)
        default:
            if target.document != from.document || from.isStart {
                documentHeader(target.document, in: workspace, into: &output)
            }
            let section = reading.sectionIndex(of: target)
            let sameSection: Bool
            if case .at(let ref) = from, ref.document == target.document, ref.address != .document {
                sameSection = reading.sectionIndex(of: ref) == section
            } else {
                sameSection = false
            }
            if !sameSection, let heading = workspace.corpus.documents[target.document].sections[section].heading {
                output.line(
                    StyledText(
                        renderer.label(ElementRef(document: target.document, address: .section(section))), .address)
                        + StyledText("  " + heading, .heading))
            }
            renderer.showInline(target, indent: 0, into: &output)
        }
        invocation.output = output
        workspace.perform(.moveReadingCursor(target))
    }

    /// `politics/001:  Budget talks stall` when a step enters a document.
    private static func documentHeader(_ document: Int, in workspace: Workspace, into output: inout OutputBuilder) {
        var header = StyledText(workspace.corpus.documents[document].id + ":", .address)
        if let title = workspace.corpus.documents[document].title { header.append("  " + title, .heading) }
        output.line(header)
    }
}
