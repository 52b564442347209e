/// Builds help texts from the registry, so they can never drift from what the commands accept.
public struct HelpRenderer {
    public let registry: CommandRegistry
    /// The formats a command that reads articles lists.
    public let readers: ReaderRegistry

    public init(registry: CommandRegistry, readers: ReaderRegistry = .standard) {
        self.registry = registry
        self.readers = readers
    }

    func overview(into output: inout OutputBuilder) {
        output.line(
            StyledText("gloss — read, search and code articles; save the session as a replayable script.", .strong))
        let width = (registry.commands.map { DisplayWidth.of($0.name) }.max() ?? 10) + 2
        for group in CommandGroup.allCases {
            let commands = registry.commands.filter { $0.group == group }
            guard !commands.isEmpty else { continue }
            output.line()
            output.line(StyledText(group.title, .heading))
            for spec in commands {
                output.line(
                    StyledText(DisplayWidth.pad(spec.name, to: width), .strong) + StyledText(spec.summary),
                    indent: 2, hangingIndent: width + 2)
            }
        }
        output.line()
        output.line(StyledText("Topics", .heading))
        for topic in HelpTopics.all {
            output.line(
                StyledText(DisplayWidth.pad(topic.name, to: width), .strong) + StyledText(topic.summary), indent: 2)
        }
        output.line()
        output.line(
            StyledText("help COMMAND shows usage, options and examples; Tab completes commands and arguments.", .faint))
    }

    func command(_ spec: CommandSpec, into output: inout OutputBuilder) {
        output.line(StyledText("usage: ", .faint) + StyledText(spec.synopsis, .strong), hangingIndent: 7)
        output.line()
        output.line(spec.summary + ".")
        if !spec.aliases.isEmpty {
            output.line(StyledText("aliases: " + spec.aliases.joined(separator: ", "), .faint))
        }
        if !spec.discussion.isEmpty {
            output.line()
            for paragraph in spec.discussion.split(separator: "\n") {
                output.line(String(paragraph))
            }
        }
        if !spec.arguments.isEmpty {
            output.line()
            output.line(StyledText("Arguments", .heading))
            let width = (spec.arguments.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
            for argument in spec.arguments {
                output.line(
                    StyledText(DisplayWidth.pad(argument.name, to: width), .strong) + StyledText(argument.help),
                    indent: 2, hangingIndent: width + 2)
            }
        }
        if spec.arguments.contains(where: { $0.kind == .article }) {
            output.line()
            output.line(StyledText("Formats", .heading))
            let width = (readers.readers.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
            for reader in readers.readers {
                let extensions = reader.extensions.map { "." + $0 }.joined(separator: " ")
                output.line(
                    StyledText(DisplayWidth.pad(reader.name, to: width), .strong)
                        + StyledText(extensions + ": " + reader.summary),
                    indent: 2, hangingIndent: width + 2)
            }
        }
        if !spec.options.isEmpty {
            output.line()
            output.line(StyledText("Options", .heading))
            let width = (spec.options.map { DisplayWidth.of($0.synopsis) }.max() ?? 0) + 2
            for option in spec.options {
                output.line(
                    StyledText(DisplayWidth.pad(option.synopsis, to: width), .strong) + StyledText(option.help),
                    indent: 2, hangingIndent: width + 2)
            }
        }
        output.line()
        output.line(StyledText("Examples", .heading))
        for example in spec.examples {
            output.line(StyledText(example.command, .strong), indent: 2)
            output.line(StyledText(example.explanation, .faint), indent: 6)
        }
    }

    func topic(_ topic: HelpTopics.Topic, into output: inout OutputBuilder) {
        output.line(StyledText(topic.name.capitalized + ": " + topic.summary, .heading))
        output.line()
        for line in topic.body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  ") {
                output.raw(output.render(StyledText(String(line))))
            } else {
                output.line(String(line))
            }
        }
    }
}
