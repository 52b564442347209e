/// What the models of one grain are built on: the vocabulary, the items and their TF-IDF rows.
/// Derived from the index and the loaded documents alone, so a cached one gives the same results as
/// a fresh one; the workspace keeps the last, since building it reads the whole index.
struct LearningContext {
    let grain: CodingGrain
    let unitCount: Int
    let liveVersion: Int
    let vocabulary: GlobalVocabulary
    let items: ItemSpace
    let matrix: TermMatrix
}

extension Workspace {
    func learningContext(_ grain: CodingGrain) -> LearningContext {
        if let cached = caches.learning, cached.grain == grain, cached.unitCount == corpus.units.count,
            cached.liveVersion == corpus.liveVersion
        {
            return cached
        }
        // The vocabulary depends on the index only, which grows with the units.
        let vocabulary =
            caches.learning.flatMap { $0.unitCount == corpus.units.count ? $0.vocabulary : nil }
            ?? GlobalVocabulary(corpus.index.shards)
        caches.learning = nil  // frees the old rows before the new ones are made
        let items = ItemSpace(self, grain: grain)
        let context = LearningContext(
            grain: grain, unitCount: corpus.units.count, liveVersion: corpus.liveVersion, vocabulary: vocabulary,
            items: items,
            matrix: TermMatrix(index: corpus.index, vocabulary: vocabulary, items: items))
        caches.learning = context
        return context
    }
}
