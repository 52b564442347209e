/// What a session knows about the scripts it runs: their variables, where relative paths start, how
/// deep replays are nested, and what they may touch.
public struct ScriptContext: Sendable {
    /// Directory that relative paths are resolved against.
    public var baseDirectory: String
    /// Variables for `${NAME}`: from `set NAME VALUE`, `--set`, and `${1}`… for run arguments.
    public var variables: [String: String] = [:]
    /// Set while `gloss run` (or piped input) executes a script.
    public var isScript = false
    /// Documents each running `replay` has loaded (or named with `load` when already loaded), innermost
    /// last; its depth is the nesting depth of `replay`.
    var replayLoads: [Set<Int>] = []
    var replayDepth: Int { replayLoads.count }
    /// True while a journal is being replayed by `resume`.
    var isRestoring = false
    /// Raised while `orphan` runs the command it re-attaches: a quote it cannot find keeps it an orphan.
    var forcesDriftTolerance = 0
    /// The sandbox a replayed script runs in: set for `gloss run` and piped input, and by each replay
    /// started at the prompt. Commands typed by a person are never confined.
    public var sandbox: ScriptSandbox?
    /// The script this session was opened from (`gloss NAME.gloss`): `save` without a name writes back to it.
    public var origin: ScriptOrigin?

    public init(baseDirectory: String) {
        self.baseDirectory = baseDirectory
    }

    /// What `@` keeps to: inside a replay, the documents the innermost replay that loaded any has
    /// loaded, so a coding script applied to a new article codes that article only; nil elsewhere.
    var viewDocumentScope: Set<Int>? { replayLoads.last { !$0.isEmpty } }

    /// Records documents a `load` named, for every running replay.
    mutating func noteLoaded(_ documents: [Int]) {
        for level in replayLoads.indices { replayLoads[level].formUnion(documents) }
    }

    /// Commands are being replayed from a script or a journal rather than typed.
    var isReplaying: Bool { replayDepth > 0 || isScript || isRestoring }

    var sandboxApplies: Bool { sandbox != nil && (isScript || replayDepth > 0) }
}
