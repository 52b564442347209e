import Foundation

/// Finding and filtering: `find`, `filter`, `unfilter`, `kwic`, `stats`.
enum SearchCommands {
    static let all: [CommandSpec] = [find, filter, unfilter, kwic, stats]

    /// The query of a command: parsed (errors pointing into the line) and evaluated within the view
    /// (or within `universe`).
    static func evaluate(_ invocation: CommandInvocation, required: Bool = true, within universe: UnitSet? = nil)
        throws(GlossError) -> (QueryNode, UnitSet, String)?
    {
        guard let rest = invocation.rest else { return nil }
        let text = rest.text
        let query = text.trimmingWhitespace()
        if query.isEmpty {
            if required {
                throw GlossError(
                    "missing QUERY: usage: \(invocation.spec.synopsis) (see help queries)",
                    column: rest.column + text.count)
            }
            return nil
        }
        let node: QueryNode
        do throws(GlossError) {
            node = try QueryParser.parse(query, options: invocation.context.settings.queryOptions)
        } catch {
            throw error.shifted(by: queryColumn(invocation) - 1)
        }
        let workspace = invocation.workspace
        guard workspace.corpus.loadedDocumentCount > 0 else {
            throw GlossError("no documents are loaded (use load FILE)")
        }
        let evaluator = QueryEvaluator(workspace: workspace, cancel: invocation.context.cancel)
        do throws(GlossError) {
            return (node, try evaluator.evaluate(node, within: universe ?? workspace.viewUnits), query)
        } catch {
            throw error.shifted(by: queryColumn(invocation) - 1)
        }
    }

    /// The column of the query's first character in the command line: columns in the query's errors
    /// count from there.
    static func queryColumn(_ invocation: CommandInvocation) -> Int {
        guard let rest = invocation.rest else { return 1 }
        return rest.column + rest.text.prefix(while: \.isWhitespace).count
    }

    /// A query's highlighter on a unit's text, its regex errors pointing into the command line.
    private static func ranges(_ highlighter: Highlighter, ofUnit id: Int32, in invocation: CommandInvocation)
        throws(GlossError) -> [Range<Int>]
    {
        try ranges(highlighter, ofUnit: id, in: invocation.workspace, queryColumn: queryColumn(invocation))
    }

    /// A query's highlighter on a unit's text; a regex error points at `queryColumn` in the command
    /// line, or nowhere when the query is not in it (rows that `more` shows).
    static func ranges(_ highlighter: Highlighter, ofUnit id: Int32, in workspace: Workspace, queryColumn: Int?)
        throws(GlossError) -> [Range<Int>]
    {
        do throws(GlossError) {
            return try highlighter.ranges(
                in: workspace.corpus.text(ofUnit: id),
                at: workspace.corpus.label(workspace.corpus.units[Int(id)].ref, qualified: true))
        } catch {
            guard let queryColumn else {
                var unplaced = error
                unplaced.column = nil
                throw unplaced
            }
            throw error.shifted(by: queryColumn - 1)
        }
    }

