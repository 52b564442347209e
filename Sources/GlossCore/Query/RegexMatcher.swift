import CPCRE2

/// A compiled `/regex/`: PCRE2 in UTF mode with Unicode properties, JIT-compiled when available.
/// Regexes match substrings of a unit's text, unlike words. `\C` (one byte, which can split a
/// character) is refused when compiling.
final class RegexMatcher: @unchecked Sendable {
    struct CompileError {
        var message: String
        /// Offset in characters into the pattern, when PCRE2 gives one.
        var offset: Int?
    }

    /// PCRE2 gave up on a text instead of answering: a limit it reached (a pattern that backtracks
    /// without end, such as `(x+x+)+y`) or another error. Never taken for "no match".
    struct MatchFailure: Error {
        var code: Int32

        var reachedALimit: Bool {
            [
                PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT,
                PCRE2_ERROR_NOMEMORY,
            ]
            .contains(code)
        }

        /// The error of the command: where PCRE2 gave up, pointing at the regex in the query.
        func error(at location: String, column: Int?) -> GlossError {
            let reason = "PCRE2: \(RegexMatcher.message(code))"
            if reachedALimit {
                return GlossError(
                    "regex too complex at \(location) (\(reason)); nested repeats such as (x+)+ backtrack without end",
                    column: column)
            }
            return GlossError("regex failed at \(location) (\(reason))", column: column)
        }
    }

    /// Heap PCRE2 may take for one match, in KiB (its default is 20 GB).
    static let heapLimit: UInt32 = 256 << 10
    /// The JIT's stack for one thread (its default, 32 KB, fails long subjects).
    static let jitStackSize = (start: 32 << 10, maximum: 8 << 20)

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
        let options = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C | (caseInsensitive ? PCRE2_CASELESS : 0)
        let code = pattern.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count) {
                pcre2_compile_8($0, pattern.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        if let code { return .success(code) }
        var message = Self.message(errorCode)
        if errorCode == PCRE2_ERROR_BACKSLASH_C_CALLER_DISABLED {
            message = "\\C is not allowed (it matches a single byte, which can split a character)"
            errorOffset = max(0, errorOffset - 2)  // PCRE2 points after the `\C`
        }
        let characters = String(decoding: pattern.utf8.prefix(errorOffset), as: UTF8.self).count
        return .failure(CompileErrorBox(error: CompileError(message: message, offset: characters)))
    }

    /// PCRE2's text for an error code.
    static func message(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[..<Int(length)], as: UTF8.self) : "error \(code)"
    }

    /// Scratch space for matching, with the limits above; one per thread.
    final class Scratch {
        let data: OpaquePointer
        let context: OpaquePointer
        let jitStack: OpaquePointer?

        init(for matcher: RegexMatcher) {
            data = pcre2_match_data_create_from_pattern_8(matcher.code, nil)
            context = pcre2_match_context_create_8(nil)
            pcre2_set_heap_limit_8(context, RegexMatcher.heapLimit)
            jitStack = pcre2_jit_stack_create_8(RegexMatcher.jitStackSize.start, RegexMatcher.jitStackSize.maximum, nil)
            if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
        }

        deinit {
            pcre2_match_data_free_8(data)
            pcre2_match_context_free_8(context)
            if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        }
    }

    func matches(_ text: String, scratch: Scratch) throws(MatchFailure) -> Bool {
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(MatchFailure) in try matches(bytes, scratch: scratch) } }
            .get()
    }

    /// Matches valid UTF-8 (a Swift string's or a stored text's bytes): PCRE2's own check is skipped,
    /// as it would rescan the whole text on every call.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch) throws(MatchFailure) -> Bool {
        let result = pcre2_match_8(
            code, bytes.baseAddress ?? emptyByte, bytes.count, 0, PCRE2_NO_UTF_CHECK, scratch.data, scratch.context)
        if result >= 0 { return true }
        if result == PCRE2_ERROR_NOMATCH { return false }
        throw MatchFailure(code: result)
    }

    /// UTF-8 ranges of every non-overlapping match, for highlighting.
    func matchRanges(_ text: String, scratch: Scratch, limit: Int = 1_000) throws(MatchFailure) -> [Range<Int>] {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(MatchFailure) in
                var ranges: [Range<Int>] = []
                var start = 0
                while start <= bytes.count, ranges.count < limit {
                    let result = pcre2_match_8(
                        code, bytes.baseAddress ?? emptyByte, bytes.count, start, PCRE2_NO_UTF_CHECK, scratch.data,
                        scratch.context)
                    if result == PCRE2_ERROR_NOMATCH { break }
                    guard result >= 0 else { throw MatchFailure(code: result) }
                    let vector = pcre2_get_ovector_pointer_8(scratch.data)!
                    let matchStart = vector[0]
                    let matchEnd = vector[1]
                    if matchEnd > matchStart { ranges.append(matchStart..<matchEnd) }
                    start = matchEnd > matchStart ? matchEnd : matchEnd + 1
                    while start < bytes.count, UTF8Scalar.isContinuation(bytes[start]) { start += 1 }
                }
                return ranges
            }
        }.get()
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
