/// Finds what a query matched inside a unit's text, for highlighting snippets, KWIC lines and counts.
public struct Highlighter {
    let words: Set<String>
    let prefixes: [String]
    /// Stems of stemmed words (`~word`), with the stemmer of their language.
    let stemmed: [(stemmer: Stemmer, stems: Set<String>)]
    let phrases: [[String]]
    /// Compiled regexes, with scratch space to match them and their columns in the query.
    let regexes: [(matcher: RegexMatcher, scratch: RegexMatcher.Scratch, column: Int)]

    public init(_ query: QueryNode) {
        var words = Set<String>()
        var prefixes: [String] = []
        var phrases: [[String]] = []
        var stemmed: [(stemmer: Stemmer, stems: Set<String>)] = []
        var regexes: [(matcher: RegexMatcher, scratch: RegexMatcher.Scratch, column: Int)] = []
        for matcher in query.positiveMatchers {
            switch matcher {
            case .word(let word): words.insert(word)
            case .prefix(let stem): prefixes.append(stem)
            case .stem(let word, let language):
                if let index = stemmed.firstIndex(where: { $0.stemmer.language == language }) {
                    stemmed[index].stems.insert(stemmed[index].stemmer.stem(word))
                } else if let stemmer = Stemmer(language: language) {
                    stemmed.append((stemmer, [stemmer.stem(word)]))
                }
            case .phrase(let sequence): phrases.append(sequence)
            case .near(let nearWords, _): words.formUnion(nearWords)
            case .regex(let pattern, let caseInsensitive, let column):
                if let compiled = try? RegexMatcher(pattern: pattern, caseInsensitive: caseInsensitive) {
                    regexes.append((compiled, RegexMatcher.Scratch(for: compiled), column))
                }
            default: break
            }
        }
        self.words = words
        self.prefixes = prefixes
        self.stemmed = stemmed
        self.phrases = phrases
        self.regexes = regexes
    }

    public var isEmpty: Bool {
        words.isEmpty && prefixes.isEmpty && stemmed.isEmpty && phrases.isEmpty && regexes.isEmpty
    }

    /// UTF-8 ranges of every match in `text`, sorted, not merged. A regex PCRE2 gives up on fails with
    /// the error of the command, naming `location` (the unit's label).
    public func ranges(in text: String, at location: @autoclosure () -> String) throws(GlossError) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        if !words.isEmpty || !prefixes.isEmpty || !stemmed.isEmpty || !phrases.isEmpty {
            let tokens = Tokenizer().tokens(text)
            for (index, token) in tokens.enumerated() {
                if matchesWord(token.term) {
                    ranges.append(token.utf8Range)
                }
                for phrase in phrases where index + phrase.count <= tokens.count {
                    let matched = phrase.enumerated().allSatisfy { offset, word in
                        Self.term(tokens[index + offset].term, equals: word)
                    }
                    if matched {
                        ranges.append(
                            token.utf8Range.lowerBound..<tokens[index + phrase.count - 1].utf8Range.upperBound)
                    }
                }
            }
        }
        for regex in regexes {
            do throws(RegexMatcher.MatchFailure) {
                ranges += try regex.matcher.matchRanges(text, scratch: regex.scratch)
            } catch {
                throw error.error(at: location(), column: regex.column)
            }
        }
        return ranges.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
    }

    private func matchesWord(_ term: String) -> Bool {
        if words.contains(term) { return true }
        let base = term.hasSuffix("'s") ? String(term.dropLast(2)) : nil
        if let base, words.contains(base) { return true }
        if prefixes.contains(where: { term.hasPrefix($0) }) { return true }
        return stemmed.contains { stemmer, stems in
            stems.contains(stemmer.stem(term)) || base.map { stems.contains(stemmer.stem($0)) } == true
        }
    }

    /// A word matches itself and, for possessives, its base ("zelensky" in "Zelensky’s").
    static func term(_ term: String, equals word: String) -> Bool {
        term == word || (term.hasSuffix("'s") && term.dropLast(2) == word)
    }
}
