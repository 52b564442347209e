/// What one command changes and names while it runs: the inverses of its edits (what undoes it), the
/// elements it named by address (a save anchors them), how its target words were resolved and the
/// orphans it made (how it is recorded). Each command line has its own, carried by its invocation, so a
/// command run inside another (the lines of a `replay`) records into its own and cannot reset the
/// outer one's.
public struct CommandTransaction {
    /// Inverses of the edits performed, in the order performed (see `Workspace.perform(_:in:)`).
    var inverses: [WorkspaceEdit] = []
    /// Elements named by address, so a save can anchor them.
    var touched: [ElementRef] = []
    /// How the target words of the running command were resolved.
    var resolutions: [TargetResolution] = []
    /// Orphans of the running command, before the session records them.
    var orphans: [PendingOrphan] = []

    public init() {}

    /// The edits that undo the whole transaction, in the order to apply them.
    var undoingEdits: [WorkspaceEdit] { inverses.reversed() }

    /// Forgets how the last command's target words were resolved and what it orphaned (the next
    /// command of a compound line starts); its edits and touched elements stay.
    mutating func forgetResolutions() {
        resolutions = []
        orphans = []
    }
}
