import Glibc

/// Turns a page's bytes into UTF-8 the way a browser picks their encoding: a byte-order mark first,
/// then the charset a server sent, then the page's own `<meta charset>` or `http-equiv` declaration
/// (found by a byte scan of its head, as browsers prescan), else UTF-8, falling back to Windows-1252
/// with a warning when the bytes are not UTF-8. As browsers do, ISO-8859-1 and ASCII labels mean
/// Windows-1252; other encodings are converted with iconv.
enum HTMLCharset {
    struct Decoded {
        var bytes: [UInt8]
        var warning: String?
    }

    static func decode(_ bytes: [UInt8], name: String, serverCharset: String? = nil) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return utf8(Array(bytes[3...]), name: name, declared: nil) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let label = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            return converted(Array(bytes[2...]), from: label, name: name) ?? utf8(bytes, name: name, declared: nil)
        }
        let label = serverCharset.flatMap(normalizedLabel) ?? declaredCharset(in: bytes).flatMap(normalizedLabel)
        switch label {
        case nil, "utf-8":
            return utf8(bytes, name: name, declared: label)
        case "windows-1252":
            // A page labelled Latin-1 whose bytes are UTF-8 with some multi-byte sequence was mislabelled.
            if hasMultibyteUTF8(bytes), String(validating: bytes, as: UTF8.self) != nil { return Decoded(bytes: bytes) }
            return Decoded(bytes: SourceDecoder.windows1252UTF8(bytes))
        case let label?:
            if let decoded = converted(bytes, from: label, name: name) { return decoded }
            var fallback = utf8(bytes, name: name, declared: nil)
            fallback.warning = fallback.warning ?? "\(name): unknown charset '\(label)'; read as UTF-8"
            return fallback
        }
    }

    /// UTF-8 as it is when valid; else Windows-1252, with the warning plain text gives.
    private static func utf8(_ bytes: [UInt8], name: String, declared: String?) -> Decoded {
        if String(validating: bytes, as: UTF8.self) != nil { return Decoded(bytes: bytes) }
        let offset = UTF8Scalar.firstInvalidUTF8Offset(bytes[...]) ?? 0
        return Decoded(
            bytes: SourceDecoder.windows1252UTF8(bytes),
            warning: "\(name): not valid UTF-8 (first bad byte at offset \(offset)); read as Windows-1252")
    }

    private static func hasMultibyteUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 >= 0xC2 && $0 <= 0xF4 }
    }

    /// A WHATWG-style label made canonical for the few cases handled here; others are returned lowercased.
    static func normalizedLabel(_ label: String) -> String? {
        let lowered = label.trimmingWhitespace().lowercased().trimmingCharacters(in: "\"'")
        guard !lowered.isEmpty, lowered.count <= 40 else { return nil }
        switch lowered {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode20utf8",
            // A page cannot declare UTF-16 in itself; browsers read such pages as UTF-8.
            "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2":
            return "utf-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "cp819", "ibm819", "us-ascii", "ascii",
            "ansi_x3.4-1968",
            "windows-1252", "cp1252", "x-cp1252", "iso-ir-100", "csisolatin1":
            return "windows-1252"
        default:
            return lowered
        }
    }

    /// Converts with iconv; nil when iconv does not know the encoding. Bytes it cannot convert become U+FFFD.
    private static func converted(_ bytes: [UInt8], from label: String, name: String) -> Decoded? {
        let converter = iconv_open("UTF-8", label)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var chunk = [CChar](repeating: 0, count: 64 << 10)
        var replaced = 0
        bytes.withUnsafeBufferPointer { input in
            var inPointer = UnsafeMutablePointer(
                mutating: input.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) })
            var inLeft = input.count
            while inLeft > 0 {
                let (result, produced) = chunk.withUnsafeMutableBufferPointer { out -> (Int, Int) in
                    var outPointer = out.baseAddress
                    var outLeft = out.count
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (result, out.count - outLeft)
                }
                output.append(contentsOf: chunk[..<produced].map { UInt8(bitPattern: $0) })
                if result == -1 {
                    if errno == E2BIG { continue }
                    // An invalid or cut sequence: one byte is replaced and reading goes on.
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    replaced += 1
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                }
            }
        }
        return Decoded(
            bytes: output,
            warning: replaced > 0 ? "\(name): \(replaced) bytes invalid in \(label) replaced by U+FFFD" : nil)
    }

    // MARK: - The page's own declaration

    /// The charset a page declares in a `<meta>` of its head: `<meta charset=X>` or
    /// `<meta http-equiv="Content-Type" content="text/html; charset=X">`. Scans the bytes up to the
    /// body (at most 64 KB), skipping comments, as a browser's prescan does.
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let end = min(bytes.count, 64 << 10)
        var index = 0
        while index < end {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if matches(bytes, at: index, "<!--") {
                index = find(bytes, "-->", from: index + 4, end: end).map { $0 + 3 } ?? end
                continue
            }
            if matches(bytes, at: index, "<body") { return nil }
            if matches(bytes, at: index, "<meta"), index + 5 < end, isSpaceOrSlash(bytes[index + 5]) {
                var attributes: [String: String] = [:]
                index = readAttributes(bytes, from: index + 5, end: end, into: &attributes)
                if let charset = attributes["charset"], !charset.isEmpty { return charset }
                if attributes["http-equiv"]?.lowercased() == "content-type", let content = attributes["content"],
                    let charset = charset(inContentType: content)
                {
                    return charset
                }
                continue
            }
            index += 1
        }
        return nil
    }

    /// `charset=X` in a Content-Type value (quotes allowed).
    static func charset(inContentType value: String) -> String? {
        let lowered = value.lowercased()
        guard let range = lowered.range(of: "charset") else { return nil }
        var rest = lowered[range.upperBound...].drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        let charset = rest.prefix { !";, \t".contains($0) }.trimmingCharacters(in: "\"'")
        return charset.isEmpty ? nil : charset
    }

    private static func readAttributes(
        _ bytes: [UInt8], from start: Int, end: Int, into attributes: inout [String: String]
    ) -> Int {
        var index = start
        while index < end {
            while index < end, isSpaceOrSlash(bytes[index]) { index += 1 }
            guard index < end, bytes[index] != UInt8(ascii: ">") else { return index + 1 }
            let nameStart = index
            while index < end, !isSpaceOrSlash(bytes[index]), bytes[index] != UInt8(ascii: "="),
                bytes[index] != UInt8(ascii: ">")
            { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            while index < end,
                bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
                    || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r")
            { index += 1 }
            var value = ""
            if index < end, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < end,
                    bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
                        || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r")
                { index += 1 }
                if index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < end, bytes[index] != quote { index += 1 }
                    value = String(decoding: bytes[valueStart..<min(index, end)], as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < end, !isSpaceOrSlash(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            if !name.isEmpty, attributes[name] == nil { attributes[name] = value }
        }
        return index
    }

    private static func isSpaceOrSlash(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == 0x0C
            || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "/")
    }

    /// Whether the bytes at `index` are `text`, ASCII case ignored.
    private static func matches(_ bytes: [UInt8], at index: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pattern = UnsafeBufferPointer(start: text.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] | 0x20 != pattern[offset] | 0x20 { return false }
        return true
    }

    private static func find(_ bytes: [UInt8], _ text: StaticString, from start: Int, end: Int) -> Int? {
        var index = start
        while index < end {
            if matches(bytes, at: index, text) { return index }
            index += 1
        }
        return nil
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
