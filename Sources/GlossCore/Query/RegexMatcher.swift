import CPCRE2

/// A compiled `/regex/`: PCRE2 in UTF mode with Unicode properties, JIT-compiled when available.
/// Regexes match substrings of a unit's text, unlike words.
final class RegexMatcher: @unchecked Sendable {
    struct CompileError {
        var message: String
        /// Offset in characters into the pattern, when PCRE2 gives one.
        var offset: Int?
    }

    private let code: OpaquePointer

    init(pattern: String, caseInsensitive: Bool) throws(GlossError) {
        switch Self.compile(pattern, caseInsensitive: caseInsensitive) {
        case .success(let code):
            self.code = code
            pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE)
        case .failure(let box):
            throw GlossError("invalid regular expression: \(box.error.message)")
        }
    }

    deinit {
        pcre2_code_free_8(code)
    }

    static func compileError(_ pattern: String, caseInsensitive: Bool) -> CompileError? {
        switch compile(pattern, caseInsensitive: caseInsensitive) {
        case .success(let code):
            pcre2_code_free_8(code)
            return nil
        case .failure(let box):
            return box.error
        }
    }

    private static func compile(_ pattern: String, caseInsensitive: Bool) -> Result<OpaquePointer, CompileErrorBox> {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let options = PCRE2_UTF | PCRE2_UCP | (caseInsensitive ? PCRE2_CASELESS : 0)
        let code = pattern.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count) {
                pcre2_compile_8($0, pattern.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        if let code { return .success(code) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
        let message = length > 0 ? String(decoding: buffer[..<Int(length)], as: UTF8.self) : "error \(errorCode)"
        let characters = String(decoding: pattern.utf8.prefix(errorOffset), as: UTF8.self).count
        return .failure(CompileErrorBox(error: CompileError(message: message, offset: characters)))
    }

    /// Scratch space for matching; one per thread.
    final class Scratch {
        let data: OpaquePointer
        init(for matcher: RegexMatcher) {
            data = pcre2_match_data_create_from_pattern_8(matcher.code, nil)
        }
        deinit { pcre2_match_data_free_8(data) }
    }

    func matches(_ text: String, scratch: Scratch) -> Bool {
        var text = text
        return text.withUTF8 { matches($0, scratch: scratch) }
    }

    /// Matches valid UTF-8 (a Swift string's or a stored text's bytes): PCRE2's own check is skipped,
    /// as it would rescan the whole text on every call.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch) -> Bool {
        pcre2_match_8(code, bytes.baseAddress ?? emptyByte, bytes.count, 0, PCRE2_NO_UTF_CHECK, scratch.data, nil) >= 0
    }

    /// UTF-8 ranges of every non-overlapping match, for highlighting.
    func matchRanges(_ text: String, limit: Int = 1_000) -> [Range<Int>] {
        let scratch = Scratch(for: self)
        var text = text
        return text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var start = 0
            while start <= bytes.count, ranges.count < limit {
                let result = pcre2_match_8(code, bytes.baseAddress ?? emptyByte, bytes.count, start, PCRE2_NO_UTF_CHECK, scratch.data, nil)
                guard result >= 0 else { break }
                let vector = pcre2_get_ovector_pointer_8(scratch.data)!
                let matchStart = vector[0]
                let matchEnd = vector[1]
                if matchEnd > matchStart { ranges.append(matchStart..<matchEnd) }
                start = matchEnd > matchStart ? matchEnd : matchEnd + 1
                while start < bytes.count, bytes[start] & 0xC0 == 0x80 { start += 1 }
            }
            return ranges
        }
    }
}

nonisolated(unsafe) private let emptyByteStorage: UnsafeMutablePointer<UInt8> = {
    let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    pointer.pointee = 0
    return pointer
}()
private var emptyByte: UnsafePointer<UInt8> { UnsafePointer(emptyByteStorage) }

private struct CompileErrorBox: Error {
    var error: RegexMatcher.CompileError
}
