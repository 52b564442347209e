import Foundation

/// Coding help learned from the analyst's own codings: `suggest` and `similar`.
enum SuggestCommands {
    static let all: [CommandSpec] = [suggest, similar]

    static let suggest = CommandSpec(
        "suggest", group: .coding, effect: .listing,
        summary: "Rank what deserves a tag, learned from what you coded with it; rows are #1… for tag",
        discussion: """
            Ranks the documents or elements of the working view (or of --in QUERY) that do not carry \
            TAG by how likely they are to deserve it, learned from those that carry it and those \
            coded with the codebook's other leaf tags. Whole documents are ranked when TAG was \
            applied mostly to documents, else passages, FAQ entries and key points. Each row shows \
            the tag's share (0–1) and the words that weighed most for it; rows are numbered like \
            find's, so `tag #1-5 TAG` accepts them. A tag needs at least 3 coded examples. \
            --all gives every uncoded document or element its best leaf tag instead, grouped by tag, \
            and --min keeps the confident ones. The model (TF-IDF nearest centroids refined with the \
            uncoded texts) runs offline on this workspace alone: the same session ranks the same way.
            """,
        arguments: [ArgumentSpec("TAG", .tag, .optional, help: "the tag to find more of (omit with --all)")],
        options: [
            OptionSpec("all", help: "every uncoded document or element with its best tag"),
            OptionSpec("min", value: "SCORE", kind: .number, help: "keep rows whose score is at least SCORE (0–1)"),
            OptionSpec("in", value: "QUERY", kind: .query, help: "rank only what matches QUERY (quoted) in the view"),
            OptionSpec(
                "limit", value: "N", kind: .number, range: 1...1_000_000,
                help: "show at most N rows (default 20; --all: every row)"),
            OptionSpec("json", help: "print JSON"),
        ],
        examples: [
            .init(
                "suggest economy",
                "the 20 documents most like those tagged economy; then tag #1-8 economy accepts eight"),
            .init("suggest economy --min 0.95 --limit 100", "up to 100 rows, confident ones only"),
            .init(
                "suggest actor/council --in \"vote OR council\" --limit 5",
                "among passages that mention a vote or the council"),
            .init("suggest --all --min 0.9", "pre-sort everything uncoded, keeping confident rows"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        guard workspace.corpus.loadedDocumentCount > 0 else {
            throw GlossError("no documents are loaded (use load FILE)")
        }
        let tagWord = invocation.word("TAG")
        let all = invocation.flag("all")
        if all, let tagWord { throw GlossError("give a TAG or --all, not both", column: tagWord.column) }
        guard all || tagWord != nil else {
            throw GlossError("missing TAG: usage: \(invocation.spec.synopsis) (or --all)")
        }
        let minimum = try score(invocation, "min") ?? 0
        let candidates = try candidateUnits(invocation)
        let suggester = CodingSuggester(workspace: workspace)
        let limit = invocation.integer("limit") ?? (all ? Int.max : 20)
        let listing: CodingSuggester.Listing
        if let tagWord {
            do throws(GlossError) {
                listing = try suggester.suggest(tag: tagWord.text, within: candidates, minimum: minimum, limit: limit)
            } catch {
                throw error.column == nil && error.message.hasPrefix("no tag")
                    ? GlossError(error.message, column: tagWord.column) : error
            }
        } else {
            listing = try suggester.suggestAll(within: candidates, minimum: minimum, limit: limit)
        }
        try present(listing, limit: limit, showTag: all, into: &invocation)
    }

    static let similar = CommandSpec(
        "similar", aliases: ["like"], group: .coding, effect: .listing,
        summary: "List what reads most like a document, an element or a mark; rows are #1… for tag",
        discussion: """
            Compares by the words used (TF-IDF cosine, 0–1): a document (DOC:) with the other \
            documents, an element (passage, section, FAQ entry, key point) or a mark's quote with \
            the passages, FAQ entries and key points of the working view. Each row shows the \
            similarity and the shared words that weigh most; rows are numbered like find's.
            """,
        arguments: [ArgumentSpec("TARGET", .targets, help: "one document (DOC:), element or mark (m2), or #n")],
        options: [
            OptionSpec(
                "limit", value: "N", kind: .number, range: 1...1_000_000, help: "show at most N rows (default 10)"),
            OptionSpec("json", help: "print JSON"),
        ],
        examples: [
            .init("similar s3.p2", "passages like this one"),
            .init("similar harbor-barrier-vote: --limit 5", "the five documents most like this one"),
            .init("similar m4", "passages like a marked quote"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        let word = invocation.word("TARGET")!
        let targets = try invocation.codingTargets(word)
        guard targets.count == 1 else {
            throw GlossError(
                "similar compares with one document, element or mark, not \(targets.count)", column: word.column)
        }
        let limit = invocation.integer("limit") ?? 10
        let listing = CodingSuggester(workspace: workspace).similar(
            to: targets[0], within: workspace.viewUnits, limit: limit)
        try present(listing, limit: limit, showTag: false, into: &invocation)
    }

    /// The view, or what `--in QUERY` matches in it.
    private static func candidateUnits(_ invocation: CommandInvocation) throws(GlossError) -> UnitSet {
        let workspace = invocation.workspace
        guard let word = invocation.options["in"] else { return workspace.viewUnits }
        let node: QueryNode
        do throws(GlossError) {
            node = try QueryParser.parse(word.text, options: invocation.context.settings.queryOptions)
        } catch {
            throw error.shifted(by: word.column - 1 + (word.quoted ? 1 : 0))
        }
        return try QueryEvaluator(workspace: workspace, cancel: invocation.context.cancel).evaluate(
            node, within: workspace.viewUnits)
    }

    private static func score(_ invocation: CommandInvocation, _ name: String) throws(GlossError) -> Double? {
        guard let word = invocation.options[name] else { return nil }
        guard let value = Double(word.text), value >= 0, value <= 1 else {
            throw GlossError("--\(name) takes a score from 0 to 1, not '\(word.text)'", column: word.column)
        }
        return value
    }

    /// Prints the rows (or JSON) and makes them the last listing.
    private static func present(
        _ listing: CodingSuggester.Listing, limit: Int, showTag: Bool, into invocation: inout CommandInvocation
    ) throws(GlossError) {
        let workspace = invocation.workspace
        let rows = Array(listing.rows.prefix(limit))
        workspace.perform(.startListing(rows.map(\.ref)))
        if invocation.flag("json") {
            invocation.output.raw(
                JSONValue.object([
                    ("grain", .string(listing.grain.rawValue)),
                    (
                        "learnedFrom",
                        .array(
                            listing.classes.map {
                                .object([("tag", .string($0.path)), ("examples", .int($0.examples))])
                            })
                    ),
                    ("total", .int(listing.rows.count)),
                    (
                        "results",
                        .array(
                            rows.enumerated().map { offset, row in
                                var fields: [(String, JSONValue)] = [
                                    ("number", .int(offset + 1)),
                                    ("document", .string(workspace.corpus.documents[row.ref.document].id)),
                                    ("address", .string(row.ref.address == .document ? "" : "\(row.ref.address)")),
                                ]
                                if let tag = row.tag { fields.append(("tag", .string(tag))) }
                                fields.append(("score", .double(rounded(row.score))))
                                fields.append(("because", .array(row.reasons.map { .string($0) })))
                                return .object(fields)
                            })
                    ),
                ]).serialized())
            return
        }
        let numberWidth = String(rows.count).count + 1
        var output = invocation.output
        for (offset, row) in rows.enumerated() {
            try invocation.context.cancel.check()
            var header = StyledText(DisplayWidth.padLeft("#\(offset + 1)", to: numberWidth), .faint)
            header.append("  ")
            header.append(workspace.corpus.label(row.ref, qualified: true), .address)
            let context =
                row.ref.address == .document
                ? workspace.corpus.documents[row.ref.document].title
                : workspace.corpus.sectionHeading(ofUnit: workspace.corpus.units(of: row.ref)[0])
            if let context { header.append("  " + context, .faint) }
            if showTag, let tag = row.tag { header.append("  [" + tag + "]", .tag) }
            header.append("  " + String(format: "%.2f", row.score), .strong)
            if !row.reasons.isEmpty { header.append("  because: " + row.reasons.joined(separator: ", "), .faint) }
            output.line(header, hangingIndent: numberWidth + 2)
            guard !showTag else { continue }  // --all lists many rows: one line each
            let highlighter = Highlighter(.or(row.reasons.map { .word($0) }))
            for (prefix, text) in snippetTexts(row.ref, highlighter: highlighter, in: workspace) {
                output.line(
                    StyledText(prefix, .faint)
                        + Snippet.make(
                            text,
                            ranges: try highlighter.ranges(
                                in: text, at: workspace.corpus.label(row.ref, qualified: true)),
                            context: invocation.context.settings.snippet),
                    indent: numberWidth + 2, hangingIndent: numberWidth + 2)
            }
        }
        output.line(StyledText(footer(listing, shown: rows.count, workspace: workspace), .faint))
        invocation.output = output
    }

    /// The texts a row's snippet comes from: an element's units (Q: and A: for a FAQ entry), or for a
    /// document the first passage with a reason word in it (else its first passage).
    private static func snippetTexts(_ ref: ElementRef, highlighter: Highlighter, in workspace: Workspace) -> [(
        String, String
    )] {
        let units = workspace.corpus.units(of: ref).filter { workspace.corpus.units[Int($0)].kind != .title }
        if ref.address == .document {
            let body = units.filter { workspace.corpus.units[Int($0)].kind != .heading }
            // The reasons are plain words: no regex, nothing that can fail to match.
            let chosen =
                body.first {
                    (try? highlighter.ranges(in: workspace.corpus.text(ofUnit: $0), at: ""))?.isEmpty == false
                }
                ?? body.first
            return chosen.map { [("", workspace.corpus.text(ofUnit: $0))] } ?? []
        }
        return units.map { unit in
            let kind = workspace.corpus.units[Int(unit)].kind
            return (kind == .question ? "Q: " : kind == .answer ? "A: " : "", workspace.corpus.text(ofUnit: unit))
        }
    }

    private static func footer(_ listing: CodingSuggester.Listing, shown: Int, workspace: Workspace) -> String {
        let noun = listing.grain == .document ? "document" : "element"
        let total = listing.rows.count
        var text = Counted.phrase(total, noun)
        if total > shown { text += " (showing \(shown))" }
        let tags = listing.classes.filter { $0.path != CodingSuggester.rest }
        if let focus = listing.focus, let first = tags.first(where: { $0.path == focus }) {
            text += " · learned from \(first.examples) of [\(focus)]"
            let others = tags.filter { $0.path != focus }
            text +=
                others.isEmpty
                ? " against the rest"
                : " against " + others.map { "[\($0.path)] \($0.examples)" }.joined(separator: ", ")
        } else if !tags.isEmpty {
            text += " · learned from " + tags.map { "[\($0.path)] \($0.examples)" }.joined(separator: ", ")
        }
        if !listing.skipped.isEmpty {
            text += " · left out: " + listing.skipped.map { "[\($0)]" }.joined(separator: ", ")
            text +=
                " (fewer than \(CodingSuggester.minimumExamples) examples, or coded as \(listing.grain == .document ? "passages" : "documents"))"
        }
        if !workspace.view.filters.isEmpty { text += " · within the view" }
        return text
    }

    /// Scores in JSON to four decimals: enough to compare, and the same text on every machine.
    private static func rounded(_ score: Double) -> Double {
        (score * 10_000).rounded() / 10_000
    }
}
