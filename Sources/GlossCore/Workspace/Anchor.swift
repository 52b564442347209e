import Crypto

/// What an element looked like when a session was saved: a hash of its text and its first and last
/// words, so it can be found again when the document has changed.
public struct Anchor: Hashable, Sendable {
    public var hash: String
    public var head: String
    public var tail: String

    public init(hash: String, head: String, tail: String) {
        self.hash = hash
        self.head = head
        self.tail = tail
    }

    static let words = 8

    /// The first `words` words make the head; when there are more, the last `words` make the tail.
    /// Only the words at the two ends are read: a whole document is anchored by its text too.
    public init(text: String) {
        hash = Self.hash(of: text)
        var headWords: [Substring] = []
        var index = text.startIndex
        while headWords.count < Self.words, let word = Self.word(in: text, from: &index) { headWords.append(word) }
        head = headWords.joined(separator: " ")
        var rest = index
        guard Self.word(in: text, from: &rest) != nil else {
            tail = ""
            return
        }
        var tailWords: [Substring] = []
        var end = text.endIndex
        while tailWords.count < Self.words, let word = Self.word(in: text, before: &end) { tailWords.append(word) }
        tail = tailWords.reversed().joined(separator: " ")
    }

    /// The next word at or after `index` (a run of non-whitespace characters); `index` moves past it.
    private static func word(in text: String, from index: inout String.Index) -> Substring? {
        while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
        guard index < text.endIndex else { return nil }
        let start = index
        while index < text.endIndex, !text[index].isWhitespace { index = text.index(after: index) }
        return text[start..<index]
    }

    /// The word that ends before `end`, reading backwards; `end` moves to its start.
    private static func word(in text: String, before end: inout String.Index) -> Substring? {
        while end > text.startIndex, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        guard end > text.startIndex else { return nil }
        let stop = end
        while end > text.startIndex, !text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        return text[end..<stop]
    }

    /// First 12 hex digits of the SHA-256 of the text.
    public static func hash(of text: String) -> String {
        HexDigest.hex(SHA256.hash(data: Array(text.utf8)).prefix(6))
    }

    /// How alike another text is, from 0 to 1: shared words of the beginnings and ends.
    func similarity(to text: String) -> Double {
        let other = Anchor(text: text)
        let tokenizer = Tokenizer()
        let mine = Set(tokenizer.foldedWords(head + " " + tail))
        let theirs = Set(tokenizer.foldedWords(other.head + " " + other.tail))
        guard !mine.isEmpty || !theirs.isEmpty else { return 0 }
        return Double(mine.intersection(theirs).count) / Double(mine.union(theirs).count)
    }
}
