/// Characters that change how a name reads without being seen: bidirectional controls (which reorder
/// what follows them) and zero-width or other invisible characters (which make two names that look
/// the same different). Tag names refuse them, so a codebook cannot hold look-alikes.
public enum InvisibleCharacters {
    public enum Kind: Sendable {
        case bidirectionalControl
        case invisible
    }

    /// What `scalar` is, or nil for an ordinary character. Variation selectors, which only choose how
    /// the character before them is drawn (the emoji form of ❤︎), are ordinary.
    public static func kind(of scalar: Unicode.Scalar) -> Kind? {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return .bidirectionalControl
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF:
            return nil
        case 0x2028, 0x2029:
            return .invisible  // line and paragraph separators: a line break no one sees typed
        default:
            return scalar.properties.isDefaultIgnorableCodePoint ? .invisible : nil
        }
    }

    /// The first such character of `text`, if any.
    public static func first(in text: String) -> (Unicode.Scalar, Kind)? {
        for scalar in text.unicodeScalars {
            if let kind = kind(of: scalar) { return (scalar, kind) }
        }
        return nil
    }

    /// `<U+200B>`: how messages show such a character.
    public static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// `text` with each such character shown as its code, so a message says where it is.
    public static func shown(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if kind(of: scalar) != nil { result += code(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
