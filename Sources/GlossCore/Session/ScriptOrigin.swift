/// The script a session was opened from, and whether its replay got to the end.
public struct ScriptOrigin: Sendable, Equatable {
    public var path: String
    /// The line the replay stopped at; nil when it ran to the end.
    public var stoppedAt: Int?
    /// How many command lines were not replayed.
    public var notReplayed: Int
    /// History length once the script had run, to show what changed before saving back.
    public var historyCount: Int

    public var isComplete: Bool { stoppedAt == nil }
}
