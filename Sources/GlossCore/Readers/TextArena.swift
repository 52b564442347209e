/// Copies the texts of the documents one load worker reads into shared chunks, so the corpus keeps
/// its text once and long-lived text never sits between the short-lived garbage of parsing.
final class TextArena {
    /// Chunks grow by doubling from this size up to `largestChunk`.
    static let firstChunk = 4 << 10
    static let largestChunk = 4 << 20
    private var chunk: TextChunk?
    private var lastCells: [String] = []

    func store(_ string: String) -> StoredText {
        var string = string
        return string.withUTF8 { store($0) }
    }

    func store(_ bytes: UnsafeBufferPointer<UInt8>) -> StoredText {
        if chunk == nil || chunk!.room < bytes.count {
            let previous = chunk?.capacity ?? Self.firstChunk / 2
            // The chunk left behind keeps its texts; its unused end is given back when it is large.
            if let full = chunk, full.room > full.capacity / 8 { full.shrinkToFit() }
            chunk = TextChunk(capacity: max(bytes.count, min(Self.largestChunk, previous * 2)))
        }
        let offset = chunk!.append(bytes)
        return StoredText(chunk: chunk!, offset: offset, count: bytes.count)
    }

    /// The cells of a table header, sharing one array with the previous document's when they are the
    /// same (a corpus repeats its key-points header in every article).
    func shared(_ cells: [String]) -> [String] {
        if cells != lastCells { lastCells = cells }
        return lastCells
    }

    /// Gives back the unused end of the last chunk once no more texts will come.
    func seal() {
        chunk?.shrinkToFit()
        chunk = nil
    }
}
