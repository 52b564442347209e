/// A parsed command line on its way through a command: typed access to its words, the context to
/// act on, and the output being built.
public struct CommandInvocation {
    public let spec: CommandSpec
    public let context: Session
    public var output: OutputBuilder
    /// Positional words by argument name.
    public internal(set) var positional: [String: [CommandWord]] = [:]
    /// Options by name; flags have an empty text.
    public internal(set) var options: [String: CommandWord] = [:]
    /// The free text of a `.rest` argument, with the column where it starts; options are blanked out.
    public internal(set) var rest: (text: String, column: Int)?
    /// How the command goes into history and saved sessions, when not as typed (see `RecordedForm`).
    public var recording = RecordedForm()
    /// Warnings to show on standard error (a file read as Windows-1252, …).
    public var warnings: [String] = []
    /// Set by `quit`.
    public var quitRequested = false
    /// What the command changes and names as it runs (see `CommandTransaction`).
    var transaction = CommandTransaction()

    public var workspace: Workspace { context.workspace }

    /// The elements a target word names; inside a replay, `@` keeps to the documents it loaded.
    mutating func targets(_ word: CommandWord) throws(GlossError) -> [ElementRef] {
        try workspace.resolveTargets(
            word.text, column: word.column, viewScope: context.script.viewDocumentScope, in: &transaction)
    }

    /// Like `targets`, but keeps marks as marks: what `tag`, `untag` and `note` act on.
    mutating func codingTargets(_ word: CommandWord) throws(GlossError) -> [CodingTarget] {
        try workspace.resolveCodingTargets(
            word.text, column: word.column, viewScope: context.script.viewDocumentScope, in: &transaction)
    }

    init(spec: CommandSpec, context: Session, output: OutputBuilder) {
        self.spec = spec
        self.context = context
        self.output = output
    }

    // Reading a name the spec does not declare is a typo that would silently read nothing: it traps
    // in debug builds.
    public func word(_ name: String) -> CommandWord? { words(name).first }
    public func words(_ name: String) -> [CommandWord] {
        assert(spec.arguments.contains { $0.name == name }, "\(spec.name) declares no argument \(name)")
        return positional[name] ?? []
    }
    public func flag(_ name: String) -> Bool { optionWord(name) != nil }
    public func option(_ name: String) -> String? { optionWord(name)?.text }
    func optionWord(_ name: String) -> CommandWord? {
        assert(spec.option(named: name) != nil, "\(spec.name) declares no option --\(name)")
        return options[name]
    }

    /// A whole-number option. The parser has checked it against the range the spec declares, so the
    /// body reads it without checking again (and cannot check it differently).
    public func integer(_ name: String) -> Int? {
        guard let word = optionWord(name) else { return nil }
        assert(spec.option(named: name)?.range != nil, "\(spec.name) declares no range for --\(name)")
        return Int(word.text)
    }

    /// One of the values a `.choice` option declares (checked by the parser), lowercased.
    public func choice(_ name: String) -> String? {
        guard let word = optionWord(name) else { return nil }
        if case .choice = spec.option(named: name)?.kind {
        } else {
            assertionFailure("\(spec.name) declares no choices for --\(name)")
        }
        return word.text.lowercased()
    }

    /// Appends a styled line to the output.
    public mutating func line(_ styled: StyledText, indent: Int = 0, hangingIndent: Int? = nil) {
        output.line(styled, indent: indent, hangingIndent: hangingIndent)
    }

    public mutating func line(_ plain: String = "") {
        output.line(plain)
    }

    /// Appends a status line: what the command did ("tagged …"), which `gloss run` sends to standard error.
    public mutating func status(_ styled: StyledText, indent: Int = 0, hangingIndent: Int? = nil) {
        output.status(styled, indent: indent, hangingIndent: hangingIndent)
    }
}
