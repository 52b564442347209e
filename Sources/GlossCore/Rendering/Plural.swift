/// A count with its noun, singular or plural: "1 unit", "2 units", "1 match", "3 matches".
enum Plural {
    /// `plural` defaults to the singular with `s` (or `es` after s, x, z, ch and sh).
    static func of(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? Self.plural(of: singular))
    }

    static func plural(of singular: String) -> String {
        let sibilant = ["s", "x", "z", "ch", "sh"].contains { singular.hasSuffix($0) }
        return singular + (sibilant ? "es" : "s")
    }
}
