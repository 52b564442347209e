/// What the workspace derives and keeps to answer again quickly: each is rebuilt when what it was
/// derived from changes, so none of it is state a command changes or undo restores.
struct WorkspaceCaches {
    /// Counts annotation changes, so caches of what tags cover know when they are stale.
    var annotationVersion = 0
    /// Units covered by each tag (with its children) at some annotation version.
    var taggedUnits: [String: (version: Int, units: UnitSet)] = [:]
    /// The TF-IDF rows of the last grain `suggest` or `similar` asked for (see `learningContext`).
    var learning: LearningContext?
}
