/// Parses the query language (see `help queries`): words ANDed, `"phrases"`, `prefix*`, `OR`, `-word`,
/// `NOT`, parentheses, `/regex/i`, `NEAR(a b, N)` and `field:value`. Errors carry the 1-based column.
public struct QueryParser {
    public static let fields = [
        "kind", "section", "doc", "tag", "note", "has", "author", "site", "lang", "date", "path",
    ]
    /// Parentheses and NOT/- prefixes nest at most this deep: parsing, evaluating and even freeing a
    /// query recurse once per level, and a hostile query must not run the stack out.
    public static let maximumDepth = 256

    /// How words are matched: exactly unless stemming is on; `~word` stems in `stemLanguage` always.
    public struct Options: Sendable, Equatable {
        public var stemsWords: Bool
        public var stemLanguage: String

        public static let defaultStemLanguage = "english"

        public init(stemsWords: Bool = false, stemLanguage: String = Options.defaultStemLanguage) {
            self.stemsWords = stemsWords
            self.stemLanguage = stemLanguage
        }
    }

    private let text: [Character]
    private let options: Options
    private var index = 0
    /// Open parentheses and NOT/- prefixes around the current position.
    private var depth = 0
    private let tokenizer = Tokenizer()

    public static func parse(_ query: String, options: Options = Options()) throws(GlossError) -> QueryNode {
        var parser = QueryParser(text: Array(query), options: options)
        return try parser.parseQuery()
    }

    private init(text: [Character], options: Options) {
        self.text = text
        self.options = options
    }

    private var column: Int { index + 1 }

    private mutating func parseQuery() throws(GlossError) -> QueryNode {
        skipSpaces()
        if index == text.count { return .all }
        let node = try parseOr()
        skipSpaces()
        if index < text.count {
            if text[index] == ")" { throw GlossError("unexpected ')' with no matching '('", column: column) }
            throw GlossError("unexpected '\(text[index])'", column: column)
        }
        return node
    }

    private mutating func parseOr() throws(GlossError) -> QueryNode {
        var alternatives = [try parseAnd(after: nil)]
        while true {
            skipSpaces()
            let keywordColumn = column
            guard takeKeyword("OR") else { break }
            alternatives.append(try parseAnd(after: ("OR", keywordColumn)))
        }
        return alternatives.count == 1 ? alternatives[0] : .or(alternatives)
    }

