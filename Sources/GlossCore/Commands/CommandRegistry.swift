/// The table of every command. Names and aliases are unique; a test checks that every command has
/// help and examples and that the README lists exactly these.
public struct CommandRegistry: Sendable {
    public let commands: [CommandSpec]
    private let byName: [String: Int]
    /// Second words of two-word commands (`rename` of `tags rename`), by first word.
    private let subcommandNames: [String: [String]]

    public init(_ commands: [CommandSpec]) {
        self.commands = commands
        var byName: [String: Int] = [:]
        for (index, spec) in commands.enumerated() {
            for name in [spec.name] + spec.aliases {
                precondition(byName[name] == nil, "command name '\(name)' registered twice")
                byName[name] = index
            }
        }
        self.byName = byName
        var subcommandNames: [String: [String]] = [:]
        for spec in commands where spec.nameWords.count == 2 {
            subcommandNames[spec.nameWords[0], default: []].append(spec.nameWords[1])
        }
        self.subcommandNames = subcommandNames
    }

    public static let standard = CommandRegistry(
        ReadingCommands.all + StepCommands.all + SearchCommands.all + CodingCommands.all + SessionCommands.all
            + SuggestCommands.all + ExportCommands.all + GeneralCommands.all + ImportCommands.all)

    public func spec(named name: String) -> CommandSpec? {
        byName[name].map { commands[$0] }
    }

    /// Every name and alias, for suggestions and completion.
    public var allNames: [String] { Array(byName.keys).sorted() }

    /// Names typed as the first word (`tags` for `tags rename`).
    public var firstWords: [String] {
        Array(Set(allNames.map { String($0.split(separator: " ")[0]) })).sorted()
    }

    public func hasSubcommands(_ name: String) -> Bool {
        subcommandNames[name] != nil
    }

    public func subcommands(of name: String) -> [String] {
        subcommandNames[name] ?? []
    }
}
