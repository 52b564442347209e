/// Writes indented XML 1.0 text. Text and attribute values are escaped, and characters XML 1.0 cannot
/// carry at all (most C0 controls, U+FFFE, U+FFFF) become U+FFFD, so any workspace exports well-formed.
public struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    private var open: [String] = []

    typealias Attributes = KeyValuePairs<String, String?>

    /// `<name a="…">`; nil attribute values are left out.
    mutating func start(_ name: String, _ attributes: Attributes = [:]) {
        text += indent + "<" + name + Self.render(attributes) + ">\n"
        open.append(name)
    }

    mutating func end() {
        let name = open.removeLast()
        text += indent + "</" + name + ">\n"
    }

    /// `<name a="…"/>`.
    mutating func empty(_ name: String, _ attributes: Attributes = [:]) {
        text += indent + "<" + name + Self.render(attributes) + "/>\n"
    }

    /// `<name>text</name>`, the text kept exactly (no indentation is added inside).
    mutating func element(_ name: String, text content: String) {
        text += indent + "<" + name + ">" + Self.escape(content, inAttribute: false) + "</" + name + ">\n"
    }

    private var indent: String { String(repeating: "  ", count: open.count) }

    private static func render(_ attributes: Attributes) -> String {
        attributes.compactMap { key, value in value.map { " \(key)=\"\(escape($0, inAttribute: true))\"" } }.joined()
    }

    /// Escapes markup characters. In attributes, quotes are escaped and tab, CR and LF are written as
    /// character references, which attribute-value normalisation would otherwise turn into spaces;
    /// in text, CR is a reference so it survives line-end normalisation.
    public static func escape(_ value: String, inAttribute: Bool) -> String {
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where inAttribute: result.append(contentsOf: "&quot;".unicodeScalars)
            case "\t" where inAttribute: result.append(contentsOf: "&#9;".unicodeScalars)
            case "\n" where inAttribute: result.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": result.append(contentsOf: "&#13;".unicodeScalars)
            default: result.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return String(result)
    }

    /// XML 1.0 `Char`: tab, LF, CR, and everything from U+0020 except U+FFFE and U+FFFF (Swift
    /// scalars are never surrogates).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }
}
