/// How a corpus finds its loaded documents: by id, by content digest, and the documents given a path
/// suffix as id because another had their stem's. Changed together when documents are added or hidden.
struct DocumentLookup {
    var byID: [String: Int] = [:]
    /// Documents given a path suffix as id (see `Corpus.resolveIDCollisions`), by their stem id.
    var namesakes: [String: [Int]] = [:]
    /// Loaded documents by their SHA-256, to skip a second copy of a text.
    var byDigest: [ContentDigest: Int] = [:]
}
