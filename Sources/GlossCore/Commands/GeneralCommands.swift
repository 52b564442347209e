/// Help, settings and leaving.
enum GeneralCommands {
    static let all: [CommandSpec] = [help, set, quit]

    static let help = CommandSpec(
        "help", aliases: ["?"], group: .general, effect: .meta,
        summary: "List commands, or explain one command or topic",
        discussion: "Topics: \(HelpTopics.names.joined(separator: ", ")).",
        arguments: [ArgumentSpec("TOPIC", .command, .zeroOrMore, help: "a command (e.g. tag, tags rename) or a topic")],
        examples: [
            .init("help", "commands grouped by purpose"),
            .init("help find", "usage, options and examples of find"),
            .init("help queries", "the query language"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let words = invocation.words("TOPIC").map { $0.text.lowercased() }
        let renderer = HelpRenderer(registry: invocation.context.registry, readers: invocation.context.readers)
        var output = invocation.output
        if words.isEmpty {
            renderer.overview(into: &output)
        } else if let spec = invocation.context.registry.spec(named: words.joined(separator: " ")) {
            renderer.command(spec, into: &output)
        } else if words.count == 1, let topic = HelpTopics.topic(words[0]) {
            renderer.topic(topic, into: &output)
        } else {
            let name = words.joined(separator: " ")
            let all = invocation.context.registry.allNames + HelpTopics.names
            throw GlossError(
                "no help for '\(name)'\(Suggestion.phrase(for: name, among: all)) (type 'help' for the list)",
                column: invocation.words("TOPIC").first?.column)
        }
        invocation.output = output
    }

    static let set = CommandSpec(
        "set", group: .general, effect: .view,
        summary:
            "Show or change settings (width, color, pager, snippet, strict, max-file-size, stem…) and script variables",
        discussion: "`set` alone lists settings and variables. Settings: "
            + Settings.specs.map { "\($0.name) (\($0.help))" }.joined(separator: ", ")
            + ". Any other NAME defines a variable used as ${NAME} in later commands ($$ is a literal $).",
        arguments: [
            ArgumentSpec("NAME", .setting, .optional, help: "a setting or variable name"),
            ArgumentSpec("VALUE", .word, .optional, help: "the new value"),
        ],
        examples: [
            .init("set width 100", "wrap output at 100 columns"),
            .init("set pager off", "never page long output"),
            .init("set max-file-size 1G", "let load read files of up to 1 GB"),
            .init("set stem on", "find budgets then matches budget, budgeted…"),
            .init("set stem-language german", "stem with the German stemmer"),
            .init("set topic barrier", "then: find ${topic}"),
        ]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        let session = invocation.context
        guard let name = invocation.word("NAME") else {
            let nameWidth = (Settings.names.map(\.count).max() ?? 0) + 2
            for setting in Settings.names {
                invocation.line(
                    StyledText(DisplayWidth.pad(setting, to: nameWidth), .strong)
                        + StyledText(session.settings.value(of: setting)))
            }
            for (key, value) in session.variables.sorted(by: { $0.key < $1.key }) where Int(key) == nil && key != "args"
            {
                invocation.line(StyledText(DisplayWidth.pad("${\(key)}", to: nameWidth), .strong) + StyledText(value))
            }
            return
        }
        guard let value = invocation.word("VALUE") else {
            if Settings.spec(named: name.text) != nil {
                invocation.line(session.settings.value(of: name.text))
            } else if let value = session.variables[name.text] {
                invocation.line(value)
            } else {
                throw GlossError(
                    "'\(name.text)' is neither a setting (\(Settings.names.joined(separator: ", "))) nor a variable",
                    column: name.column)
            }
            return
        }
        let key = name.text.lowercased()
        if key == "strict", session.sandboxApplies, session.sandbox?.strict == true, value.text.lowercased() != "on" {
            throw GlossError("a script cannot turn strict off", column: value.column)
        }
        if key == "strict", session.sandboxApplies, value.text.lowercased() == "on" { session.sandbox?.strict = true }
        if Settings.spec(named: key) != nil {
            do throws(GlossError) {
                try session.settings.set(key, value.text)
            } catch {
                throw GlossError(error.message, column: value.column)
            }
        } else {
            guard name.text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
                name.text.first?.isLetter == true
            else {
                throw GlossError(
                    "a variable name is letters, digits, '_' and '-', starting with a letter", column: name.column)
            }
            session.variables[name.text] = value.text
        }
    }

    static let quit = CommandSpec(
        "quit", aliases: ["exit", "q"], group: .general, effect: .meta,
        summary: "Leave gloss (Ctrl-D does the same); unsaved work is kept for resume",
        discussion: """
            With work not saved yet, quit at a terminal asks: save, discard or cancel; Enter (or a closed \
            terminal) leaves the work as an unfinished session that gloss --resume restores. In a script, \
            quit keeps unsaved work the same way unless --discard is given. A session with nothing unsaved \
            leaves no journal behind.
            """,
        options: [OptionSpec("discard", help: "leave without keeping unsaved work")],
        examples: [.init("quit", "end the session"), .init("quit --discard", "end it and throw unsaved work away")]
    ) { (invocation: inout CommandInvocation) throws(GlossError) in
        invocation.quitRequested = true
        if invocation.flag("discard") { invocation.context.discardsUnsavedWork = true }
    }
}
