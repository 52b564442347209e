import Foundation

/// Commands that load documents and read them by structure.
enum ReadingCommands {
    static let all: [CommandSpec] = [load, unload, docs, use, outline, show]

    static let load = CommandSpec(
        "load", aliases: ["open"], group: .reading, effect: .mutating,
        summary: "Load articles: files, directories (recursively), glob patterns or web addresses",
        discussion: """
            Reads the formats listed below; a named file with another extension is read as HTML when \
            it starts like a page, else as plain text. Of a web page only the article is kept \
            (navigation, sidebars, comments, ads and the like are left out), with its metadata: authors, \
            dates, site, address, language, description. A directory is searched recursively for their \
            extensions (hidden files and folders left out unless --hidden; the load says how many files \
            it skipped and why); glob patterns (*, ?, [..], {a,b}) are expanded by gloss itself. Each document gets an \
            id from its file name (lowercased, other characters as -); when another document has that \
            name, the shortest end of its path that tells them apart (politics/001, sport/001). A file \
            already loaded, or with the same text as a loaded one (SHA-256), is skipped with a note. A \
            folder or pattern prints one summary line. A file named explicitly that cannot be read fails \
            the whole load; unreadable files inside a directory are skipped with a warning. \
            Files over max-file-size (256M unless `set max-file-size` says otherwise) are refused, and \
            a file that grows while it is read is read as far as its size when opened, with a warning.
            Saved sessions write `load PATH --sha256 HASH` so a replay can tell when a file changed. \
            After a load, ${doc} names the last document it loaded (or found already loaded), so a \
            coding script run on a file can say `tag ${doc}:s2 theme`.
            An http or https address is fetched (redirects followed; 30 seconds and 20 MB at most; a \
            type some reader reads) and kept as a snapshot: the page's bytes with the final address, the \
            time and the SHA-256, in `sources/` beside the session's script, or in the cache \
            ($XDG_CACHE_HOME/gloss/sources) until the session is saved, when they are copied beside it. \
            Loading an address again, or replaying a saved session, reads the snapshot: no network, the \
            same text. --refresh fetches again; a page that changed is re-anchored like a changed file. \
            A replayed script (gloss run, replay) fetches only with `gloss run --allow-net`.
            """,
        arguments: [
            ArgumentSpec("PATH", .article, .oneOrMore, help: "files, directories, glob patterns or http(s) addresses")
        ],
        options: [
            OptionSpec(
                "sha256", value: "HASH",
                help: "expected SHA-256 of the file or page (written by save; a mismatch warns)"),
            OptionSpec("refresh", help: "fetch web addresses again instead of reading their snapshots"),
            OptionSpec("hidden", help: "walk hidden files and folders too (names starting with a dot, like .github)"),
        ],
        examples: [
            .init("load articles/harbor.txt", "load one article"),
            .init("load articles/", "load every article file (.txt, .md, .html…) under a folder"),
            .init("load saved/page.html", "load the article of a saved web page"),
            .init("load 'drafts/*.md'", "load the Markdown files matching a pattern"),
            .init("load https://example.com/news/storm", "fetch a page and keep its article (and a snapshot)"),
            .init("load --refresh https://example.com/news/storm", "fetch the page again"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let session = invocation.context
        let paths = invocation.words("PATH").map(\.text)
        let workspace = session.workspace
        var candidates: [DocumentLoader.Candidate] = []
        var skippedFiles = SkippedFiles()
        var added: [Int] = []
        var fetched = 0
        // Files already loaded (by path), with the document each is.
        var alreadyLoaded: [(shown: String, document: Int)] = []
        var copies: [(copy: Int, of: Int)] = []
        do throws(GlossError) {
            if paths.contains(where: WebFetcher.isURL) {
                guard paths.allSatisfy(WebFetcher.isURL) else {
                    throw GlossError("load web addresses and files in separate commands")
                }
                if invocation.option("sha256") != nil, paths.count != 1 {
                    throw GlossError("--sha256 applies to a single page")
                }
                let loaded = try WebLoad.documents(
                    paths, expected: invocation.option("sha256"), refresh: invocation.flag("refresh"), session: session)
                try session.cancel.check()
                invocation.warnings += loaded.warnings
                fetched = loaded.fetched
                added = workspace.add(loaded.documents, in: &invocation.transaction)
                copies = workspace.corpus.skippedCopies
            } else {
                (candidates, skippedFiles) = try DocumentLoader.expansion(
                    for: paths, baseDirectory: session.baseDirectory, readers: session.readers,
                    hidden: invocation.flag("hidden"))
                guard !candidates.isEmpty else {
                    let passedOver = skippedFiles.summary.map { " (\($0))" } ?? ""
                    throw GlossError(
                        "no \(session.readers.extensionList) files found in \(paths.joined(separator: " "))\(passedOver)"
                    )
                }
                try session.checkReads(candidates)
                var toRead = candidates
                if workspace.corpus.loadedDocumentCount > 0 {
                    let loaded = workspace.corpus.loadedDocumentsBySourcePath()
                    toRead.removeAll { candidate in
                        guard let document = loaded[DocumentLoader.sourcePath(of: candidate)] else { return false }
                        alreadyLoaded.append((candidate.displayName, document))
                        return true
                    }
                }
                if toRead.isEmpty {
                    // Nothing new to read.
                } else if toRead.count < 64 {
                    // A few files: read them, then index into the last shard (many small loads make no more shards).
                    let outcome = try DocumentLoader.load(
                        toRead, readers: session.readers, maximumFileSize: session.settings.maxFileSize)
                    try session.cancel.check()
                    if invocation.option("sha256") != nil, outcome.documents.count != 1 {
                        throw GlossError("--sha256 applies to a single file")
                    }
                    invocation.warnings += outcome.warnings
                    added = workspace.add(outcome.documents, in: &invocation.transaction)
                    copies = workspace.corpus.skippedCopies
                } else {
                    guard invocation.option("sha256") == nil else {
                        throw GlossError("--sha256 applies to a single file")
                    }
                    let progress = LoadProgress(total: toRead.count)
                    session.frontEnd.loadProgressObserver?.loadStarted(progress)
                    defer { session.frontEnd.loadProgressObserver?.loadFinished(progress) }
                    var (parts, warnings) = try DocumentLoader.loadParts(
                        toRead, into: Corpus.IndexedPart.self, readers: session.readers,
                        maximumFileSize: session.settings.maxFileSize, progress: progress)
                    try session.cancel.check()
                    invocation.warnings += warnings
                    added = workspace.add(&parts, in: &invocation.transaction)
                    copies = workspace.corpus.skippedCopies
                }
            }
        } catch {
            // Point at the path the error is about.
            var located = error
            located.column =
                invocation.words("PATH").first { error.message.hasPrefix($0.text + ":") }?.column
                ?? invocation.words("PATH").first?.column
            throw located
        }
        if let expected = invocation.option("sha256"), let document = added.first {
            let changed = workspace.corpus.documents[document].sha256 != expected.lowercased()
            workspace.perform(.checkedHash(document: document, changed: changed))
            if changed {
                invocation.warnings.append(
                    "\(workspace.corpus.documents[document].path): changed since the session was saved (SHA-256 differs); annotations are re-anchored by their text"
                )
            }
        }
        // ${doc}: the document this load ended with, new or already loaded, for scripts that code it.
        let lastDocument =
            added.last { workspace.corpus.isLoaded[$0] } ?? copies.last?.of ?? alreadyLoaded.last?.document
        if let lastDocument { session.variables["doc"] = workspace.corpus.documents[lastDocument].id }
        session.script.noteLoaded(
            added.filter { workspace.corpus.isLoaded[$0] } + copies.map(\.of) + alreadyLoaded.map(\.document))
        let comments = workspace.addSourceComments(of: added, in: &invocation.transaction)
        var output = invocation.output
        if candidates.contains(where: { !$0.explicit }) {
            output.status(
                loadSummary(
                    added, from: paths, warnings: invocation.warnings.count,
                    skipped: alreadyLoaded.count + copies.count, in: workspace))
        } else {
            for document in added.prefix(20) {
                let loaded = workspace.corpus.documents[document]
                var line = StyledText("loaded ", .faint)
                line.append(loaded.id, .address)
                line.append("  " + DocumentSummary.counts(loaded), .faint)
                output.status(line)
            }
            if added.count > 20 {
                output.status(
                    StyledText("… and \(added.count - 20) more (\(Counted.phrase(added.count, "document")))", .faint))
            }
        }
        let skipped =
            alreadyLoaded.map { "skipped \($0.shown): already loaded as \(workspace.corpus.documents[$0.document].id)" }
            + copies.map {
                "skipped \(workspace.corpus.documents[$0.copy].path): the same text as \(workspace.corpus.documents[$0.of].id) (SHA-256)"
            }
        for note in skipped.prefix(10) { output.status(StyledText(note, .faint)) }
        if skipped.count > 10 {
            output.status(StyledText("… and \(Counted.number(skipped.count - 10)) more skipped", .faint))
        }
        if let summary = skippedFiles.summary { output.status(StyledText(summary, .faint)) }
        if paths.contains(where: WebFetcher.isURL) {
            let fromSnapshots = added.count - fetched
            output.status(
                StyledText(
                    fetched > 0
                        ? "fetched \(Counted.phrase(fetched, "page"))"
                            + (fromSnapshots > 0 ? ", \(fromSnapshots) from snapshots" : "")
                        : "read from \(fromSnapshots == 1 ? "its snapshot" : "snapshots") (load --refresh fetches again)",
                    .faint))
        }
        if comments > 0 {
            output.status(StyledText("\(Counted.phrase(comments, "comment")) from the documents kept as notes", .faint))
        }
        invocation.output = output
        invocation.recording.canonicalLine = LoadCanonicalizer.line(
            for: candidates, documents: { added.map { workspace.corpus.documents[$0] } }, typed: paths,
            base: session.baseDirectory,
            hidden: invocation.flag("hidden"))
    }

    static let unload = CommandSpec(
        "unload", aliases: ["close"], group: .reading, effect: .mutating,
        summary: "Remove documents from the workspace, with their tags, marks and notes (undo brings them back)",
        discussion: """
            Each DOC is a document id or a glob of ids (politics/*). Codings, marks and notes on the \
            documents go with them; a note also about something else keeps that. undo restores \
            everything; loading the file again later gives a new document.
            """,
        arguments: [ArgumentSpec("DOC", .document, .oneOrMore, help: "document ids or globs (see docs)")],
        examples: [
            .init("unload sport/003", "one document"),
            .init("unload 'sport/*' business/001", "a folder's documents and one more"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        var unloaded: [Int] = []
        for word in invocation.words("DOC") {
            let pattern = word.text.hasSuffix(":") ? String(word.text.dropLast()) : word.text
            var matched = workspace.documentIndices(matching: pattern)
            if matched.isEmpty {
                do throws(GlossError) {
                    matched = [try workspace.corpus.document(id: pattern)]
                } catch {
                    throw GlossError(
                        DocumentLoader.containsGlob(pattern) ? "no document matches '\(pattern)'" : error.message,
                        column: word.column)
                }
            }
            unloaded += matched.filter { !unloaded.contains($0) }
        }
        let ids = unloaded.map { workspace.corpus.documents[$0].id }
        let summary = workspace.unload(unloaded, in: &invocation.transaction)
        var line = StyledText("unloaded ", .faint)
        line.append(ids.count <= 6 ? ids.joined(separator: ", ") : Counted.phrase(ids.count, "document"), .address)
        let taken = [(summary.codings, "coding"), (summary.marks, "mark"), (summary.notes, "note")].filter { $0.0 > 0 }
        if !taken.isEmpty {
            line.append(
                "; with " + (ids.count == 1 ? "it: " : "them: ")
                    + taken.map { Counted.phrase($0.0, $0.1) }.joined(separator: ", "), .faint)
        }
        invocation.status(line)
    }

    /// "loaded 2,225 documents from bbc/ · 10,547 passages · 2 warnings · 3 skipped"
    static func loadSummary(_ added: [Int], from paths: [String], warnings: Int, skipped: Int, in workspace: Workspace)
        -> StyledText
    {
        let passages = added.reduce(0) { $0 + workspace.corpus.documents[$1].passageCount }
        let sources =
            paths.count <= 3
            ? paths.joined(separator: ", ") : paths.prefix(2).joined(separator: ", ") + " and \(paths.count - 2) more"
        guard !added.isEmpty else {
            return StyledText(
                "nothing new loaded from \(sources)"
                    + (skipped > 0 ? ": \(Counted.phrase(skipped, "file")) skipped" : ""), .faint)
        }
        var line = StyledText("loaded " + Counted.phrase(added.count, "document") + " from " + sources, .faint)
        line.append(" · " + Counted.phrase(passages, "passage"), .faint)
        if warnings > 0 { line.append(" · " + Counted.phrase(warnings, "warning"), .faint) }
        if skipped > 0 { line.append(" · \(Counted.number(skipped)) skipped", .faint) }
        return line
    }

    static let docs = CommandSpec(
        "docs", group: .reading, effect: .readOnly,
        summary: "List the loaded documents with their metadata and structure counts, or those a query matches",
        discussion: """
            With a QUERY, only the documents with something that matches it, whatever the working view \
            (path:politics/*, author:"jane doe", budget -kind:title; see help queries).
            """,
        arguments: [ArgumentSpec("QUERY", .query, .rest, help: "keep documents with a match (see help queries)")],
        options: [OptionSpec("json", help: "print JSON")],
        examples: [
            .init("docs", "one line per document"),
            .init("docs path:politics/*", "the documents read from a politics folder"),
            .init("docs --json", "ids, paths, titles, counts and metadata as JSON"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        var loaded = workspace.corpus.loadedDocumentIndices
        var matchedOf: Int?
        if workspace.corpus.loadedDocumentCount > 0,
            let (_, units, _) = try SearchCommands.evaluate(
                invocation, required: false, within: workspace.corpus.liveUnits)
        {
            var matching = Set<Int>()
            units.forEach { matching.insert(Int(workspace.corpus.units[Int($0)].document)) }
            matchedOf = loaded.count
            loaded = loaded.filter(matching.contains)
        }
        if invocation.flag("json") {
            let items: [JSONValue] = loaded.map { index in
                let document = workspace.corpus.documents[index]
                return .object([
                    ("id", .string(document.id)), ("path", .string(document.path)), ("title", .string(document.title)),
                    ("format", .string(document.format.rawValue)), ("sha256", .string(document.sha256)),
                    ("bytes", .int(document.byteCount)), ("sections", .int(document.headedSectionCount)),
                    ("passages", .int(document.passageCount)), ("faq", .int(document.faq.count)),
                    ("keyPoints", .int(document.keyPoints.count)),
                    ("metadata", DocumentJSON.metadata(of: document)),
                ])
            }
            invocation.output.raw(JSONValue.array(items).serialized())
            return
        }
        guard !loaded.isEmpty else {
            invocation.line(
                StyledText(
                    matchedOf.map { "none of the \(Counted.phrase($0, "document")) match" }
                        ?? "no documents loaded (use load FILE)", .faint))
            return
        }
        let width = loaded.map { DisplayWidth.of(workspace.corpus.documents[$0].id) }.max() ?? 0
        for index in loaded {
            let document = workspace.corpus.documents[index]
            var line = StyledText(index == workspace.view.currentDocument ? "* " : "  ", .strong)
            line.append(DisplayWidth.pad(document.id, to: width), .address)
            line.append(
                "  " + (document.title ?? DisplayPath.of(document.path, base: invocation.context.baseDirectory)))
            if let metadata = DocumentSummary.metadata(document).first { line.append("  " + metadata, .faint) }
            line.append("  " + DocumentSummary.counts(document), .faint)
            invocation.line(line, hangingIndent: width + 4)
        }
        if let matchedOf {
            invocation.line(
                StyledText("\(Counted.number(loaded.count)) of \(Counted.phrase(matchedOf, "document")) match", .faint))
        }
    }

    static let use = CommandSpec(
        "use", group: .reading, effect: .view,
        summary: "Choose the current document (addresses without DOC: refer to it)",
        arguments: [ArgumentSpec("DOC", .document, help: "a document id (see docs)")],
        examples: [.init("use river-towns-broadband", "make it current: 's2' now means its section 2")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let word = invocation.word("DOC")!
        let id = word.text.hasSuffix(":") ? String(word.text.dropLast()) : word.text
        let document: Int
        do throws(GlossError) {
            document = try invocation.workspace.corpus.document(id: id)
        } catch {
            throw GlossError(error.message, column: word.column)
        }
        invocation.workspace.perform(.use(document: document))
    }

    static let outline = CommandSpec(
        "outline", aliases: ["toc"], group: .reading, effect: .readOnly,
        summary: "Show a document's structure: sections, passages, FAQ and key points",
        discussion: """
            Lists each section with its address and heading, nested by heading level, and under it \
            each passage, FAQ entry and key point with its address and first words. With a filter \
            active only what is in the working view is listed. `--json` prints the full structure of \
            each document (all documents with --all).
            """,
        arguments: [ArgumentSpec("DOC", .document, .optional, help: "document id (default: the current one)")],
        options: [
            OptionSpec("all", help: "every loaded document"),
            OptionSpec("sections", help: "headings only"),
            OptionSpec("json", help: "print JSON: id, title, sections with passages, faq, keyPoints"),
        ],
        examples: [
            .init("outline", "the structure of the current document"),
            .init("outline --sections", "headings only"),
            .init("outline --json --all", "every document as JSON"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        let documents: [Int]
        if invocation.flag("all") {
            documents = workspace.corpus.loadedDocumentIndices
        } else if let word = invocation.word("DOC") {
            do throws(GlossError) {
                documents = [
                    try workspace.corpus.document(
                        id: word.text.hasSuffix(":") ? String(word.text.dropLast()) : word.text)
                ]
            } catch {
                throw GlossError(error.message, column: word.column)
            }
        } else {
            documents = [try workspace.defaultDocument()]
        }
        if invocation.flag("json") {
            invocation.output.raw(
                JSONValue.lazyArray(
                    JSONLazyArray(count: documents.count) {
                        DocumentJSON.document(documents[$0], in: workspace)
                    }
                ).serialized())
            return
        }
        var output = invocation.output
        let view = workspace.view.filters.isEmpty ? nil : workspace.viewUnits
        for (position, document) in documents.enumerated() {
            if position > 0 { output.line() }
            try OutlineRenderer(
                workspace: workspace, view: view, headingsOnly: invocation.flag("sections"),
                cancel: invocation.context.cancel
            )
            .render(document, into: &output)
        }
        invocation.output = output
    }

    static let show = CommandSpec(
        "show", aliases: ["cat", "read"], group: .reading, effect: .readOnly,
        summary: "Print elements in full: passages, sections, FAQ entries, key points, documents",
        discussion: """
            Prints each target with its address, tags and notes; marked spans are highlighted \
            ({braces} without colour). A section prints its heading and everything in it; `DOC:` \
            prints the whole document. With a filter active, sections and documents show only \
            what is in the working view.
            """,
        arguments: [ArgumentSpec("TARGETS", .targets, .zeroOrMore, help: "addresses (default: the current document)")],
        options: [OptionSpec("json", help: "print JSON")],
        examples: [
            .init("show s3.p2", "one passage"),
            .init("show kp1-4 q2", "four key points and a FAQ entry"),
            .init("show s2", "a section with its passages"),
            .init("show #3", "the third result of the last find"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let workspace = invocation.workspace
        var refs: [ElementRef] = []
        for word in invocation.words("TARGETS") {
            refs += try invocation.targets(word)
        }
        if refs.isEmpty { refs = [ElementRef(document: try workspace.defaultDocument(), address: .document)] }
        if invocation.flag("json") {
            invocation.output.raw(JSONValue.array(refs.map { DocumentJSON.element($0, in: workspace) }).serialized())
            return
        }
        let renderer = ElementRenderer(
            workspace: workspace, view: workspace.view.filters.isEmpty ? nil : workspace.viewUnits,
            cancel: invocation.context.cancel)
        var output = invocation.output
        for (position, ref) in refs.enumerated() {
            try invocation.context.cancel.check()
            if position > 0 { output.line() }
            try renderer.show(ref, into: &output)
        }
        invocation.output = output
        workspace.perform(.moveReadingCursor(refs.last))
    }
}
