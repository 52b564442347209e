/// A command, declared once: its name, help, grammar, effect and implementation. The REPL, the batch
/// runner, `help`, completion and the README reference all read these declarations.
public struct CommandSpec: Sendable {
    public var name: String
    public var aliases: [String]
    public var group: CommandGroup
    /// One line for the command list.
    public var summary: String
    /// Paragraphs for `help COMMAND`.
    public var discussion: String
    public var examples: [Example]
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    public var effect: CommandEffect
    public var run: @Sendable (inout CommandInvocation) throws(GlossError) -> Void

    public struct Example: Sendable {
        public var command: String
        public var explanation: String
        public init(_ command: String, _ explanation: String) {
            self.command = command
            self.explanation = explanation
        }
    }

    public init(
        _ name: String, aliases: [String] = [], group: CommandGroup, effect: CommandEffect, summary: String,
        discussion: String = "", arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
        examples: [Example], run: @escaping @Sendable (inout CommandInvocation) throws(GlossError) -> Void
    ) {
        self.name = name
        self.aliases = aliases
        self.group = group
        self.effect = effect
        self.summary = summary
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.examples = examples
        self.run = run
    }

    /// `tag TARGETS TAG... [--note TEXT]`
    public var synopsis: String {
        var parts = [name]
        parts += arguments.map(\.synopsis)
        parts += options.map { option in "[" + option.synopsis + "]" }
        return parts.joined(separator: " ")
    }

    /// The words that invoke it: `tags rename` has two.
    public var nameWords: [String] { name.split(separator: " ").map(String.init) }

    public func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }
}

/// Groups for `help` and the README.
public enum CommandGroup: String, Sendable, CaseIterable {
    case reading
    case filtering
    case coding
    case sessions
    case exports
    case general

    public var title: String {
        switch self {
        case .reading: return "Reading"
        case .filtering: return "Filtering and searching"
        case .coding: return "Coding: tags, notes and marks"
        case .sessions: return "Sessions"
        case .exports: return "Exports and reports"
        case .general: return "General"
        }
    }
}

/// What running a command does to the session; decides journaling, undo and saving.
public enum CommandEffect: Sendable {
    /// Prints only. Saved so a replay shows what the analyst saw; dropped by `save --state-only`.
    case readOnly
    /// Prints a numbered listing that `#n` refers to; kept by `--state-only` when a later command uses it.
    case listing
    /// Changes how later commands read (the view, the current document, settings): always saved.
    case view
    /// Changes documents or annotations: journaled with fsync, undoable, always saved.
    case mutating
    /// About the session itself (help, history, save, undo): never saved.
    case meta
}

/// A positional argument.
public struct ArgumentSpec: Sendable {
    public enum Arity: Sendable { case one, optional, oneOrMore, zeroOrMore, rest }

    public var name: String
    public var kind: ValueKind
    public var arity: Arity
    public var help: String
    /// For a `.number`: the values allowed, checked by the parser.
    public var range: ClosedRange<Int>?

    public init(_ name: String, _ kind: ValueKind, _ arity: Arity = .one, range: ClosedRange<Int>? = nil, help: String)
    {
        self.name = name
        self.kind = kind
        self.arity = arity
        self.range = range
        self.help = help
    }

    var synopsis: String {
        switch arity {
        case .one: return name
        case .optional: return "[\(name)]"
        case .oneOrMore: return "\(name)..."
        case .zeroOrMore: return "[\(name)...]"
        case .rest: return name
        }
    }
}

/// A `--name [VALUE]` option.
public struct OptionSpec: Sendable {
    public var name: String
    /// Placeholder of the value (`N`, `TEXT`); nil for a flag.
    public var valueName: String?
    public var kind: ValueKind
    public var help: String
    /// For a `.number`: the values allowed, checked by the parser.
    public var range: ClosedRange<Int>?

    public init(
        _ name: String, value valueName: String? = nil, kind: ValueKind = .word, range: ClosedRange<Int>? = nil,
        help: String
    ) {
        self.name = name
        self.valueName = valueName
        self.kind = kind
        self.range = range
        self.help = help
    }

    public var isFlag: Bool { valueName == nil }

    var synopsis: String {
        valueName.map { "--\(name) \($0)" } ?? "--\(name)"
    }
}

/// What a value is, for validation messages and tab completion.
public enum ValueKind: Sendable, Hashable {
    case targets
    case address
    case tag
    case document
    case path
    /// A path to load: a folder, or a file of a format some reader reads.
    case article
    case noteID
    case text
    case word
    case number
    case query
    case command
    case choice([String])
    case color
    case setting
}