    private mutating func parseAnd(after keyword: (String, Int)?) throws(GlossError) -> QueryNode {
        var terms: [QueryNode] = []
        while true {
            skipSpaces()
            if index == text.count || text[index] == ")" || atKeyword("OR") { break }
            let andColumn = column
            if takeKeyword("AND") {
                skipSpaces()
                if terms.isEmpty || index == text.count || text[index] == ")" || atKeyword("OR") {
                    throw GlossError("AND needs something on both sides", column: andColumn)
                }
                continue
            }
            terms.append(try parseUnary())
        }
        if terms.isEmpty {
            if let keyword {
                throw GlossError("\(keyword.0) needs something on both sides", column: keyword.1)
            }
            if index < text.count, atKeyword("OR") {
                throw GlossError("OR needs something on both sides", column: column)
            }
            throw GlossError("empty query", column: column)
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private mutating func parseUnary() throws(GlossError) -> QueryNode {
        skipSpaces()
        let start = column
        if takeKeyword("NOT") {
            skipSpaces()
            guard index < text.count, text[index] != ")", !atKeyword("OR") else {
                throw GlossError("NOT needs something after it", column: start)
            }
            try enterLevel(at: start)
            defer { depth -= 1 }
            return .not(try parseUnary())
        }
        if text[index] == "-" {
            guard index + 1 < text.count, !text[index + 1].isWhitespace, text[index + 1] != ")" else {
                throw GlossError("'-' must be followed by what to exclude, with no space", column: start)
            }
            try enterLevel(at: start)
            defer { depth -= 1 }
            index += 1
            return .not(try parseUnary())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(GlossError) -> QueryNode {
        let start = column
        switch text[index] {
        case "(":
            index += 1
            skipSpaces()
            if index == text.count { throw GlossError("unclosed '(' (no matching ')')", column: start) }
            if text[index] == ")" { throw GlossError("empty parentheses", column: start) }
            try enterLevel(at: start)
            defer { depth -= 1 }
            let node = try parseOr()
            skipSpaces()
            guard index < text.count, text[index] == ")" else {
                throw GlossError("unclosed '(' (no matching ')')", column: start)
            }
            index += 1
            return node
        case "\"", "“", "”":
            return try phraseNode(try quoted(), column: start)
        case "/":
            return try parseRegex()
        case "~":
            return try parseStem()
        default:
            if atNear() { return try parseNear() }
            if let misspelt = misspeltNear() { throw misspelt }
            return try parseWordOrField()
        }
    }

    // MARK: - Words and fields

    private mutating func parseWordOrField() throws(GlossError) -> QueryNode {
        let start = column
        var word = ""
        while index < text.count, !text[index].isWhitespace, text[index] != "(", text[index] != ")",
            !isQuote(text[index])
        {
            word.append(text[index])
            index += 1
        }
        if let colon = word.firstIndex(of: ":"), colon != word.startIndex {
            let field = word[..<colon].lowercased()
            var value = String(word[word.index(after: colon)...])
            let valueColumn = start + field.count + 1
            if value.isEmpty, index < text.count, isQuote(text[index]) {
                value = try quoted()
            }
            if QueryParser.fields.contains(field) {
                return try fieldNode(field, value, column: valueColumn, fieldColumn: start)
            }
            if word.first!.isLetter, !value.isEmpty {
                let suggestion =
                    Suggestion.closest(to: field, among: QueryParser.fields).map { "; did you mean '\($0):'?" } ?? ""
                throw GlossError(
                    "unknown field '\(field):' (fields: \(QueryParser.fields.map { $0 + ":" }.joined(separator: ", ")))\(suggestion)",
                    column: start)
            }
        }
        // `untagged` is a field on its own; "untagged" in quotes searches the word.
        if word == "untagged" { return .untagged }
        if word.hasSuffix("*") {
            let stem = String(word.dropLast())
            if stem.contains("*") { throw GlossError("'*' is allowed only at the end of a word", column: start) }
            let folded = tokenizer.foldedWords(stem)
            guard folded.count == 1, let only = folded.first else {
                throw GlossError(
                    folded.isEmpty ? "'*' needs at least one letter before it" : "a prefix must be a single word",
                    column: start)
            }
            return .prefix(only)
        }
        if let star = word.firstIndex(of: "*") {
            throw GlossError(
                "'*' is allowed only at the end of a word",
                column: start + word.distance(from: word.startIndex, to: star))
        }
        let node = try phraseNode(word, column: start)
        if options.stemsWords, case .word(let folded) = node { return .stem(folded, language: options.stemLanguage) }
        return node
    }

    /// `~word`: every form of the word, by its stem.
    private mutating func parseStem() throws(GlossError) -> QueryNode {
        let start = column
        index += 1
        var word = ""
        while index < text.count, !text[index].isWhitespace, text[index] != "(", text[index] != ")",
            !isQuote(text[index])
        {
            word.append(text[index])
            index += 1
        }
        let words = tokenizer.foldedWords(word)
        guard words.count == 1, !word.contains("*"), !word.contains(":") else {
            throw GlossError(
                word.isEmpty || words.isEmpty
                    ? "'~' needs a word right after it, as in ~budget"
                    : "'~' stems one word, as in ~budget (not a phrase, prefix or field)", column: start)
        }
        return .stem(words[0], language: options.stemLanguage)
    }

    /// A word that folds into several words ("storm-surge") is searched as a phrase.
    private func phraseNode(_ text: String, column: Int) throws(GlossError) -> QueryNode {
        let words = tokenizer.foldedWords(text)
        switch words.count {
        case 0: throw GlossError("'\(text)' has no letters or digits to search for", column: column)
        case 1: return .word(words[0])
        default: return .phrase(words)
        }
    }

    private func fieldNode(_ field: String, _ value: String, column: Int, fieldColumn: Int) throws(GlossError)
        -> QueryNode
    {
        switch field {
        case "kind":
            guard !value.isEmpty else {
                throw GlossError("kind: needs a value (\(QueryParser.kindNames))", column: column)
            }
            var kinds = Set<QueryNode.KindFilter>()
            var offset = 0
            for name in value.split(whereSeparator: { $0 == "," || $0 == "|" }).map(String.init) {
                defer { offset += name.count + 1 }
                let normalized = name.lowercased().replacingOccurrences(of: "_", with: "-")
                let alias = [
                    "key-point": "keypoint", "keypoints": "keypoint", "kp": "keypoint", "table": "table-row",
                    "row": "table-row", "q": "question", "a": "answer", "para": "paragraph", "p": "paragraph",
                    "headings": "heading", "paragraphs": "paragraph", "quotes": "quote", "lists": "list",
                    "captions": "caption", "figcaption": "caption",
                    "footnotes": "footnote", "endnote": "footnote", "endnotes": "footnote",
                ]
                guard let kind = QueryNode.KindFilter(rawValue: alias[normalized] ?? normalized) else {
                    let suggestion =
                        Suggestion.closest(to: normalized, among: QueryNode.KindFilter.allCases.map(\.rawValue))
                        .map { "; did you mean '\($0)'?" } ?? ""
                    throw GlossError(
                        "unknown kind '\(name)' (kinds: \(QueryParser.kindNames))\(suggestion)", column: column + offset
                    )
                }
                kinds.insert(kind)
            }
            return .kinds(kinds)
        case "section":
            let words = tokenizer.foldedWords(value)
            guard !words.isEmpty else { throw GlossError("section: needs words of a heading", column: column) }
            return .section(words)
        case "doc":
            guard !value.isEmpty else {
                throw GlossError("doc: needs a document id (globs like 'harbor*' allowed)", column: column)
            }
            return .document(glob: value.lowercased())
        case "author", "site":
            let words = MetadataMatch.words(value)
            guard !words.isEmpty else {
                throw GlossError(
                    "\(field): needs words of \(field == "site" ? "a site's name or address" : "an author's name")",
                    column: column)
            }
            return .metadata(field == "site" ? .site : .author, words: words)
        case "lang":
            guard MetadataMatch.isLanguageTag(value) else {
                throw GlossError("lang: needs a language tag like en or pt-BR", column: column)
            }
            return .language(value.lowercased().replacingOccurrences(of: "_", with: "-"))
        case "path":
            guard !value.isEmpty else {
                throw GlossError("path: needs a file or folder name (globs like 'politics/*' allowed)", column: column)
            }
            return .path(glob: value)
        case "date":
            guard let (lower, upper) = MetadataDate.range(value) else {
                throw GlossError(
                    "date: needs a date or a range: 2024, 2024-03, 2024-03-05, 2024-01..2024-06, 2024-01.. or ..2024-06",
                    column: column)
            }
            return .published(lower: lower, upper: upper)
        case "tag":
            guard !value.isEmpty else { throw GlossError("tag: needs a tag name", column: column) }
            return .tag(value)
        case "note":
            let words = tokenizer.foldedWords(value)
            guard !words.isEmpty else { throw GlossError("note: needs words to look for in notes", column: column) }
            return .note(words)
        default:
            switch value.lowercased() {
            case "tag", "tags": return .hasTag
            case "note", "notes": return .hasNote
            default:
                throw GlossError("has: takes 'tag' or 'note'", column: column)
            }
        }
    }

    static var kindNames: String { QueryNode.KindFilter.allCases.map(\.rawValue).joined(separator: "|") }

    // MARK: - Quotes, regexes, NEAR

    private func isQuote(_ character: Character) -> Bool {
        character == "\"" || character == "“" || character == "”"
    }

    /// Reads `"…"` (straight or curly quotes), with `\"` as an escaped quote.
    private mutating func quoted() throws(GlossError) -> String {
        let start = column
        index += 1
        var value = ""
        while index < text.count {
            let character = text[index]
            if character == "\\", index + 1 < text.count, isQuote(text[index + 1]) {
                value.append(text[index + 1])
                index += 2
                continue
            }
            if isQuote(character) {
                index += 1
                return value
            }
            value.append(character)
            index += 1
        }
        throw GlossError("unclosed quote", column: start)
    }

    private mutating func parseRegex() throws(GlossError) -> QueryNode {
        let start = column
        index += 1
        var pattern = ""
        var closed = false
        while index < text.count {
            let character = text[index]
            if character == "\\", index + 1 < text.count {
                pattern.append(character)
                pattern.append(text[index + 1])
                index += 2
                continue
            }
            if character == "/" {
                closed = true
                index += 1
                break
            }
            pattern.append(character)
            index += 1
        }
        guard closed else { throw GlossError("unclosed regular expression (no closing '/')", column: start) }
        guard !pattern.isEmpty else { throw GlossError("empty regular expression", column: start) }
        var caseInsensitive = false
        while index < text.count, text[index].isLetter {
            guard text[index] == "i" else {
                throw GlossError("unknown regex flag '\(text[index])' (only 'i' is supported)", column: column)
            }
            caseInsensitive = true
            index += 1
        }
        if let error = RegexMatcher.compileError(pattern, caseInsensitive: caseInsensitive) {
            throw GlossError("invalid regular expression: \(error.message)", column: start + 1 + (error.offset ?? 0))
        }
        return .regex(pattern: pattern, caseInsensitive: caseInsensitive, column: start)
    }

    private func atNear() -> Bool {
        guard index + 5 <= text.count else { return false }
        return String(text[index..<(index + 5)]) == "NEAR("
    }

    /// `a NEAR b` and Lucene's `a NEAR/5 b` would otherwise search the word "near": an error showing
    /// the form that works, with the words around it.
    private func misspeltNear() -> GlossError? {
        guard index + 4 <= text.count, String(text[index..<(index + 4)]) == "NEAR" else { return nil }
        var end = index + 4
        var distance = "5"
        if end < text.count, text[end] == "/" {
            end += 1
            let digits = text[end...].prefix(while: \.isNumber)
            if !digits.isEmpty { distance = String(digits) }
            end += digits.count
        }
        guard end == text.count || text[end].isWhitespace else { return nil }
        func word(_ characters: some Sequence<Character>) -> String? {
            let word = String(characters.prefix { !$0.isWhitespace && $0 != "(" && $0 != ")" })
            return word.isEmpty ? nil : word
        }
        let before = word(text[..<index].reversed().drop(while: \.isWhitespace)).map { String($0.reversed()) } ?? "a"
        let after = word(text[end...].drop(while: \.isWhitespace)) ?? "b"
        return GlossError(
            "NEAR is written NEAR(\(before) \(after), \(distance)): the words in parentheses, then how many words apart they may be",
            column: column)
    }

    /// `NEAR(word word …, N)`: the words (at least two) within N words of each other.
    private mutating func parseNear() throws(GlossError) -> QueryNode {
        let start = column
        index += 5
        var inside = ""
        while index < text.count, text[index] != ")" {
            inside.append(text[index])
            index += 1
        }
        guard index < text.count else { throw GlossError("unclosed NEAR( (no matching ')')", column: start) }
        index += 1
        let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
        let words = tokenizer.foldedWords(String(parts[0]))
        guard words.count >= 2 else {
            throw GlossError("NEAR needs at least two words: NEAR(word word, N)", column: start)
        }
        var distance = 5
        if parts.count == 2 {
            let number = parts[1].trimmingWhitespace()
            guard let value = Int(number), value >= 1, value <= 10_000 else {
                throw GlossError("NEAR distance must be a number from 1 to 10000, found '\(number)'", column: start)
            }
            distance = value
        } else if parts.count > 2 {
            throw GlossError("NEAR takes words then one distance: NEAR(word word, N)", column: start)
        }
        return .near(words, distance: distance)
    }

    // MARK: - Lexical helpers

    /// One level deeper (a parenthesis or a NOT/- prefix starting at `column`), within the limit.
    private mutating func enterLevel(at column: Int) throws(GlossError) {
        guard depth < Self.maximumDepth else {
            throw GlossError(
                "query nested too deeply (more than \(Self.maximumDepth) levels of parentheses, NOT and -)",
                column: column)
        }
        depth += 1
    }

    private mutating func skipSpaces() {
        while index < text.count, text[index].isWhitespace { index += 1 }
    }

    /// An uppercase operator standing alone as a word.
    private func atKeyword(_ keyword: String) -> Bool {
        let length = keyword.count
        guard index + length <= text.count, String(text[index..<(index + length)]) == keyword else { return false }
        return index + length == text.count || text[index + length].isWhitespace || text[index + length] == "("
            || (keyword != "NOT" && text[index + length] == ")")
    }

    private mutating func takeKeyword(_ keyword: String) -> Bool {
        guard atKeyword(keyword) else { return false }
        index += keyword.count
        return true
    }
}
