/// The table of every command. Names and aliases are unique; a test checks that every command has
/// help and examples and that the README lists exactly these.
public struct CommandRegistry: Sendable {
    public let commands: [CommandSpec]
    private let byName: [String: Int]

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
    }

    public static let standard = CommandRegistry(
        ReadingCommands.all + SearchCommands.all + CodingCommands.all + SessionCommands.all
            + ExportCommands.all + GeneralCommands.all + ImportCommands.all)

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
        commands.contains { $0.nameWords.count == 2 && $0.nameWords[0] == name }
    }

    public func subcommands(of name: String) -> [String] {
        commands.filter { $0.nameWords.count == 2 && $0.nameWords[0] == name }.map { $0.nameWords[1] }
    }
}
