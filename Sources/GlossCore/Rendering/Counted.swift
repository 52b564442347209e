/// Counts in words, singular or plural by the number, with thousands grouped: "1 unit", "2,225 documents",
/// "3 matches". The one place counted nouns are made.
public enum Counted {
    /// `plural` defaults to the singular with `s` (or `es` after s, x, z, ch and sh).
    public static func phrase(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number(count)) \(count == 1 ? singular : plural ?? Self.plural(of: singular))"
    }

    static func plural(of singular: String) -> String {
        let sibilant = ["s", "x", "z", "ch", "sh"].contains { singular.hasSuffix($0) }
        return singular + (sibilant ? "es" : "s")
    }

    /// "2,225": digits grouped by three with commas, the same in every locale (output is compared).
    public static func number(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return count < 0 ? "-" + result : result
    }
}
