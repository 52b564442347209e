/// A command the session ran, in canonical form.
public struct HistoryEntry: Sendable, Equatable {
    public var number: Int
    /// The command as recorded: canonical, with addresses a changed document moved written where they
    /// are now. Several lines when one command stands for several (a load of files, `orphan` lines).
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
    /// State-changing commands in effect when it ran. A saved session replays it after the saved
    /// state-changing commands before it; when their number differs (something it saw was undone
    /// since), what it did depended on state the replay will not have.
    public var effectiveBefore = 0
    /// What its target words depended on besides their text.
    public var usesView = false
    public var usesCurrentDocument = false
    /// The command with every target word written out as the elements it named, for when the state
    /// its words depended on will not be there in a replay; nil when they depended on nothing.
    public var explicitLine: String?

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
