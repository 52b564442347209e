/// An annotation that could not be placed again after its document changed. It is kept, with the
/// command that made it, so `orphans` lists it, exports carry it, and the next save writes it as an
/// `orphan` line that a later replay re-attaches once the text is found again.
public struct Orphan: Hashable, Sendable {
    public var document: String
    /// The element's address in the version of the document the annotation was made on.
    public var address: String
    /// What the element's text began (and ended) with there.
    public var text: String
    /// The command that made the annotation, naming only the orphaned element.
    public var command: String
    /// Why it could not be placed.
    public var reason: Reason
    /// What the element looked like, to find it again.
    public var anchor: Anchor?

    public enum Reason: String, Hashable, Sendable {
        case elementGone = "its text changed and was not found again"
        case quoteGone = "the quoted span is no longer in it"
    }

    public init(
        document: String, address: String, text: String, command: String, reason: Reason = .elementGone,
        anchor: Anchor? = nil
    ) {
        self.document = document
        self.address = address
        self.text = text
        self.command = command
        self.reason = reason
        self.anchor = anchor
    }

    /// The `orphan` line that keeps it in a saved session.
    var scriptLine: String {
        let anchorWords =
            anchor.map { "\($0.hash) \(CommandLineTokenizer.quote($0.head)) \(CommandLineTokenizer.quote($0.tail))" }
            ?? "- \"\" \"\""
        return "orphan \(document):\(address) \(anchorWords) \(CommandLineTokenizer.quote(command))"
    }
}
