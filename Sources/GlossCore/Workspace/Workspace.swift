/// Everything the analyst has open: the corpus of documents and its index, the annotations, the
/// working view and what replays learned of changed documents. Commands read and change it through
/// edits (see `WorkspaceEdit`); it never prints.
public final class Workspace {
    /// The documents, their units and the index (see `Corpus`).
    public let corpus = Corpus()

    /// The current document, filters and last listing (see `WorkingView`).
    public internal(set) var view = WorkingView()
    public internal(set) var annotations = Annotations()

    /// What replays learned about documents that changed since a session was saved (see `DriftTracker`).
    public internal(set) var drift = DriftTracker()

    /// What is derived and kept to answer again quickly (tagged unit sets, suggest's rows).
    var caches = WorkspaceCaches()

    public init() {}

    // MARK: - Documents

    /// The document an address without `DOC:` means: the current one, or the only one.
    public func defaultDocument() throws(GlossError) -> Int {
        if let current = view.currentDocument, corpus.isLoaded[current] { return current }
        if corpus.loadedDocumentCount == 1, let only = corpus.isLoaded.firstIndex(of: true) { return only }
        if corpus.loadedDocumentCount == 0 { throw GlossError("no documents are loaded (use load FILE)") }
        throw GlossError("several documents are loaded: choose one with 'use DOC' or write DOC:ADDRESS")
    }

    /// Adds parsed documents to the corpus (see `Corpus.add`). Returns the indices of those loaded; what
    /// undoes the addition is recorded in `transaction`.
    @discardableResult
    public func add(_ newDocuments: [Document], in transaction: inout CommandTransaction) -> [Int] {
        finishAdding(corpus.add(newDocuments), in: &transaction)
    }

    /// Adds documents outside any command (tests, benchmarks, the fuzzer): nothing records an undo.
    @discardableResult
    public func add(_ newDocuments: [Document]) -> [Int] {
        var unrecorded = CommandTransaction()
        return add(newDocuments, in: &unrecorded)
    }

    /// Adds parts read and indexed in parallel (see `Corpus.add(_:)`).
    @discardableResult
    func add(_ parts: inout [Corpus.IndexedPart], in transaction: inout CommandTransaction) -> [Int] {
        finishAdding(corpus.add(&parts), in: &transaction)
    }

    /// Adds parts outside any command (tests, benchmarks): nothing records an undo.
    @discardableResult
    func add(_ parts: inout [Corpus.IndexedPart]) -> [Int] {
        var unrecorded = CommandTransaction()
        return add(&parts, in: &unrecorded)
    }

    private func finishAdding(_ added: [Int], in transaction: inout CommandTransaction) -> [Int] {
        if view.currentDocument == nil, let first = added.first {
            perform(.setCurrentDocument(first), in: &transaction)
        }
        refreshFilters()
        // The added documents are one run (new ones, at the end; copies among them stay hidden): one
        // edit undoes them all.
        if let first = added.first, let last = added.last {
            transaction.inverses.append(.setLoaded(documents: first..<(last + 1), false))
        }
        return added
    }

    /// Undoing a load hides its documents; redoing shows them again under the same ids.
    public func setLoaded(_ range: Range<Int>, _ loaded: Bool) {
        let hidesCurrent =
            !loaded && view.currentDocument.map { range.contains($0) && corpus.isLoaded[$0] } ?? false
        // Rows `more` would show may be in the documents hidden.
        if !loaded { view.listingRest = nil }
        corpus.setLoaded(range, loaded)
        if hidesCurrent { view.currentDocument = corpus.loadedDocumentIndices.last }
        refreshFilters()
    }

    // MARK: - View

    /// The unit set of the working view: the innermost filter, or every loaded unit.
    public var viewUnits: UnitSet { view.filters.last?.units ?? corpus.liveUnits }

    /// Re-evaluates the filter stack after the set of live units changed.
    func refreshFilters() {
        guard !view.filters.isEmpty else { return }
        var universe = corpus.liveUnits
        for position in view.filters.indices {
            let evaluated =
                (try? QueryEvaluator(workspace: self).evaluate(view.filters[position].query, within: universe))
                ?? universe
            view.filters[position].units = evaluated
            universe = evaluated
        }
    }
}
