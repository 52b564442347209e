/// A SHA-256 digest kept as 32 bytes inside the document: a hex string would cost a heap block per
/// document, and a corpus has tens of thousands.
public struct ContentDigest: Hashable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// From the 32 bytes of a digest.
    init(_ bytes: some Sequence<UInt8>) {
        var values: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.prefix(32).enumerated() {
            values[index / 8] |= UInt64(byte) << UInt64(56 - 8 * (index % 8))
        }
        words = (values[0], values[1], values[2], values[3])
    }

    /// From 64 hexadecimal digits; nil for anything else.
    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for pair in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.value(digits[pair]), let low = Self.value(digits[pair + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes)
    }

    var bytes: [UInt8] {
        [words.0, words.1, words.2, words.3].flatMap { word in
            (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * $0)) }
        }
    }

    /// Lowercase hexadecimal, as `load --sha256` takes it.
    public var hex: String { HexDigest.hex(bytes) }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    public static func == (left: ContentDigest, right: ContentDigest) -> Bool {
        left.words == right.words
    }

    /// A digest's bits are uniform already: one word of them hashes as well as four.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
    }
}
