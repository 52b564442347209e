/// User settings changed with `set NAME VALUE`.
public struct Settings: Sendable, Equatable {
    /// Output width in columns; nil follows the terminal.
    public var width: Int?
    /// nil: colour when writing to a terminal.
    public var color: Bool?
    public var pager = true
    /// Characters of context around a match in `find` snippets.
    public var snippet = 60
    /// Scripts replayed from the prompt may read only inside their folder, the current folder and the
    /// files given to them (as `gloss run --strict`).
    public var strict = false
    /// Bytes a file may have for `load` to read it.
    public var maxFileSize = DocumentLoader.defaultMaximumFileSize
    /// Bare query words match every form of the word by its stem (`~word` always does).
    public var stem = false
    /// The Snowball stemmer's language for stemmed words.
    public var stemLanguage = QueryParser.Options.defaultStemLanguage

    public init() {}

    public static let names = [
        "width", "color", "pager", "snippet", "strict", "max-file-size", "stem", "stem-language",
    ]

    /// How queries read their words under these settings.
    public var queryOptions: QueryParser.Options {
        QueryParser.Options(stemsWords: stem, stemLanguage: stemLanguage)
    }

    public mutating func set(_ name: String, _ value: String) throws(GlossError) {
        let lowered = value.lowercased()
        switch name {
        case "width":
            if lowered == "auto" {
                width = nil
                return
            }
            guard let number = Int(value), (20...1000).contains(number) else {
                throw GlossError("width takes a number from 20 to 1000, or 'auto'")
            }
            width = number
        case "color", "colour":
            switch lowered {
            case "auto": color = nil
            case "on", "yes", "true", "always": color = true
            case "off", "no", "false", "never": color = false
            default: throw GlossError("color takes on, off or auto")
            }
        case "pager":
            pager = try Self.onOrOff(name, lowered)
        case "strict":
            strict = try Self.onOrOff(name, lowered)
        case "stem":
            stem = try Self.onOrOff(name, lowered)
        case "stem-language":
            guard Stemmer(language: lowered) != nil else {
                let suggestion =
                    Suggestion.closest(to: lowered, among: Stemmer.languages).map { "; did you mean '\($0)'?" } ?? ""
                throw GlossError(
                    "no stemmer for '\(value)' (languages: \(Stemmer.languages.joined(separator: ", ")))\(suggestion)")
            }
            stemLanguage = lowered
        case "snippet":
            guard let number = Int(value), (10...1000).contains(number) else {
                throw GlossError("snippet takes a number of characters from 10 to 1000")
            }
            snippet = number
        case "max-file-size":
            guard let size = ByteSize.parse(value), (1 << 10...1 << 40).contains(size) else {
                throw GlossError("max-file-size takes a size from 1K to 1T, such as 500K, 256M or 2G")
            }
            maxFileSize = size
        default:
            throw GlossError("unknown setting '\(name)'")
        }
    }

    private static func onOrOff(_ name: String, _ value: String) throws(GlossError) -> Bool {
        switch value {
        case "on", "yes", "true": return true
        case "off", "no", "false": return false
        default: throw GlossError("\(name) takes on or off")
        }
    }

    public func value(of name: String) -> String {
        switch name {
        case "width": return width.map(String.init) ?? "auto"
        case "color": return color.map { $0 ? "on" : "off" } ?? "auto"
        case "pager": return pager ? "on" : "off"
        case "strict": return strict ? "on" : "off"
        case "max-file-size": return ByteSize.setting(maxFileSize)
        case "stem": return stem ? "on" : "off"
        case "stem-language": return stemLanguage
        default: return String(snippet)
        }
    }
}
