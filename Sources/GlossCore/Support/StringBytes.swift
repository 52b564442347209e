import Glibc

/// Byte-level questions about text, answered on its contiguous UTF-8 with libc or 8 bytes at a time.
/// A load asks them of every line of every file, where the generic collection algorithms cost more
/// than reading the file.
extension StringProtocol {
    /// Whether the UTF-8 holds `byte` (an ASCII byte is never part of a longer sequence).
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { StringBytes.index(of: byte, in: $0) != nil } ?? utf8.contains(byte)
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
        return text.withUTF8(StringBytes.lineRanges).map { text.slice(utf8: $0) }
    }

    /// The characters between two UTF-8 offsets that fall on scalar boundaries (found on the bytes).
    /// Made from the UTF-8 view's slice: subscripting the String would check again that each end
    /// falls on a scalar, a measurable share of reading a big corpus line by line.
    func slice(utf8 range: Range<Int>) -> Substring {
        let utf8 = self.utf8
        return Substring(
            utf8[
                utf8.index(
                    utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(
                        utf8.startIndex, offsetBy: range.upperBound)])
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 of `text` in one go.
    mutating func appendUTF8(of text: some StringProtocol) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            append(contentsOf: text.utf8)
        }
    }
}

enum StringBytes {
    /// Offset of the first `byte` at or after `start`, found with memchr.
    static func index(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count,
            let found = memchr(base + start, Int32(byte), buffer.count - start)
        else { return nil }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// `offset` kept within the bytes and moved to the start of a scalar, forwards or backwards: where
    /// UTF-8 may be cut without splitting a character's bytes.
    static func scalarBoundary<Bytes: RandomAccessCollection>(_ offset: Int, in bytes: Bytes, forward: Bool) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var position = max(bytes.startIndex, min(offset, bytes.endIndex))
        while position > bytes.startIndex, position < bytes.endIndex, bytes[position] & 0xC0 == 0x80 {
            position += forward ? 1 : -1
        }
        return position
    }

    /// The byte ranges of the lines, without their `\n`; a final `\n` ends the last line, which is then
    /// empty. A newline is never part of a longer UTF-8 sequence.
    static func lineRanges(_ buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        // Counted first (memchr is fast), so the array is made once at its size.
        var count = 1
        var from = 0
        while let end = index(of: 0x0A, in: buffer, from: from) {
            count += 1
            from = end + 1
        }
        ranges.reserveCapacity(count)
        var start = 0
        while let end = index(of: 0x0A, in: buffer, from: start) {
            ranges.append(start..<end)
            start = end + 1
        }
        ranges.append(start..<buffer.count)
        return ranges
    }

    /// Whether a scalar is always a character of its own: it neither extends nor joins its neighbours,
    /// nor do they join it (no combining mark, joiner, Prepend, Hangul jamo, regional indicator or CR).
    /// The set is small on purpose and holds what articles are mostly made of: ASCII but CR, U+0080–U+02FF
    /// (Latin-1 and the Latin letters before the combining marks), U+2010–U+2027 and U+2030–U+203F
    /// (dashes, quotes, bullets, ellipses), and the ideographic and full-width stops.
    @inline(__always)
    static func standsAlone(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0D: return false
        case 0...0x2FF, 0x2010...0x2027, 0x2030...0x203F, 0x3002, 0xFF01, 0xFF1A, 0xFF1F: return true
        default: return false
        }
    }

    /// The scalar that starts at `index` and its length, when it stands alone (see `standsAlone`).
    @inline(__always)
    static func standaloneScalar(startingAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, Int)? {
        let lead = bytes[index]
        let scalar: UInt32
        let length: Int
        if lead < 0x80 {
            (scalar, length) = (UInt32(lead), 1)
        } else if lead >= 0xC2, lead <= 0xDF, index + 1 < bytes.count {
            (scalar, length) = (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        } else if lead >= 0xE0, lead <= 0xEF, index + 2 < bytes.count {
            (scalar, length) = (
                UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3
            )
        } else {
            return nil
        }
        return standsAlone(scalar) ? (scalar, length) : nil
    }

    /// The scalar that ends at `end` and its length, when it stands alone (see `standsAlone`).
    @inline(__always)
    static func standaloneScalar(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, Int)? {
        let last = bytes[end - 1]
        if last < 0x80 { return standsAlone(UInt32(last)) ? (UInt32(last), 1) : nil }
        if end >= 2, bytes[end - 2] >= 0xC2, bytes[end - 2] <= 0xDF {
            return standaloneScalar(startingAt: end - 2, in: bytes)
        }
        if end >= 3, bytes[end - 3] >= 0xE0, bytes[end - 3] <= 0xEF {
            return standaloneScalar(startingAt: end - 3, in: bytes)
        }
        return nil
    }

    /// The number of scalars when each stands alone (see `standsAlone`), else nil: then counting them
    /// gives what `count` gives, without grapheme breaking.
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
                if word & 0x8080_8080_8080_8080 == 0, (crs &- 0x0101_0101_0101_0101) & ~crs & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                    scalars += 8
                    continue
                }
            }
            guard let (_, length) = standaloneScalar(startingAt: index, in: buffer) else { return nil }
            index += length
            scalars += 1
        }
        return scalars
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
