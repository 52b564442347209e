/// Reading one Unicode scalar from UTF-8 bytes, for the scans that walk text byte by byte (tokenizing,
/// JSON escaping, heading rules) without making a String.
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
}
