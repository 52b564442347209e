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

    public init(text: String) {
        hash = Self.hash(of: text)
        let words = text.split(whereSeparator: \.isWhitespace)
        head = words.prefix(Self.words).joined(separator: " ")
        tail = words.count > Self.words ? words.suffix(Self.words).joined(separator: " ") : ""
    }

    /// First 12 hex digits of the SHA-256 of the text.
    public static func hash(of text: String) -> String {
        DocumentLoader.hex(SHA256.hash(data: Array(text.utf8)).prefix(6))
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

/// An annotation that could not be placed again after its document changed.
public struct Orphan: Hashable, Sendable {
    public var document: String
    public var address: String
    /// What the element's text began with when it was saved.
    public var text: String
    /// The command that could not attach it.
    public var command: String
}
