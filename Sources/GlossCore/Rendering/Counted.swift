/// Counts in words, singular or plural by the number, with thousands grouped: "1 unit", "2,225 documents".
public enum Counted {
    public static func phrase(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number(count)) \(count == 1 ? singular : plural ?? singular + "s")"
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
