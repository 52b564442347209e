/// A comment a document brings from its source (a Word or ODT reviewer's comment). `load` turns it into
/// a gloss note: on a mark of the commented span when it has one, else on the element.
public struct SourceComment: Hashable, Sendable {
    public var element: ElementAddress
    /// The commented text inside the element, and which of its occurrences there it is (1-based).
    public var quote: String?
    public var occurrence: Int
    public var text: String
    public var author: String?

    public init(element: ElementAddress, quote: String?, occurrence: Int = 1, text: String, author: String?) {
        self.element = element
        self.quote = quote
        self.occurrence = occurrence
        self.text = text
        self.author = author
    }

    /// The note's text: the author first, when known.
    public var noteText: String {
        guard let author, !author.isEmpty else { return text }
        return author + ": " + text
    }
}
