import Foundation

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
        let previous =
            (try? CommandLineTokenizer.words(before))
            ?? before.split(separator: " ").map {
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
            return (
                start, spec.options.map { "--" + $0.name }.filter { $0.hasPrefix(word) }.sorted().map { Candidate($0) }
            )
        }
        if spec.name == "set", argumentWords.count == 1 {
            let values = Settings.spec(named: argumentWords[0].text)?.values ?? []
            return (start, values.filter { $0.hasPrefix(word.lowercased()) }.map { Candidate($0) })
        }
        let kind = expectedKind(spec, after: argumentWords)
        return (start, candidates(for: kind, word: word))
    }

    /// The kind of value the next positional word takes.
    private func expectedKind(_ spec: CommandSpec, after words: [CommandWord]) -> ValueKind {
        if let last = words.last, last.isOption, let option = spec.option(named: String(last.text.dropFirst(2))),
            !option.isFlag
        {
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
            return documents(prefix: word)
        case .choice(let choices):
            return choices.filter { $0.hasPrefix(word.lowercased()) }.map { Candidate($0) }
        case .setting:
            return Settings.names.filter { $0.hasPrefix(word.lowercased()) }.map { Candidate($0) }
        case .color:
            return (TerminalColor.names.keys.sorted() + ["none"]).filter { $0.hasPrefix(word.lowercased()) }.map {
                Candidate($0)
            }
        case .tag:
            return tags(prefix: word)
        case .noteID:
            return workspace.annotations.notes.values.sorted { $0.id < $1.id }
                .map { Candidate("n\($0.id)", hint: $0.text) }.filter { $0.word.hasPrefix(word.lowercased()) }
        case .targets, .address:
            return targets(word)
        case .query:
            return queryWord(word)
        case .path:
            return paths(word)
        case .article:
            return paths(word, keeping: session.readers.extensions)
        case .text, .word, .number:
            return []
        }
    }

    // MARK: - Documents, tags, notes

    /// Document ids with their titles as hints, folder by folder: `pol` gives `politics/` (no space,
    /// so the rest can follow) when several ids go on under it, as tags do.
    private func documents(prefix: String, ending: String = "", appendSpace: Bool = true) -> [Candidate] {
        let workspace = session.workspace
        let lowered = prefix.lowercased()
        var folders: [String: Int] = [:]
        var result: [Candidate] = []
        for index in workspace.corpus.loadedDocumentIndices
        where workspace.corpus.documents[index].id.hasPrefix(lowered) {
            let id = workspace.corpus.documents[index].id
            if let slash = id.dropFirst(lowered.count).firstIndex(of: "/") {
                folders[String(id[...slash]), default: 0] += 1
            } else {
                result.append(
                    Candidate(id + ending, hint: workspace.corpus.documents[index].title, appendSpace: appendSpace))
            }
        }
        for (folder, count) in folders {
            result.append(Candidate(folder, hint: Counted.phrase(count, "document"), appendSpace: false))
        }
        return result.sorted { $0.word < $1.word }
    }

    /// Tags level by level: `act` gives `actor` (no space after it when it has children, so `/` can
    /// follow), `actor/` gives its children.
    private func tags(prefix: String) -> [Candidate] {
        let annotations = session.workspace.annotations
        let lowered = prefix.lowercased()
        let depth = lowered.split(separator: "/", omittingEmptySubsequences: false).count - 1
        var result: [Candidate] = []
        for tag in annotations.tags.values where tag.key.hasPrefix(lowered) && tag.depth == depth {
            let hasChildren = annotations.tags.keys.contains { $0.hasPrefix(tag.key + "/") }
            // Keep what the user typed for the part already written, the codebook's case for the rest.
            let completed = prefix + tag.path.dropFirst(prefix.count)
            result.append(Candidate(completed, hint: tag.description, appendSpace: !hasChildren))
        }
        return result.sorted { $0.word.lowercased() < $1.word.lowercased() }
    }

    // MARK: - Addresses

    /// Addresses of the current document (or of `DOC:`), with their first words as hints; the part
    /// after the last comma of a list is completed.
    private func targets(_ word: String) -> [Candidate] {
        let workspace = session.workspace
        var listPrefix = ""
        var item = word
        if let comma = word.lastIndex(of: ",") {
            listPrefix = String(word[...comma])
            item = String(word[word.index(after: comma)...])
        }
        if item.hasPrefix("tag:") {
            return tags(prefix: String(item.dropFirst(4))).map {
                Candidate(listPrefix + "tag:" + $0.word, hint: $0.hint, appendSpace: $0.appendSpace)
            }
        }
        var documentPrefix = ""
        var document: Int?
        if let colon = item.firstIndex(of: ":") {
            documentPrefix = String(item[...colon])
            document = workspace.corpus.documentIndex(id: String(item[..<colon]))
            item = String(item[item.index(after: colon)...])
            guard document != nil else { return [] }
        } else {
            document = try? workspace.defaultDocument()
        }
        var result: [Candidate] = []
        if documentPrefix.isEmpty && listPrefix.isEmpty {
            if "@".hasPrefix(item) {
                result.append(Candidate("@", hint: "every passage in the view (\(workspace.viewElements().count))"))
            }
            for (offset, ref) in workspace.view.lastListing.prefix(50).enumerated()
            where "#\(offset + 1)".hasPrefix(item) && !item.isEmpty {
                result.append(Candidate("#\(offset + 1)", hint: workspace.corpus.text(of: ref)))
            }
            if document == nil || workspace.corpus.loadedDocumentCount > 1 {
                result += documents(prefix: item, ending: ":", appendSpace: false).prefix(200)
            }
            for mark in workspace.annotations.marks.values.sorted(by: { $0.id < $1.id })
            where "m\(mark.id)".hasPrefix(item) && !item.isEmpty {
                result.append(Candidate("m\(mark.id)", hint: "“" + mark.quote + "”"))
            }
        }
        if let document {
            for ref in workspace.elements(ofDocument: document) {
                let address = "\(ref.address)"
                guard address.hasPrefix(item) else { continue }
                // Passages are offered once their section is typed (`s3.` or `s3.p`), to keep lists short.
                if case .passage(let s, _) = ref.address, !item.hasPrefix("s\(s).") { continue }
                let hint = workspace.corpus.text(of: ref).replacingOccurrences(of: "\n", with: " ")
                result.append(Candidate(listPrefix + documentPrefix + address, hint: hint))
            }
            if workspace.corpus.documents[document].hasLead, "s0".hasPrefix(item) {
                result.append(Candidate(listPrefix + documentPrefix + "s0", hint: "(lead)"))
            }
        }
        return result
    }

    // MARK: - Queries

    private func queryWord(_ word: String) -> [Candidate] {
        let workspace = session.workspace
        if let colon = word.firstIndex(of: ":") {
            let field = word[..<colon].lowercased()
            let value = String(word[word.index(after: colon)...])
            switch field {
            case "kind":
                return QueryNode.KindFilter.allCases.map(\.rawValue).filter { $0.hasPrefix(value.lowercased()) }.map {
                    Candidate("kind:" + $0)
                }
            case "tag":
                return tags(prefix: value).map {
                    Candidate("tag:" + $0.word, hint: $0.hint, appendSpace: $0.appendSpace)
                }
            case "doc":
                return documents(prefix: value).prefix(200).map {
                    Candidate("doc:" + $0.word, hint: $0.hint, appendSpace: $0.appendSpace)
                }
            case "path":
                // The folders the documents were read from, as globs.
                var folders = Set<String>()
                for index in workspace.corpus.loadedDocumentIndices.prefix(5_000) {
                    let path = workspace.corpus.documents[index].path
                    guard let slash = path.lastIndex(of: "/") else { continue }
                    let folder = path[..<slash].split(separator: "/").last.map(String.init) ?? ""
                    if !folder.isEmpty, folder.lowercased().hasPrefix(value.lowercased()) {
                        folders.insert(folder + "/*")
                    }
                }
                return folders.sorted().prefix(200).map { Candidate("path:" + $0) }
            case "has":
                return ["tag", "note"].filter { $0.hasPrefix(value.lowercased()) }.map { Candidate("has:" + $0) }
            case "author", "site", "lang":
                let key: MetadataKey = field == "author" ? .author : field == "site" ? .site : .language
                let typed = value.lowercased()
                var values = Set<String>()
                for index in workspace.corpus.loadedDocumentIndices.prefix(1_000) {
                    for value in workspace.corpus.documents[index].metadataValues(key) {
                        let words = key == .language ? [value.lowercased()] : MetadataMatch.words(value)
                        for word in words where word.hasPrefix(typed) { values.insert(word) }
                    }
                }
                return values.sorted().prefix(200).map { Candidate(field + ":" + $0) }
            case "section":
                var words = Set<String>()
                for index in workspace.corpus.loadedDocumentIndices.prefix(1_000) {
                    for heading in workspace.corpus.documents[index].sections.compactMap(\.heading) {
                        words.formUnion(Tokenizer().foldedWords(heading).filter { $0.hasPrefix(value.lowercased()) })
                    }
                }
                return words.sorted().prefix(200).map { Candidate("section:" + $0) }
            default:
                return []
            }
        }
        var result = QueryParser.fields.filter { $0.hasPrefix(word.lowercased()) && !word.isEmpty }.map {
            Candidate($0 + ":", appendSpace: false)
        }
        if "untagged".hasPrefix(word.lowercased()) && !word.isEmpty { result.append(Candidate("untagged")) }
        return result
    }

    // MARK: - Files

    /// Entries of the folder being typed; folders end in `/` and take no space. With `extensions`, only
    /// folders and files that end in one of them.
    private func paths(_ word: String, keeping extensions: [String]? = nil) -> [Candidate] {
        let expanded = DocumentLoader.expandTilde(word)
        let slash = expanded.lastIndex(of: "/")
        let folderPart = slash.map { String(expanded[...$0]) } ?? ""
        let namePrefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let folder = folderPart.hasPrefix("/") ? folderPart : session.baseDirectory + "/" + folderPart
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else {
            return []
        }
        // The word as typed (maybe with ~) minus the name being completed.
        let typedFolder = slash == nil ? "" : String(word.dropLast(namePrefix.count))
        var result: [Candidate] = []
        // A name with control characters is never put on the line (it would reach the terminal raw).
        for entry in entries
        where entry.hasPrefix(namePrefix) && (!entry.hasPrefix(".") || namePrefix.hasPrefix("."))
            && !entry.unicodeScalars.contains(where: TerminalSafe.needsEscape)
        {
            let isFolder = DocumentLoader.isDirectory(folder + "/" + entry)
            if let extensions, !isFolder, !extensions.contains(DocumentLoader.pathExtension(entry).lowercased()) {
                continue
            }
            result.append(Candidate(typedFolder + entry + (isFolder ? "/" : ""), appendSpace: !isFolder))
        }
        return result.sorted { $0.word < $1.word }
    }
}
