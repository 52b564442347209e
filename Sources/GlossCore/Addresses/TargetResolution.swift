/// How one target word of a command was resolved: what each item named as typed, what it became, and
/// what the result depended on. The session uses it to record commands in a form that replays the
/// same: addresses moved by a changed document are written where they are now, orphans are kept as
/// `orphan` lines, and a word whose meaning came from state that a saved session will not have
/// (a listing, the view, the current document) can be written out explicitly.
public struct TargetResolution: Sendable {
    /// One item: as typed (nil for `@` and `#n`, which name no address) and as resolved (nil when a
    /// changed document orphaned it).
    public struct Item: Hashable, Sendable {
        public var typed: CodingTarget?
        public var resolved: CodingTarget?
    }

    /// Column of the word in the command line.
    public var column: Int
    public var items: [Item] = []
    public var usesView = false
    public var usesListing = false
    public var usesCurrentDocument = false
    /// True when `@` left out documents because a replay keeps it to the documents it loaded: the
    /// command is recorded with its targets spelled out, so that replaying the record does the same.
    public var scopedToReplay = false

    /// True when an address was moved or orphaned by a changed document.
    public var relocated: Bool { items.contains { $0.typed != nil && $0.typed != $0.resolved } }

    /// True when the word's meaning depends on the session's state rather than on its text alone.
    public var dependsOnContext: Bool { usesView || usesListing || usesCurrentDocument }

    /// What the word resolved to, in order, without orphans.
    public var resolvedTargets: [CodingTarget] { items.compactMap(\.resolved) }
}
