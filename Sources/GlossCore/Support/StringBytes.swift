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

    /// Whether the text is ASCII only.
    var isASCIIOnly: Bool {
        if let ascii = utf8.withContiguousStorageIfAvailable(StringBytes.isASCII) { return ascii }
        return utf8.allSatisfy { $0 < 0x80 }
    }
}

enum StringBytes {
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
