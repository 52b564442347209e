/// Sizes of files as people write them: `256M`, `1G`, `500K` (powers of 1024, any case, an optional
/// `B`), and as messages show them (`4.0 GB`, `256 MB`).
public enum ByteSize {
    private static let units: [(suffix: String, shift: Int)] = [("T", 40), ("G", 30), ("M", 20), ("K", 10)]

    /// The size a setting's value names; nil when it names none.
    public static func parse(_ text: String) -> Int? {
        var digits = Substring(text.uppercased().trimmingWhitespace())
        if digits.hasSuffix("B") { digits = digits.dropLast() }
        var shift = 0
        if let unit = units.first(where: { digits.hasSuffix($0.suffix) }) {
            shift = unit.shift
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), digits.count <= 15, let number = Int(digits) else {
            return nil
        }
        let (value, overflow) = number.multipliedReportingOverflow(by: 1 << shift)
        return overflow ? nil : value
    }

    /// The shortest setting that names `bytes` exactly (`256M`), as `set` shows it.
    public static func setting(_ bytes: Int) -> String {
        for unit in units where bytes > 0 && bytes % (1 << unit.shift) == 0 {
            return String(bytes >> unit.shift) + unit.suffix
        }
        return String(bytes)
    }

    /// A setting of at least `bytes`, rounded up to whole megabytes or gigabytes (`5G` for 4.2 GB).
    public static func settingAtLeast(_ bytes: Int) -> String {
        let shift = bytes > 1 << 30 ? 30 : 20
        return setting(((bytes + (1 << shift) - 1) >> shift) << shift)
    }

    /// A size for a message: `4.0 GB`, `300.5 MB`, `256 MB`, `812 bytes`.
    public static func describe(_ bytes: Int) -> String {
        guard let unit = units.first(where: { bytes >= 1 << $0.shift }) else { return "\(bytes) bytes" }
        let scaled = Double(bytes) / Double(1 << unit.shift)
        let text = bytes % (1 << unit.shift) == 0 ? String(bytes >> unit.shift) : String(format1: scaled)
        return text + " " + unit.suffix + "B"
    }
}

extension String {
    /// One decimal, rounded (Foundation-free).
    fileprivate init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
