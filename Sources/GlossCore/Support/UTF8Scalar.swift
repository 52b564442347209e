/// UTF-8 at the byte level, for the scans that walk text byte by byte (tokenizing, JSON escaping,
/// heading rules, decoding a file) without making a String: the one place that knows its bit patterns.
enum UTF8Scalar {
    /// The scalar starting at `index` and its length in bytes; U+FFFD and 1 for a malformed sequence.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let count = bytes.count
        func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < count else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        switch lead {
        case 0xC0...0xDF:
            if let b1 = continuation(1), let s = Unicode.Scalar((UInt32(lead & 0x1F) << 6) | b1) { return (s, 2) }
        case 0xE0...0xEF:
            if let b1 = continuation(1), let b2 = continuation(2),
                let s = Unicode.Scalar((UInt32(lead & 0x0F) << 12) | (b1 << 6) | b2)
            {
                return (s, 3)
            }
        case 0xF0...0xF7:
            if let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3),
                let s = Unicode.Scalar((UInt32(lead & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3)
            {
                return (s, 4)
            }
        default:
            break
        }
        return ("\u{FFFD}", 1)
    }

    /// Whether a byte continues a multi-byte sequence (10xxxxxx) rather than starting a character.
    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Offset of the first byte that breaks UTF-8, or nil when the bytes are valid.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            switch lead {
            case 0xC2...0xDF:
                length = 2
                minimum = 0x80
            case 0xE0...0xEF:
                length = 3
                minimum = 0x800
            case 0xF0...0xF4:
                length = 4
                minimum = 0x10000
            default: return index - bytes.startIndex
            }
            guard index + length <= end else { return index - bytes.startIndex }
            var scalar = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard isContinuation(byte) else { return index - bytes.startIndex }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return index - bytes.startIndex
            }
            index += length
        }
        return nil
    }
}