    static let find = CommandSpec(
        "find", aliases: ["search", "f"], group: .filtering, effect: .listing,
        summary: "List passages matching a query, numbered #1… for later commands",
        discussion: """
            Searches the working view: passages, headings, FAQ entries and key points. Each result shows \
            DOC:ADDR, its section heading (the document's title before the first heading) and a snippet \
            with the matches highlighted ([brackets] without colour). Results are numbered; #3, #2-5 \
            and #1,#4 refer to them in any command that takes addresses, until the next listing, and \
            show #3 then next reads on from a result. --limit N shows N results and more the next \
            ones; the footer counts every result. --by doc lists documents instead, one row each with \
            its title, results, matches and best passage (the highest BM25 score): most results first, \
            or --sort score, title or id; there #n is the row's best passage (its document is DOC:). \
            See `help queries` for the syntax.
            """,
        arguments: [ArgumentSpec("QUERY", .query, .rest, help: "what to look for (see help queries)")],
        options: [
            OptionSpec("rank", help: "order by BM25 relevance instead of document order"),
            OptionSpec(
                "limit", value: "N", kind: .number, range: 1...1_000_000,
                help: "show at most N results (more shows the next)"),
            OptionSpec(
                "by", value: "doc", kind: .choice(["doc"]), help: "one row per document: title, counts, best passage"),
            OptionSpec(
                "sort", value: "ORDER", kind: .choice(DocumentHitRows.orders),
                help: "with --by doc: hits (default), score, title or id"),
            OptionSpec("json", help: "print JSON"),
        ],
        examples: [
            .init("find barrier cost", "passages with both words"),
            .init("find \"fishing fleet\" OR crews", "a phrase or a word"),
            .init("find secur* -nato --rank --limit 10", "the ten most relevant passages"),
            .init("find kind:keypoint tag:actor", "key points coded with actor or a tag below it"),
            .init("find budget --by doc --sort title", "the documents that mention budget, by title"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let sort = invocation.choice("sort")
        let byDocument = invocation.choice("by") != nil
        if sort != nil, !byDocument {
            throw GlossError(
                "--sort orders the rows of --by doc (find orders passages with --rank)",
                column: invocation.optionWord("sort")?.column)
        }
        if byDocument, invocation.flag("rank") {
            throw GlossError(
                "--rank orders passages; with --by doc use --sort score", column: invocation.optionWord("rank")?.column)
        }
        let (node, units, _) = try evaluate(invocation)!
        let workspace = invocation.workspace
        let limit = invocation.integer("limit")
        if byDocument {
            try DocumentHitRows.list(node: node, units: units, order: sort ?? "hits", limit: limit, into: &invocation)
            return
        }
        // Units of one element are adjacent (a FAQ's question and answer), so results group in one
        // pass; only --rank builds rows here, the rest are counted, and FindRows finds the rows it
        // shows page by page.
        var refs: [ElementRef] = []
        var unitsOf: [ElementRef: [Int32]] = [:]
        var total = 0
        // Units come in document order, so documents are counted as they change.
        var documentTotal = 0
        var previous: ElementRef?
        let ranked = invocation.flag("rank")
        units.forEach { id in
            let ref = workspace.corpus.units[Int(id)].ref
            if ref != previous {
                total += 1
                if ref.document != previous?.document { documentTotal += 1 }
                previous = ref
            }
            guard ranked else { return }
            if unitsOf[ref] == nil { refs.append(ref) }
            unitsOf[ref, default: []].append(id)
        }
        if ranked {
            let scores = Ranker(corpus: workspace.corpus).scores(units, query: node)
            let score = Dictionary(
                uniqueKeysWithValues: refs.map { ref in (ref, unitsOf[ref]!.reduce(0) { $0 + (scores[$1] ?? 0) }) })
            refs = refs.enumerated().sorted { (score[$0.element]!, -$0.offset) > (score[$1.element]!, -$1.offset) }.map(
                \.element)
        }
        let rows = FindRows(
            units: units, highlighter: Highlighter(node), ranked: ranked ? (refs, unitsOf) : nil,
            total: total, documentTotal: documentTotal, withinView: !workspace.view.filters.isEmpty,
            snippet: invocation.context.settings.snippet, queryColumn: queryColumn(invocation))
        try invocation.present(rows, limit: limit)
    }

    static let filter = CommandSpec(
        "filter", aliases: ["where"], group: .filtering, effect: .view,
        summary: "Narrow the working view to what matches; filters stack",
        discussion: """
            Each filter narrows the view further; outline, show, find, kwic, stats and the @ target \
            work on the view, and the prompt shows its size. `filter` alone prints the stack (and is \
            a usage error when there is none); `unfilter` removes the last filter.
            """,
        arguments: [
            ArgumentSpec("QUERY", .query, .rest, help: "what to keep (see help queries); none prints the stack")
        ],
        examples: [
            .init("filter barrier", "keep passages mentioning the barrier"),
            .init("filter -kind:heading section:costs", "then keep only passages of the Costs section"),
            .init("filter", "show the stack of filters"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        guard let (node, units, text) = try evaluate(invocation, required: workspace.view.filters.isEmpty) else {
            printStack(&invocation)
            return
        }
        workspace.perform(.pushFilter(ViewFilter(text: text, query: node, units: units)))
        invocation.status(viewSummary(workspace))
    }

    static let unfilter = CommandSpec(
        "unfilter", group: .filtering, effect: .view,
        summary: "Remove the last filter (or all with --all)",
        options: [OptionSpec("all", help: "remove every filter")],
        examples: [.init("unfilter", "widen the view by one step"), .init("unfilter --all", "back to everything")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        guard !workspace.view.filters.isEmpty else { throw GlossError("no filter to remove") }
        workspace.perform(invocation.flag("all") ? .clearFilters : .popFilter)
        invocation.status(viewSummary(workspace))
    }

    static func viewSummary(_ workspace: Workspace) -> StyledText {
        if workspace.view.filters.isEmpty {
            return StyledText("view: everything (\(Counted.phrase(workspace.corpus.liveUnits.count, "unit")))", .faint)
        }
        return StyledText(
            "view: \(Counted.number(workspace.viewUnits.count)) of \(Counted.phrase(workspace.corpus.liveUnits.count, "unit"))",
            .faint)
    }

    private static func printStack(_ invocation: inout CommandInvocation) {
        let workspace = invocation.workspace
        invocation.line(viewSummary(workspace))
        for (index, filter) in workspace.view.filters.enumerated() {
            var line = StyledText("  \(index + 1)  ", .faint)
            line.append(filter.text, .strong)
            line.append("  (\(filter.units.count))", .faint)
            invocation.line(line)
        }
    }

    static let kwic = CommandSpec(
        "kwic", aliases: ["concordance"], group: .filtering, effect: .listing,
        summary: "Keyword in context: every match aligned in a column, rows numbered #1… like find's",
        discussion: """
            One line per match, with the words before and after it; the matches line up in the middle \
            column, as in a concordancer. Rows are numbered: #4 is the element of the fourth row in any \
            command that takes addresses (tag #4 quote), until the next listing. --sort left orders by \
            the words just before the match, nearest first, --sort right by the words after it (up to \
            12 words; equal contexts keep document order), --sort doc (the default) by position in the \
            documents. --titles adds each document's title; --limit N shows N rows and more the next \
            ones. --json gives the same --width of context as the lines.
            """,
        arguments: [ArgumentSpec("QUERY", .query, .rest, help: "what to look for (see help queries)")],
        options: [
            OptionSpec(
                "width", value: "N", kind: .number, range: 5...500,
                help: "characters of context on each side (default: fit the screen)"),
            OptionSpec("sort", value: "ORDER", kind: .choice(["left", "right", "doc"]), help: "left, right or doc"),
            OptionSpec("titles", help: "show each row's document title"),
            OptionSpec(
                "limit", value: "N", kind: .number, range: 1...1_000_000,
                help: "show at most N rows (more shows the next)"),
            OptionSpec("json", help: "print JSON"),
        ],
        examples: [
            .init("kwic barrier", "every occurrence of barrier in context"),
            .init("kwic council --sort right --width 30", "sorted by what follows"),
            .init("kwic budget --titles --limit 20", "the first twenty, with the documents' titles"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let (node, units, _) = try evaluate(invocation)!
        let workspace = invocation.workspace
        let sort = invocation.choice("sort") ?? "doc"
        let highlighter = Highlighter(node)
        guard !highlighter.isEmpty else {
            throw GlossError("kwic needs words, phrases or a regex to align on (fields alone match no text)")
        }
        typealias Line = KwicRows.Line
        var lines: [Line] = []
        var keys: [[String]] = []
        let explicitWidth = invocation.integer("width")
        // What a line keeps of its match and context is what it can show (--width, else at most half
        // the screen), at a generous four bytes a column: with 2 KB a side whatever the width, the
        // matches of a 110 MB file took 7.9 GB. A sort key is read from the words near the match
        // (up to `sortKeyWords`) and kept instead of the context it came from.
        let window = 4 * (explicitWidth ?? max(10, (invocation.output.width - 6) / 2)) + 16
        let keyWindow = 2_048
        for id in units.ids {
            try invocation.context.cancel.check()
            let text = workspace.corpus.text(ofUnit: id).replacingOccurrences(of: "\n", with: " ")
            let utf8 = Array(text.utf8)
            for range in StyledText.mergedRanges(try ranges(highlighter, ofUnit: id, in: invocation), limit: utf8.count)
            {
                if lines.count & 1023 == 1023 { try invocation.context.cancel.check() }
                let leftStart = StringBytes.scalarBoundary(range.lowerBound - window, in: utf8, forward: true)
                let rightEnd = StringBytes.scalarBoundary(range.upperBound + window, in: utf8, forward: false)
                let matchEnd = StringBytes.scalarBoundary(
                    min(range.upperBound, range.lowerBound + window), in: utf8, forward: false)
                lines.append(
                    Line(
                        ref: workspace.corpus.units[Int(id)].ref,
                        left: String(decoding: utf8[leftStart..<range.lowerBound], as: UTF8.self),
                        match: String(
                            decoding: utf8[range.lowerBound..<max(range.lowerBound, matchEnd)], as: UTF8.self),
                        right: String(decoding: utf8[range.upperBound..<max(range.upperBound, rightEnd)], as: UTF8.self)
                    ))
                if sort == "left" {
                    let start = StringBytes.scalarBoundary(range.lowerBound - keyWindow, in: utf8, forward: true)
                    keys.append(
                        contextKey(String(decoding: utf8[start..<range.lowerBound], as: UTF8.self), nearestAtEnd: true))
                } else if sort == "right" {
                    let end = StringBytes.scalarBoundary(range.upperBound + keyWindow, in: utf8, forward: false)
                    keys.append(
                        contextKey(
                            String(decoding: utf8[range.upperBound..<max(range.upperBound, end)], as: UTF8.self),
                            nearestAtEnd: false))
                }
            }
        }
        if sort != "doc" {
            // Keys worked out once per line, not per comparison; ties keep the documents' order.
            let order = lines.indices.sorted { a, b in
                if keys[a].lexicographicallyPrecedes(keys[b]) { return true }
                if keys[b].lexicographicallyPrecedes(keys[a]) { return false }
                return a < b
            }
            lines = order.map { lines[$0] }
        }
        let rows = KwicRows(
            lines: lines, unitCount: units.count, titles: invocation.flag("titles"), width: explicitWidth,
            screenWidth: invocation.output.width, in: workspace)
        try invocation.present(rows, limit: invocation.integer("limit"))
    }

    /// Words of context a kwic sort compares, nearest first: concordancers sort on the first few.
    static let sortKeyWords = 12

    /// Sort key for a context: its first `sortKeyWords` folded words from the match outwards (for the
    /// left context, read backwards from its end). Only the bytes near the match are tokenized; a word
    /// cut by that slice is left out, so the key holds whole words only.
    static func contextKey(_ context: String, nearestAtEnd: Bool) -> [String] {
        let utf8 = Array(context.utf8)
        let slice = 48 * sortKeyWords
        let start = nearestAtEnd ? StringBytes.scalarBoundary(utf8.count - slice, in: utf8, forward: true) : 0
        let end = nearestAtEnd ? utf8.count : StringBytes.scalarBoundary(slice, in: utf8, forward: false)
        let text = String(decoding: utf8[start..<end], as: UTF8.self)
        var tokens = Tokenizer().tokens(text)
        if start > 0, tokens.first?.utf8Range.lowerBound == 0 { tokens.removeFirst() }
        if end < utf8.count, tokens.last?.utf8Range.upperBound == end - start { tokens.removeLast() }
        let words = nearestAtEnd ? tokens.reversed().map(\.term) : tokens.map(\.term)
        return Array(words.prefix(sortKeyWords))
    }

    static let stats = CommandSpec(
        "stats", group: .filtering, effect: .readOnly,
        summary: "Word frequencies, passages per document and section, and tag counts in the view",
        discussion: """
            Counts words in the working view as queries see them (a possessive as its word, "U.S." as one \
            word; common English stop words left out unless --stopwords; with --stems, the forms of a \
            word together, shown by the most frequent form and followed by the others), \
            the units in view per document and section, matches of the filters' words, and how often \
            each tag is used in the view.
            """,
        options: [
            OptionSpec(
                "top", value: "N", kind: .number, range: 1...100_000, help: "how many words to list (default 20)"),
            OptionSpec("stopwords", help: "count stop words too"),
            OptionSpec("stems", help: "count word forms together by their stem (in the stem-language setting)"),
            OptionSpec("json", help: "print JSON"),
        ],
        examples: [
            .init("stats", "the 20 most frequent words in the view"),
            .init("stats --top 50 --stopwords", "all words"),
            .init("stats --stems", "budget, budgets and budgeted counted as one"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        let top = invocation.integer("top") ?? 20
        let includeStopWords = invocation.flag("stopwords")
        let view = workspace.viewUnits
        var frequencies: [String: Int] = [:]
        var perDocument: [Int: Int] = [:]
        var perSection: [ElementRef: Int] = [:]
        var matches: [Int: Int] = [:]
        let highlighter = workspace.view.filters.map { Highlighter($0.query) }.first { !$0.isEmpty }
        var scanned = 0
        let cancel = invocation.context.cancel
        var failure: GlossError?
        view.forEach { id in
            guard failure == nil else { return }
            scanned += 1
            if scanned & 1023 == 0, cancel.isRaised {
                failure = .interrupted
                return
            }
            let unit = workspace.corpus.units[Int(id)]
            perDocument[Int(unit.document), default: 0] += 1
            perSection[ElementRef(document: Int(unit.document), address: .section(Int(unit.section))), default: 0] += 1
            if let highlighter {
                do throws(GlossError) {
                    // The regex is a filter's, not in this command line: no column to point at.
                    matches[Int(unit.document), default: 0] += try highlighter.ranges(
                        in: workspace.corpus.text(ofUnit: id), at: workspace.corpus.label(unit.ref, qualified: true)
                    ).count
                } catch {
                    failure = GlossError("in filter: " + error.message)
                }
            }
        }
        if let failure { throw failure }
        // Counted from the index rather than by reading every text in view (a corpus is 100 MB).
        for (word, count) in workspace.corpus.index.wordFrequencies(in: view)
        where (includeStopWords || !StopWords.english.contains(word)) && !word.allSatisfy(\.isNumber) {
            frequencies[word] = count
        }
        // With --stems, each row is a stem: shown by its most frequent form, the others listed after it.
        var otherForms: [String: [String]] = [:]
        if invocation.flag("stems") {
            (frequencies, otherForms) = stemFrequencies(frequencies, language: invocation.context.settings.stemLanguage)
        }
        let words = frequencies.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(top)
        // Sections grouped by document once: looking them up per document was quadratic on a corpus.
        let sectionsByDocument = Dictionary(grouping: perSection.keys.sorted(), by: \.document)
        let documents = perDocument.keys.sorted().map { document in
            StatsResult.DocumentCounts(
                id: workspace.corpus.documents[document].id, title: workspace.corpus.documents[document].title,
                units: perDocument[document]!, matches: matches[document] ?? 0,
                sections: (sectionsByDocument[document] ?? []).map { ref in
                    StatsResult.Section(
                        address: ref.address,
                        heading: workspace.corpus.documents[document].sections[sectionIndex(ref)].heading,
                        units: perSection[ref]!)
                })
        }
        invocation.present(
            StatsResult(
                unitCount: view.count, byStem: invocation.flag("stems"), includesStopWords: includeStopWords,
                countsMatches: highlighter != nil,
                words: words.map { StatsResult.Word(word: $0.key, count: $0.value, otherForms: otherForms[$0.key]) },
                documents: documents, tags: tagCounts(in: view, workspace: workspace)))
    }

    /// Word counts summed by stem, each keyed by its most frequent form, with the other forms (most
    /// frequent first) for every stem that has more than one.
    static func stemFrequencies(_ frequencies: [String: Int], language: String) -> ([String: Int], [String: [String]]) {
        guard let stemmer = Stemmer(language: language) else { return (frequencies, [:]) }
        var forms: [String: [(word: String, count: Int)]] = [:]
        for (word, count) in frequencies { forms[stemmer.stem(word), default: []].append((word, count)) }
        var counts: [String: Int] = [:]
        var others: [String: [String]] = [:]
        for group in forms.values {
            let sorted = group.sorted { ($0.count, $1.word) > ($1.count, $0.word) }
            counts[sorted[0].word] = group.reduce(0) { $0 + $1.count }
            if sorted.count > 1 { others[sorted[0].word] = sorted.dropFirst().map(\.word) }
        }
        return (counts, others)
    }

    private static func sectionIndex(_ ref: ElementRef) -> Int {
        if case .section(let s) = ref.address { return s }
        return 0
    }

    /// Tags whose coded units intersect the view, with the number of such units.
    private static func tagCounts(in view: UnitSet, workspace: Workspace) -> [(String, Int)] {
        workspace.annotations.tags.values.sorted { $0.path.lowercased() < $1.path.lowercased() }.compactMap { tag in
            guard let units = try? workspace.units(taggedWith: tag.path) else { return nil }
            let count = units.intersection(view).count
            return count > 0 ? (tag.path, count) : nil
        }
    }
}
