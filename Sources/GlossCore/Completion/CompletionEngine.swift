/// Tab completion from the command registry: what the word under the cursor can become.
public struct CompletionEngine {
    public let session: Session

    public init(session: Session) {
        self.session = session
    }

    /// A completion candidate: the full word, and a hint shown beside it in a list.
    public struct Candidate: Equatable, Sendable {
        public var word: String
        public var hint: String?
        /// Whether completing adds a space after the word.
        public var appendSpace: Bool

        public init(_ word: String, hint: String? = nil, appendSpace: Bool = true) {
            self.word = word
            self.hint = hint
            self.appendSpace = appendSpace
        }
    }

    /// Candidates for the word that ends at the end of `line` (the text left of the cursor).
    /// Returns the start offset (in characters) of that word and the candidates, sorted.
    public func complete(_ line: String) -> (wordStart: Int, candidates: [Candidate]) {
        let characters = Array(line)
        var start = characters.count
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        let word = String(characters[start...])
        let before = String(characters[..<start])
        let previous = (try? CommandLineTokenizer.words(before)) ?? before.split(separator: " ").map {
            CommandWord(text: String($0), column: 0, endColumn: 0, quoted: false)
        }
        let registry = session.registry
        if previous.isEmpty {
            return (start, registry.firstWords.filter { $0.hasPrefix(word.lowercased()) }.map { Candidate($0) })
        }
        let first = previous[0].text.lowercased()
        if previous.count == 1, registry.hasSubcommands(first), registry.spec(named: first) == nil || !word.isEmpty {
            let subcommands = registry.subcommands(of: first).filter { $0.hasPrefix(word.lowercased()) }
            if !subcommands.isEmpty || registry.spec(named: first) == nil {
                return (start, subcommands.map { Candidate($0) })
            }
        }
        var spec = registry.spec(named: first)
        var argumentWords = Array(previous.dropFirst())
        if previous.count >= 2, let sub = registry.spec(named: first + " " + previous[1].text.lowercased()) {
            spec = sub
            argumentWords.removeFirst()
        }
        guard let spec else { return (start, []) }
        if word.hasPrefix("--") {
            return (start, spec.options.map { "--" + $0.name }.filter { $0.hasPrefix(word) }.sorted().map { Candidate($0) })
        }
        let kind = expectedKind(spec, after: argumentWords)
        return (start, candidates(for: kind, word: word))
    }

    /// The kind of value the next positional word takes.
    private func expectedKind(_ spec: CommandSpec, after words: [CommandWord]) -> ValueKind {
        if let last = words.last, last.isOption, let option = spec.option(named: String(last.text.dropFirst(2))), !option.isFlag {
            return option.kind
        }
        let positional = words.filter { !$0.isOption }.count
        var index = 0
        for argument in spec.arguments {
            switch argument.arity {
            case .one, .optional:
                if index == positional { return argument.kind }
                index += 1
            case .oneOrMore, .zeroOrMore, .rest:
                return argument.kind
            }
        }
        return spec.arguments.last?.kind ?? .word
    }

    func candidates(for kind: ValueKind, word: String) -> [Candidate] {
        let workspace = session.workspace
        switch kind {
        case .command:
            let names = session.registry.allNames + HelpTopics.names
            return names.filter { $0.hasPrefix(word.lowercased()) && !$0.contains(" ") }.sorted().map { Candidate($0) }
        case .document:
            return workspace.loadedDocumentIndices.map { workspace.documents[$0].id }
                .filter { $0.hasPrefix(word.lowercased()) }.sorted().map { Candidate($0) }
        case .choice(let choices):
            return choices.filter { $0.hasPrefix(word.lowercased()) }.map { Candidate($0) }
        case .setting:
            return Settings.names.filter { $0.hasPrefix(word.lowercased()) }.map { Candidate($0) }
        default:
            return []
        }
    }
}
