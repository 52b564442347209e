/// Documents read, parsed and indexed by one load worker: the query side's part of a parallel load
/// (`DocumentLoader.loadParts`), which the corpus adds as a shard of the index.
extension Corpus {
    struct IndexedPart: DocumentLoader.LoadPart {
        var documents: [Document] = []
        /// Units of each document, in order; `units` holds them all, one after another.
        var unitCounts: [Int32] = []
        var units: [Unit] = []
        var shard = IndexShard()
        var lengths: [Int32] = []
        /// Texts of units parsed but not yet indexed.
        private var pending: [StoredText] = []

        /// Units indexed together: large enough that indexing runs with the dictionary and the posting
        /// lists hot in the cache, small enough that parsing garbage does not pile up meanwhile.
        static let batch = 4_096

        /// Adds a document and its units, and indexes them with the next batch.
        mutating func add(_ document: Document) {
            var texts = pending  // moved out and back: `append` mutates self too
            pending = []
            append(document, texts: &texts)
            pending = texts
            if pending.count >= Self.batch { indexPending() }
        }

        /// Adds a document and its units without indexing them; their texts go to `texts`, in unit order.
        mutating func append(_ document: Document, texts: inout [StoredText]) {
            var document = document
            // The id its path gives, worked out here on the load's cores; `register` makes it unique.
            if document.id.isEmpty { document.id = Corpus.baseDocumentID(for: document.path) }
            let first = units.count
            DocumentUnits.forEachUnit(of: document, index: 0) { unit, text in
                units.append(unit)
                texts.append(text)
            }
            unitCounts.append(Int32(units.count - first))
            documents.append(document)
        }

        private mutating func indexPending() {
            lengths.append(contentsOf: shard.add(pending[...]))
            pending.removeAll(keepingCapacity: true)
        }

        var isEmpty: Bool { documents.isEmpty }

        /// Called once the part is whole: indexes what is left and drops the spare capacity of the
        /// posting lists (its other arrays live only until the workspace has taken their contents).
        mutating func finish() {
            indexPending()
            pending = []
            shard.compact()
        }
    }
}
