import Foundation

/// Turns a file's bytes into text with `\n` line endings.
///
/// UTF-8 (with or without BOM) is the norm; UTF-16 and UTF-32 are read when a BOM says so; other
/// invalid UTF-8 falls back to Windows-1252, the usual culprit for articles pasted from old systems.
public enum SourceDecoder {
    public struct Decoded: Sendable {
        public var text: String
        /// Set when the bytes were not valid UTF-8 and were read as Windows-1252.
        public var warning: String?
    }

    public static func decode(_ bytes: [UInt8], name: String) throws(GlossError) -> Decoded {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return Decoded(text: try decodeWide(bytes, dropping: 4, encoding: .utf32BigEndian, name: name))
        }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return Decoded(text: try decodeWide(bytes, dropping: 4, encoding: .utf32LittleEndian, name: name))
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: try decodeWide(bytes, dropping: 2, encoding: .utf16BigEndian, name: name))
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: try decodeWide(bytes, dropping: 2, encoding: .utf16LittleEndian, name: name))
        }
        try bytes.withUnsafeBufferPointer { bytes throws(GlossError) in try refuseBinary(bytes, name: name) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        // The standard library validates UTF-8 quickly; the byte-by-byte scan runs only to report where it fails.
        if let text = String(validating: body, as: UTF8.self) {
            return Decoded(text: normalizeLineEndings(text))
        }
        if let badOffset = UTF8Scalar.firstInvalidUTF8Offset(body) {
            let offset = badOffset + (body.startIndex)
            let text = String(body.map { windows1252[Int($0)] })
            return Decoded(
                text: normalizeLineEndings(text),
                warning: "\(name): not valid UTF-8 (first bad byte at offset \(offset)); read as Windows-1252")
        }
        return Decoded(text: normalizeLineEndings(String(decoding: body, as: UTF8.self)))
    }

    /// Refuses bytes holding a NUL, which no text or Markdown article has, unless a UTF-16 or UTF-32
    /// byte-order mark says zero bytes belong to the text. Asked of a big file's first bytes before
    /// the rest is read, and of the whole file when it is decoded.
    static func refuseBinary(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws(GlossError) {
        let wide: [[UInt8]] = [[0x00, 0x00, 0xFE, 0xFF], [0xFF, 0xFE], [0xFE, 0xFF]]
        guard !wide.contains(where: { bytes.starts(with: $0) }), let nul = StringBytes.index(of: 0, in: bytes) else {
            return
        }
        throw GlossError("\(name): binary file (NUL byte at offset \(nul)); gloss reads text and Markdown articles")
    }

    /// `\r\n` and lone `\r` become `\n`.
    public static func normalizeLineEndings(_ text: String) -> String {
        guard text.containsByte(13) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 13 {
                bytes.append(10)
                previousWasCR = true
            } else {
                if !(byte == 10 && previousWasCR) { bytes.append(byte) }
                previousWasCR = false
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func decodeWide(
        _ bytes: [UInt8], dropping bomLength: Int, encoding: String.Encoding, name: String
    ) throws(GlossError) -> String {
        guard let text = String(data: Data(bytes[bomLength...]), encoding: encoding) else {
            throw GlossError("\(name): invalid \(encoding) text after its byte-order mark")
        }
        if text.unicodeScalars.contains("\u{0}") {
            throw GlossError("\(name): binary file (NUL character in \(encoding) text)")
        }
        return normalizeLineEndings(text)
    }

    /// Bytes read as Windows-1252, as UTF-8.
    static func windows1252UTF8(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                result.append(byte)
            } else {
                result.append(contentsOf: windows1252UTF8Table[Int(byte) - 0x80])
            }
        }
        return result
    }

    private static let windows1252UTF8Table: [[UInt8]] = (0x80..<0x100).map { Array(String(windows1252[$0]).utf8) }

    /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F; the five unassigned bytes map to C1 controls.
    private static let windows1252: [Character] = {
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
            0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
            0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return (0..<256).map { byte -> Character in
            let value = (0x80..<0xA0).contains(byte) ? high[byte - 0x80] : UInt32(byte)
            return Character(Unicode.Scalar(value)!)
        }
    }()
}
