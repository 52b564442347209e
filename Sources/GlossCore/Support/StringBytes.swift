import Glibc

/// Byte-level questions about text, answered on its contiguous UTF-8 with libc or 8 bytes at a time.
/// A load asks them of every line of every file, where the generic collection algorithms cost more
/// than reading the file.
extension StringProtocol {
    /// Whether the UTF-8 holds `byte` (an ASCII byte is never part of a longer sequence).
    func containsByte(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }) {
            return found
        }
        return utf8.contains(byte)
    }

    /// The UTF-8 bytes, copied in one go (`Array(utf8)` copies a substring's byte by byte).
    var utf8Bytes: [UInt8] {
        utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(utf8)
    }

    /// Whether the text is ASCII only.
    var isASCIIOnly: Bool {
        if let ascii = utf8.withContiguousStorageIfAvailable(StringBytes.isASCII) { return ascii }
        return utf8.allSatisfy { $0 < 0x80 }
    }
}

extension String {
    /// The lines of the text, without their `\n` (a final `\n` ends the last line, which is then
    /// empty), as `split(separator: "\n", omittingEmptySubsequences: false)` gives them but found with
    /// memchr on the UTF-8: a newline is never part of a longer sequence.
    func lineSlices() -> [Substring] {
        var text = self
        let offsets = text.withUTF8 { bytes -> [Range<Int>] in
            guard let base = bytes.baseAddress else { return [0..<0] }
            var ranges: [Range<Int>] = []
            var start = 0
            while let found = memchr(base + start, 0x0A, bytes.count - start) {
                let end = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                ranges.append(start..<end)
                start = end + 1
            }
            ranges.append(start..<bytes.count)
            return ranges
        }
        let utf8 = text.utf8
        return offsets.map { text[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 of `text` in one go.
    mutating func appendUTF8(of text: some StringProtocol) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil { append(contentsOf: text.utf8) }
    }
}

enum StringBytes {
    /// The number of scalars when each is a character of its own, else nil. The scalars allowed are
    /// ASCII but CR, U+00A0–U+02FF (Latin-1 and Latin letters, before the combining marks) and
    /// U+2010–U+2027, U+2030–U+203F (dashes, quotes, bullets, ellipses): none extends or joins a
    /// grapheme cluster, so counting their lead bytes gives what `count` gives.
    static func standaloneScalarCount(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var scalars = 0
        var index = 0
        let count = buffer.count
        while index < count {
            // Eight ASCII bytes at a time, none of them CR (a zero byte after XOR with CRs).
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let crs = word ^ 0x0D0D_0D0D_0D0D_0D0D
                if word & 0x8080_8080_8080_8080 == 0, (crs &- 0x0101_0101_0101_0101) & ~crs & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    scalars += 8
                    continue
                }
            }
            let byte = buffer[index]
            if byte < 0x80 {
                if byte == 0x0D { return nil }
                index += 1
            } else if byte >= 0xC2, byte <= 0xCB {
                index += 2
            } else if byte == 0xE2, index + 2 < count, buffer[index + 1] == 0x80,
                      (0x90...0xA7).contains(buffer[index + 2]) || (0xB0...0xBF).contains(buffer[index + 2]) {
                index += 3
            } else {
                return nil
            }
            scalars += 1
        }
        // A truncated sequence at the end is not valid UTF-8 (never the case in a String); be safe.
        return index == count ? scalars : nil
    }

    static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        var combined: UInt64 = 0
        while offset + 8 <= buffer.count {
            combined |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < buffer.count {
            combined |= UInt64(buffer[offset])
            offset += 1
        }
        return combined & 0x8080_8080_8080_8080 == 0
    }
}
