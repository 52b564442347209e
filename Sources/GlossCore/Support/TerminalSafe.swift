/// Makes document and script text safe to show on a terminal: control characters, escape sequences
/// and bidirectional overrides are shown as visible escapes, never sent raw.
public enum TerminalSafe {
    public static func escape(_ text: String, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" && keepNewlines {
                result.append(scalar)
            } else if scalar == "\t" {
                result.append(contentsOf: "    ".unicodeScalars)
            } else if needsEscape(scalar) {
                result.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Exported data printed with `-` (CSV, Markdown, a notebook): like `escape`, but tabs and the line
    /// ends of CRLF files are kept as they are, so the data stays readable and copyable; a carriage
    /// return elsewhere (which could hide what was printed before it) is still shown escaped.
    public static func escapeData(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\n" || scalar == "\t" || (scalar == "\r" && scalars.first == "\n") {
                result.append(scalar)
            } else if needsEscape(scalar) {
                result.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Output rendered in colour, back to plain text: SGR sequences (`ESC [ … m`) removed.
    public static func removingStyles(_ text: String) -> String {
        guard text.utf8.contains(0x1B) else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                result.append(scalar)
                continue
            }
            // Skip `[`, parameters and the final letter.
            while let next = scalars.next(), !(next.properties.isAlphabetic && next != "[") {}
        }
        return String(result)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true
        case 0xFFF9...0xFFFB: return true
        default: return false
        }
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x0D: return "\\r"
        case 0x0A: return "\\n"
        case 0x00...0x1F, 0x7F...0xFF: return "\\x" + hex(scalar.value, digits: 2)
        default: return "<U+" + hex(scalar.value, digits: 4) + ">"
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: scalarUppercase(digits))
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private static func scalarUppercase(_ digits: Int) -> Bool { digits > 2 }
}
