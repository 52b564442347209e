/// The terms of one index shard grouped by their stem in one language: what a stemmed search (`~word`,
/// `set stem on`) looks up. Built on first use, not at load, so exact searching costs nothing more; a
/// shard that grew since is brought up to date by stemming only its new terms.
struct StemTable {
    let language: String
    /// Terms of the shard's dictionary stemmed so far (ids below this).
    private(set) var coveredTerms = 0
    private var stems = TermDictionary()
    /// Per stem id, the ids of the shard's terms with that stem.
    private var termsOfStem: [[Int32]] = []

    init(language: String) {
        self.language = language
    }

    /// Stems the dictionary's terms not covered yet.
    mutating func update(from dictionary: TermDictionary, stemmer: Stemmer) {
        guard coveredTerms < dictionary.count else { return }
        for term in coveredTerms..<dictionary.count {
            let stemID = dictionary.withTermBytes(term) { bytes in
                stemmer.withStem(bytes) { stems.insert($0) }
            }
            if stemID.isNew { termsOfStem.append([]) }
            termsOfStem[Int(stemID.id)].append(Int32(term))
        }
        coveredTerms = dictionary.count
    }

    /// Ids of the terms whose stem is `stem`.
    func terms(withStem stem: String) -> [Int32] {
        stems.id(of: stem).map { termsOfStem[Int($0)] } ?? []
    }

    /// Number of distinct stems.
    var stemCount: Int { stems.count }
}
