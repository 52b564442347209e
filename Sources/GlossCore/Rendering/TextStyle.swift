/// How a run of text looks on a colour terminal. Without colour, styles vanish except `highlight`
/// and `mark`, which fall back to brackets so matches and marked spans stay visible.
public struct TextStyle: Hashable, Sendable {
    public var bold = false
    public var dim = false
    public var underline = false
    public var italic = false
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    /// Plain-text fallback: wrap the run in these when there is no colour.
    public var plainBrackets: (String, String)? {
        get { plainOpen.map { ($0, plainClose ?? "") } }
        set {
            plainOpen = newValue?.0
            plainClose = newValue?.1
        }
    }
    private var plainOpen: String?
    private var plainClose: String?

    public init(
        bold: Bool = false, dim: Bool = false, underline: Bool = false, italic: Bool = false,
        foreground: TerminalColor? = nil, background: TerminalColor? = nil
    ) {
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.italic = italic
        self.foreground = foreground
        self.background = background
    }

    public static let plain = TextStyle()
    public static let strong = TextStyle(bold: true)
    public static let faint = TextStyle(dim: true)
    public static let address = TextStyle(bold: true, foreground: .named(6))
    public static let heading = TextStyle(bold: true, foreground: .named(4))
    public static let error = TextStyle(bold: true, foreground: .named(1))
    public static let warning = TextStyle(bold: true, foreground: .named(3))
    public static let tag = TextStyle(foreground: .named(5))

    /// A query match: bold yellow on a terminal, `[match]` without colour.
    public static var highlight: TextStyle {
        var style = TextStyle(bold: true, foreground: .named(3))
        style.plainBrackets = ("[", "]")
        return style
    }

    /// A marked span: underlined in its tag's colour, `{span}` without colour.
    public static func mark(_ color: TerminalColor?) -> TextStyle {
        var style = TextStyle(underline: true, foreground: color ?? .named(5))
        style.plainBrackets = ("{", "}")
        return style
    }

    var sgr: String {
        var codes: [String] = []
        if bold { codes.append("1") }
        if dim { codes.append("2") }
        if italic { codes.append("3") }
        if underline { codes.append("4") }
        if let foreground { codes.append(foreground.sgr(background: false)) }
        if let background { codes.append(background.sgr(background: true)) }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}

/// A terminal colour: one of the 8 standard ones or 24-bit.
public enum TerminalColor: Hashable, Sendable {
    case named(Int)
    case rgb(UInt8, UInt8, UInt8)

    func sgr(background: Bool) -> String {
        switch self {
        case .named(let n): return String((background ? 40 : 30) + n)
        case .rgb(let r, let g, let b): return "\(background ? 48 : 38);2;\(r);\(g);\(b)"
        }
    }

    public static let names: [String: TerminalColor] = [
        "black": .named(0), "red": .named(1), "green": .named(2), "yellow": .named(3), "blue": .named(4),
        "magenta": .named(5), "cyan": .named(6), "white": .named(7),
        "orange": .rgb(230, 126, 34), "purple": .rgb(142, 68, 173), "pink": .rgb(232, 67, 147),
        "teal": .rgb(0, 150, 136), "brown": .rgb(141, 110, 99), "gray": .rgb(150, 150, 150),
        "grey": .rgb(150, 150, 150),
    ]

    /// Parses `red` or `#c0392b`.
    public static func parse(_ text: String) -> TerminalColor? {
        if let named = names[text.lowercased()] { return named }
        return rgbComponents(text).map { .rgb($0.0, $0.1, $0.2) }
    }

    /// The RGB value of a colour name or `#rrggbb`, for HTML and REFI-QDA exports.
    public static func hex(for text: String) -> String? {
        if text.hasPrefix("#"), rgbComponents(text) != nil { return text.uppercased() }
        let standard: [String: String] = [
            "black": "#000000", "red": "#C0392B", "green": "#27AE60", "yellow": "#F1C40F", "blue": "#2980B9",
            "magenta": "#8E44AD", "cyan": "#16A085", "white": "#FFFFFF", "orange": "#E67E22", "purple": "#8E44AD",
            "pink": "#E84393", "teal": "#009688", "brown": "#8D6E63", "gray": "#969696", "grey": "#969696",
        ]
        return standard[text.lowercased()]
    }

    private static func rgbComponents(_ text: String) -> (UInt8, UInt8, UInt8)? {
        guard text.hasPrefix("#"), text.count == 7, let value = UInt32(text.dropFirst(), radix: 16) else { return nil }
        return (UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }
}
