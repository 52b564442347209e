/// Dates of metadata as ISO 8601, whatever way a page or front matter wrote them, so `date:` ranges
/// compare them as text.
public enum MetadataDate {
    /// `2024-03-05`, `2024-03` or `2024`, with the time kept when an ISO date-time gives one
    /// (`2024-03-05T09:30:00+01:00`); nil when the text is no date this reads. Read: ISO 8601 (also with
    /// a space before the time, or `/` and `.` between the parts), `20240305`, RFC 2822 (`Tue, 05 Mar
    /// 2024 09:30:00 GMT`), and English month names (`March 5, 2024`, `5 Mar. 2024`, `March 2024`).
    /// A date like `03/05/2024` is ambiguous and is not read.
    public static func normalized(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return nil }
        if let iso = iso(trimmed) { return iso }
        return named(trimmed)
    }

    private static func iso(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), (1000...2999).contains(year) else { return nil }
        if bytes.count == 4 { return text }
        var month: Int?
        var day: Int?
        var next: Int
        if bytes.count >= 8, let compact = digits(0, 8), bytes.count == 8 || bytes[8] == UInt8(ascii: "T") {
            month = compact / 100 % 100
            day = compact % 100
            next = 8
        } else {
            let separator = bytes[4]
            guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: "."),
                let m = digits(5, 2)
            else { return nil }
            month = m
            next = 7
            if bytes.count > 7 {
                guard bytes[7] == separator, let d = digits(8, 2) else { return nil }
                day = d
                next = 10
            }
        }
        guard let month, (1...12).contains(month) else { return nil }
        var result = "\(year)-" + twoDigits(month)
        guard let day else { return next == bytes.count ? result : nil }
        guard (1...31).contains(day) else { return nil }
        result += "-" + twoDigits(day)
        guard next < bytes.count else { return result }
        // A time: kept as written when it is one (T or a space, then hh:mm).
        guard bytes[next] == UInt8(ascii: "T") || bytes[next] == UInt8(ascii: " "),
            let hour = digits(next + 1, 2), hour < 24, next + 3 < bytes.count, bytes[next + 3] == UInt8(ascii: ":"),
            let minute = digits(next + 4, 2), minute < 60
        else { return result }
        let time = String(decoding: bytes[(next + 1)...], as: UTF8.self)
        let allowed = Set("0123456789:.+-Z")
        guard time.allSatisfy({ allowed.contains($0) }) else { return result }
        return result + "T" + time
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Dates with month names: `March 5, 2024`, `5 March 2024`, `Tue, 05 Mar 2024 09:30:00 GMT`, `March 2024`.
    private static func named(_ text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: {
            $0 == " " || $0 == "," || $0 == "." || $0 == "-" || $0 == "/"
        })
        var year: Int?
        var month: Int?
        var day: Int?
        for word in words {
            if let number = Int(word) {
                if word.count == 4, (1000...2999).contains(number), year == nil {
                    year = number
                } else if word.count <= 2, (1...31).contains(number), day == nil, year == nil {
                    day = number
                }
            } else if word.hasSuffix("st") || word.hasSuffix("nd") || word.hasSuffix("rd") || word.hasSuffix("th"),
                let number = Int(word.dropLast(2)), (1...31).contains(number), day == nil
            {
                day = number
            } else if month == nil, word.count >= 3, let index = months.firstIndex(where: { word.hasPrefix($0) }),
                months[index].count == word.count || fullMonthName(index).hasPrefix(word)
            {
                month = index + 1
            }
        }
        guard let year, let month else { return nil }
        guard let day else { return "\(year)-" + twoDigits(month) }
        return "\(year)-" + twoDigits(month) + "-" + twoDigits(day)
    }

    private static func fullMonthName(_ index: Int) -> String {
        [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ][index]
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// The inclusive bounds of a `date:` value: `2024`, `2024-03`, `2024-03-05`, or a range `A..B`
    /// with either end left open; nil when it is none of those. Bounds compare with normalized dates as text.
    public static func range(_ value: String) -> (lower: String, upper: String)? {
        let parts = value.components(separatedBy: "..")
        switch parts.count {
        case 1:
            guard let date = iso(value), !date.contains("T") else { return nil }
            return (date, date + "\u{10FFFF}")
        case 2:
            let lower = parts[0].isEmpty ? "" : iso(parts[0])
            let upper = parts[1].isEmpty ? "\u{10FFFF}" : iso(parts[1]).map { $0 + "\u{10FFFF}" }
            guard let lower, let upper, !(parts[0].isEmpty && parts[1].isEmpty) else { return nil }
            return (lower, upper)
        default:
            return nil
        }
    }
}
