import CStemmer

/// A Snowball stemmer (libstemmer) for one language: folds word forms to a stem ("budgets",
/// "budgeted" → "budget"). An instance keeps a buffer between calls, so it is used by one thread at a
/// time; make one per thread.
final class Stemmer {
    let language: String
    private let stemmer: OpaquePointer

    /// The stemmer of a language (Snowball's names, such as english, german, or their codes en, de);
    /// nil when libstemmer has none.
    init?(language: String) {
        guard let stemmer = sb_stemmer_new(language, "UTF_8") else { return nil }
        self.language = language
        self.stemmer = stemmer
    }

    deinit {
        sb_stemmer_delete(stemmer)
    }

    /// Snowball's language names, in its order.
    static let languages: [String] = {
        var names: [String] = []
        guard let list = sb_stemmer_list() else { return names }
        var index = 0
        while let name = list[index] {
            names.append(String(cString: name))
            index += 1
        }
        return names
    }()

    /// The stem of a folded word's UTF-8 bytes; `body` reads it before the next call.
    func withStem<R>(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let base = word.baseAddress, word.count > 0,
            let stem = sb_stemmer_stem(stemmer, base, Int32(word.count))
        else { return body(word) }
        return body(UnsafeBufferPointer(start: stem, count: Int(sb_stemmer_length(stemmer))))
    }

    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in withStem(bytes) { String(decoding: $0, as: UTF8.self) } }
    }
}
