/// What running one line produced; the front end decides how to show it.
public struct ExecutionResult: Sendable {
    public var output = ""
    public var warnings: [String] = []
    public var error: GlossError?
    /// The command asked to leave the session (`quit`).
    public var quit = false
    /// The canonical name of the command that ran, when the line parsed.
    public var commandName: String?

    public init() {}
}
