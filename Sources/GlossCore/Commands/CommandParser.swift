/// Parses a command line against the registry's declarations.
public struct CommandParser {
    public let registry: CommandRegistry

    public init(registry: CommandRegistry) {
        self.registry = registry
    }

    /// The spec a line invokes and the words after its name.
    public func command(for line: String) throws(GlossError) -> (spec: CommandSpec, nameEnd: Int) {
        let head = try CommandLineTokenizer.words(
            String(line.prefix(while: { $0 != "\"" && $0 != "“" && $0 != "'" && $0 != "/" })))
        guard let first = head.first else { throw GlossError("empty command") }
        let name = first.text.lowercased()
        if let second = head.dropFirst().first, let spec = registry.spec(named: name + " " + second.text.lowercased()) {
            return (spec, second.endColumn)
        }
        if let spec = registry.spec(named: name),
            !(spec.arguments.isEmpty && registry.hasSubcommands(name) && head.count > 1 && !head[1].isOption)
        {
            return (spec, first.endColumn)
        }
        if registry.hasSubcommands(name), let second = head.dropFirst().first, !second.isOption {
            let choices = registry.subcommands(of: name)
            throw GlossError(
                "unknown subcommand '\(name) \(second.text)' (\(choices.joined(separator: ", ")))\(Suggestion.phrase(for: second.text, among: choices))",
                column: second.column)
        }
        let suggestion = Suggestion.phrase(for: name, among: registry.allNames)
        throw GlossError(
            "unknown command '\(first.text)'\(suggestion) (type 'help' for the list)", column: first.column)
    }

