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

    /// How queries read their words under these settings.
    public var queryOptions: QueryParser.Options {
        QueryParser.Options(stemsWords: stem, stemLanguage: stemLanguage)
    }

    /// Every setting, in the order `set` lists them.
    public static let specs: [SettingSpec] = [
        SettingSpec(
            "width", help: "columns or auto", values: ["auto", "80", "100", "120"],
            read: { $0.width.map(String.init) ?? "auto" },
            write: { (settings: inout Settings, value: String) throws(GlossError) in
                if value.lowercased() == "auto" {
                    settings.width = nil
                    return
                }
                guard let number = Int(value), (20...1000).contains(number) else {
                    throw GlossError("width takes a number from 20 to 1000, or 'auto'")
                }
                settings.width = number
            }),
        SettingSpec(
            "color", aliases: ["colour"], help: "on, off, auto", values: ["on", "off", "auto"],
            read: { $0.color.map { $0 ? "on" : "off" } ?? "auto" },
            write: { (settings: inout Settings, value: String) throws(GlossError) in
                switch value.lowercased() {
                case "auto": settings.color = nil
                case "on", "yes", "true", "always": settings.color = true
                case "off", "no", "false", "never": settings.color = false
                default: throw GlossError("color takes on, off or auto")
                }
            }),
        .onOff("pager", help: "on, off", \.pager),
        SettingSpec(
            "snippet", help: "characters of context in find results", values: ["60", "120"],
            read: { String($0.snippet) },
            write: { (settings: inout Settings, value: String) throws(GlossError) in
                guard let number = Int(value), (10...1000).contains(number) else {
                    throw GlossError("snippet takes a number of characters from 10 to 1000")
                }
                settings.snippet = number
            }),
        .onOff(
            "strict",
            help: "on, off: scripts replayed here read only in their folder, the current folder and their FILE "
                + "arguments; a script cannot turn it off", \.strict),
        SettingSpec(
            "max-file-size",
            help: "the biggest file load reads: 256M unless set, as 500K, 64M, 2G…", values: ["256M", "1G", "2G"],
            read: { ByteSize.setting($0.maxFileSize) },
            write: { (settings: inout Settings, value: String) throws(GlossError) in
                guard let size = ByteSize.parse(value), (1 << 10...1 << 40).contains(size) else {
                    throw GlossError("max-file-size takes a size from 1K to 1T, such as 500K, 256M or 2G")
                }
                settings.maxFileSize = size
            }),
        .onOff(
            "stem",
            help: "on, off: query words match every form of the word, as ~word always does; \"quoted\" words "
                + "stay exact", \.stem),
        SettingSpec(
            "stem-language",
            help: "the Snowball stemmer: english unless set; german, french, spanish, russian and more: a name it "
                + "does not know lists them all", values: Stemmer.languages,
            read: { $0.stemLanguage },
            write: { (settings: inout Settings, value: String) throws(GlossError) in
                let lowered = value.lowercased()
                guard Stemmer(language: lowered) != nil else {
                    let suggestion =
                        Suggestion.closest(to: lowered, among: Stemmer.languages).map { "; did you mean '\($0)'?" }
                        ?? ""
                    throw GlossError(
                        "no stemmer for '\(value)' (languages: \(Stemmer.languages.joined(separator: ", ")))\(suggestion)"
                    )
                }
                settings.stemLanguage = lowered
            }),
    ]

    public static var names: [String] { specs.map(\.name) }

    /// The setting a name (or alias) means, in any case.
    public static func spec(named name: String) -> SettingSpec? {
        let name = name.lowercased()
        return specs.first { $0.name == name || $0.aliases.contains(name) }
    }

    public mutating func set(_ name: String, _ value: String) throws(GlossError) {
        guard let spec = Self.spec(named: name) else { throw GlossError("unknown setting '\(name)'") }
        try spec.write(&self, value)
    }

    /// A setting's value as `set` shows it.
    public func value(of name: String) -> String {
        Self.spec(named: name)?.read(self) ?? ""
    }
}
