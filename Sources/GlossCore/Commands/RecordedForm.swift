/// What a command says, as it runs, about how it is recorded in history, journals and saved sessions
/// when that is not simply the line typed. Read by `CommandRecorder` once the command succeeds.
public struct RecordedForm {
    /// Set by commands whose saved form differs from what was typed (`load` adds `--sha256`).
    public var canonicalLine: String?
    /// Set by `more`, whose rows continue the last listing: a saved session keeps that listing too.
    var continuesListing = false
    /// Set when every annotation the command would have made was orphaned by a changed document: only
    /// its `orphan` lines are recorded.
    var orphanedWhole = false
    /// Set by `orphan`, which records either itself or the command it re-attached.
    var presetLine: String?
    var presetOrphans: [Orphan]?

    public init() {}
}