    /// Fills an invocation's arguments and options from the text after the command name.
    func parse(_ line: String, into invocation: inout CommandInvocation, nameEnd: Int) throws(GlossError) {
        let spec = invocation.spec
        let characters = Array(line)
        let tail = String(characters[min(characters.count, nameEnd - 1)...])
        let tailColumn = nameEnd
        if spec.arguments.last?.arity == .rest {
            try parseRest(tail, column: tailColumn, into: &invocation)
            try validate(invocation)
            return
        }
        let tailWords: [CommandWord]
        do throws(GlossError) { tailWords = try CommandLineTokenizer.words(tail) } catch {
            throw error.shifted(by: tailColumn - 1)
        }
        let words = tailWords.map { word in
            CommandWord(
                text: word.text, column: word.column + tailColumn - 1, endColumn: word.endColumn + tailColumn - 1,
                quoted: word.quoted)
        }
        var positionalWords: [CommandWord] = []
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if !optionsEnded, word.isOption || (word.text == "--" && !word.quoted) {
                if word.text == "--" {
                    optionsEnded = true
                    continue
                }
                try takeOption(word, from: words, at: &index, into: &invocation)
            } else {
                positionalWords.append(word)
            }
        }
        try assign(positionalWords, into: &invocation, endColumn: characters.count + 1)
        try validate(invocation)
    }

    private func takeOption(
        _ word: CommandWord, from words: [CommandWord], at index: inout Int,
        into invocation: inout CommandInvocation
    ) throws(GlossError) {
        try takeOption(word, into: &invocation) { () throws(GlossError) -> CommandWord? in
            guard index < words.count else { return nil }
            defer { index += 1 }
            return words[index]
        }
    }

    /// Records `--name`, `--name=VALUE` or `--name VALUE` (the value from `nextWord`, asked only when the
    /// option takes one): what both the word parser and the query parser do with an option.
    private func takeOption(
        _ word: CommandWord, into invocation: inout CommandInvocation,
        nextWord: () throws(GlossError) -> CommandWord?
    ) throws(GlossError) {
        var name = String(word.text.dropFirst(2))
        var inlineValue: String?
        if let equals = name.firstIndex(of: "=") {
            inlineValue = String(name[name.index(after: equals)...])
            name = String(name[..<equals])
        }
        guard let option = invocation.spec.option(named: name) else {
            throw unknownOption(name, spec: invocation.spec, column: word.column)
        }
        if invocation.options[name] != nil {
            throw GlossError("--\(name) is given twice", column: word.column)
        }
        if option.isFlag {
            if inlineValue != nil { throw GlossError("--\(name) takes no value", column: word.column) }
            invocation.options[name] = CommandWord(
                text: "", column: word.column, endColumn: word.endColumn, quoted: false)
            return
        }
        if let inlineValue {
            invocation.options[name] = CommandWord(
                text: inlineValue, column: word.column + name.count + 3, endColumn: word.endColumn, quoted: false)
            return
        }
        guard let value = try nextWord() else {
            throw GlossError("--\(name) needs a value (\(option.valueName!))", column: word.column)
        }
        invocation.options[name] = value
    }

    /// Checks values against their declarations: choices and number ranges, with the column of the
    /// value that is wrong. Command bodies then read them without checking again.
    private func validate(_ invocation: CommandInvocation) throws(GlossError) {
        for option in invocation.spec.options {
            guard let word = invocation.options[option.name] else { continue }
            try Self.check(word, kind: option.kind, range: option.range, label: "--\(option.name)")
        }
        for argument in invocation.spec.arguments {
            for word in invocation.positional[argument.name] ?? [] {
                try Self.check(word, kind: argument.kind, range: argument.range, label: argument.name)
            }
        }
    }

    private static func check(_ word: CommandWord, kind: ValueKind, range: ClosedRange<Int>?, label: String)
        throws(GlossError)
    {
        switch kind {
        case .number:
            guard let range else { return }
            guard let value = Int(word.text), range.contains(value) else {
                throw GlossError(
                    "\(label) takes a number from \(range.lowerBound) to \(range.upperBound), not '\(word.text)'",
                    column: word.column)
            }
        case .choice(let choices):
            guard choices.contains(word.text.lowercased()) else {
                throw GlossError(
                    "\(label) takes \(choices.joined(separator: ", ")), not '\(word.text)'\(Suggestion.phrase(for: word.text, among: choices))",
                    column: word.column)
            }
        default:
            return
        }
    }

    private func unknownOption(_ name: String, spec: CommandSpec, column: Int) -> GlossError {
        let known = spec.options.map(\.name)
        let listed =
            known.isEmpty
            ? "\(spec.name) takes no options" : "options: " + known.map { "--" + $0 }.joined(separator: ", ")
        let suggestion = Suggestion.closest(to: name, among: known).map { "; did you mean '--\($0)'?" } ?? ""
        return GlossError("unknown option '--\(name)' for \(spec.name) (\(listed))\(suggestion)", column: column)
    }

    /// Distributes positional words over the declared arguments, left to right.
    private func assign(_ words: [CommandWord], into invocation: inout CommandInvocation, endColumn: Int)
        throws(GlossError)
    {
        let arguments = invocation.spec.arguments
        var index = 0
        for (position, argument) in arguments.enumerated() {
            let remainingRequired = arguments[(position + 1)...].filter { $0.arity == .one || $0.arity == .oneOrMore }
                .count
            switch argument.arity {
            case .one:
                guard index < words.count else {
                    throw GlossError("missing \(argument.name): usage: \(invocation.spec.synopsis)", column: endColumn)
                }
                invocation.positional[argument.name] = [words[index]]
                index += 1
            case .optional:
                if words.count - index > remainingRequired {
                    invocation.positional[argument.name] = [words[index]]
                    index += 1
                }
            case .oneOrMore, .zeroOrMore:
                let available = words.count - index - remainingRequired
                if argument.arity == .oneOrMore && available < 1 {
                    throw GlossError("missing \(argument.name): usage: \(invocation.spec.synopsis)", column: endColumn)
                }
                if available > 0 {
                    invocation.positional[argument.name] = Array(words[index..<(index + available)])
                    index += available
                }
            case .rest:
                break
            }
        }
        if index < words.count {
            let extra = words[index]
            throw GlossError("unexpected '\(extra.text)': usage: \(invocation.spec.synopsis)", column: extra.column)
        }
    }

    /// For query commands: options are taken out wherever they stand (outside quotes and regexes) and
    /// replaced by spaces, so the query keeps its columns.
    private func parseRest(_ tail: String, column: Int, into invocation: inout CommandInvocation) throws(GlossError) {
        var characters = Array(tail)
        var index = 0
        var wordStart = true
        var positionalBefore: [CommandWord] = []
        let leadingArguments = invocation.spec.arguments.dropLast()
        var collectedLeading = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                wordStart = true
                index += 1
                continue
            }
            if wordStart && collectedLeading < leadingArguments.count
                && !(character == "-" && index + 1 < characters.count && characters[index + 1] == "-")
            {
                // Leading positional words before the query (`kwic` has none; kept general).
                var end = index
                while end < characters.count, !characters[end].isWhitespace { end += 1 }
                positionalBefore.append(
                    CommandWord(
                        text: String(characters[index..<end]), column: column + index, endColumn: column + end,
                        quoted: false))
                for blank in index..<end { characters[blank] = " " }
                collectedLeading += 1
                index = end
                continue
            }
            if character == "\"" || character == "“" || character == "”" {
                index += 1
                while index < characters.count, characters[index] != "\"", characters[index] != "”",
                    characters[index] != "“"
                {
                    if characters[index] == "\\" { index += 1 }
                    index += 1
                }
                index += 1
                wordStart = false
                continue
            }
            if wordStart && character == "/" {
                index += 1
                while index < characters.count, characters[index] != "/" {
                    if characters[index] == "\\" { index += 1 }
                    index += 1
                }
                index += 1
                wordStart = false
                continue
            }
            if wordStart && character == "-" && index + 2 < characters.count && characters[index + 1] == "-"
                && characters[index + 2].isLetter
            {
                var end = index
                while end < characters.count, !characters[end].isWhitespace { end += 1 }
                let optionWord = CommandWord(
                    text: String(characters[index..<end]), column: column + index, endColumn: column + end,
                    quoted: false)
                var blankEnd = end
                try takeOption(optionWord, into: &invocation) { () -> CommandWord? in
                    var valueStart = end
                    while valueStart < characters.count, characters[valueStart].isWhitespace { valueStart += 1 }
                    guard valueStart < characters.count else { return nil }
                    var valueEnd = valueStart
                    while valueEnd < characters.count, !characters[valueEnd].isWhitespace { valueEnd += 1 }
                    let valueText = String(characters[valueStart..<valueEnd])
                    let value = ((try? CommandLineTokenizer.words(valueText))?.first?.text) ?? valueText
                    blankEnd = valueEnd
                    return CommandWord(
                        text: value, column: column + valueStart, endColumn: column + valueEnd, quoted: false)
                }
                for blank in index..<blankEnd { characters[blank] = " " }
                index = blankEnd
                continue
            }
            if character == "-" && index + 1 < characters.count && characters[index + 1] == "-"
                && (index + 2 == characters.count || characters[index + 2].isWhitespace) && wordStart
            {
                // `--` ends options: the rest is query text.
                characters[index] = " "
                characters[index + 1] = " "
                break
            }
            wordStart = false
            index += 1
        }
        for (argument, word) in zip(leadingArguments, positionalBefore) {
            invocation.positional[argument.name] = [word]
        }
        let text = String(characters)
        invocation.rest = (text, column)
    }
}
