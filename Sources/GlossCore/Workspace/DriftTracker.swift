/// What replays of saved sessions learn about documents that changed since: which changed, the anchors
/// that say what annotated elements looked like, where those elements are now, and the annotations
/// that could not be placed. Filled by `load --sha256` and `anchor` lines, read when addresses are
/// resolved and recorded (see Workspace+Drift.swift).
public struct DriftTracker {
    /// Documents whose replayed `load` found a different SHA-256 than the saved session expected, or
    /// (loaded from a folder or pattern, so without one) whose text no longer matches an anchor.
    public internal(set) var drifted: Set<Int> = []
    /// Documents whose replayed `load` named their SHA-256: whether they changed is known.
    var hashChecked: Set<Int> = []
    /// Anchors registered by `anchor` lines, and where they point in changed documents (nil: orphaned).
    public internal(set) var anchors: [ElementRef: Anchor] = [:]
    var addressRemap: [Int: [ElementAddress: ElementAddress?]] = [:]
    /// The anchored addresses of each document, for re-anchoring them all when it turns out changed.
    var anchoredAddresses: [Int: [ElementAddress]] = [:]
    /// Annotations that could not be re-attached after a document changed.
    public internal(set) var orphans: [Orphan] = []
    /// Changed documents whose re-anchoring has been reported.
    var driftReported: Set<Int> = []
}
