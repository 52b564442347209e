/// A command the session ran, in canonical form.
public struct HistoryEntry: Sendable, Equatable {
    public var number: Int
    public var line: String
    public var effect: CommandEffect
    public var commandName: String
    public var undone = false
    /// The command refers to `#n` rows of an earlier listing.
    public var usesListing = false
    /// Elements the command named by address (anchored when the session is saved).
    public var touched: [ElementRef] = []
    /// What the command printed, without colour (cut at 64 KB), for notebook transcripts.
    public var output = ""

    /// Whether `save` writes it (`stateOnly` drops what only printed).
    func isSaved(stateOnly: Bool) -> Bool {
        if undone { return false }
        switch effect {
        case .meta: return false
        case .mutating, .view: return true
        case .readOnly, .listing: return !stateOnly
        }
    }
}

extension CommandEffect: Equatable {}
