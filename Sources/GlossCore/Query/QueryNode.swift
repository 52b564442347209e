/// A parsed query. Words are folded already; columns point into the query text for messages.
public indirect enum QueryNode: Hashable, Sendable {
    /// Matches every unit (an empty query, or the left side of a leading `-word`).
    case all
    case word(String)
    case prefix(String)
    /// Any word with the same stem in `language` as this folded word (`~budget`, or a word with stem on).
    case stem(String, language: String)
    case phrase([String])
    /// `column`: where the regex starts in the query, for the errors PCRE2 meets while matching.
    case regex(pattern: String, caseInsensitive: Bool, column: Int)
    /// All words within `distance` words of each other, in any order.
    case near([String], distance: Int)
    case kinds(Set<KindFilter>)
    case section([String])
    case document(glob: String)
    /// Documents whose metadata field has all the words (author, site: also the address's host).
    case metadata(MetadataKey, words: [String])
    /// Documents in a language: `en` takes `en-GB` too.
    case language(String)
    /// Documents published within inclusive bounds (ISO 8601 text, see `MetadataDate.range`).
    case published(lower: String, upper: String)
    /// Documents whose path ends in what matches a glob (see `MetadataMatch.pathMatches`).
    case path(glob: String)
    case tag(String)
    case note([String])
    case hasTag
    case hasNote
    case untagged
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)

    /// The `kind:` values: unit kinds, plus where a unit sits (`lead`, `summary`) and groups (`faq`).
    public enum KindFilter: String, Hashable, Sendable, CaseIterable {
        case paragraph, list, quote, code
        case tableRow = "table-row"
        case caption
        case footnote
        case heading, title, faq, question, answer
        case keyPoint = "keypoint"
        case lead, summary
    }

    /// Nodes whose matches are highlighted: those not under a NOT.
    public var positiveMatchers: [QueryNode] {
        switch self {
        case .word, .stem, .prefix, .phrase, .regex, .near: return [self]
        case .and(let nodes), .or(let nodes): return nodes.flatMap(\.positiveMatchers)
        default: return []
        }
    }
}
