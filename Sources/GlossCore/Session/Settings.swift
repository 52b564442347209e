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

    public init() {}

    public static let names = ["width", "color", "pager", "snippet", "strict", "max-file-size"]

    public mutating func set(_ name: String, _ value: String) throws(GlossError) {
        let lowered = value.lowercased()
        switch name {
        case "width":
            if lowered == "auto" { width = nil; return }
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
            switch lowered {
            case "on", "yes", "true": pager = true
            case "off", "no", "false": pager = false
            default: throw GlossError("pager takes on or off")
            }
        case "strict":
            switch lowered {
            case "on", "yes", "true": strict = true
            case "off", "no", "false": strict = false
            default: throw GlossError("strict takes on or off")
            }
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

    public func value(of name: String) -> String {
        switch name {
        case "width": return width.map(String.init) ?? "auto"
        case "color": return color.map { $0 ? "on" : "off" } ?? "auto"
        case "pager": return pager ? "on" : "off"
        case "strict": return strict ? "on" : "off"
        case "max-file-size": return ByteSize.setting(maxFileSize)
        default: return String(snippet)
        }
    }
}
