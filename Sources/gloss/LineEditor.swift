@preconcurrency import CLibEdit
import Foundation
import GlossCore

/// The interactive line editor: libedit's native API with history, emacs keys and Tab completion.
final class LineEditor {
    enum ReadResult {
        case line(String)
        case interrupted
        case endOfFile
    }

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: HistoryFile?
    private var promptPointer: UnsafeMutablePointer<CChar>?
    /// Computes completions for the text left of the cursor.
    var completer: ((String) -> (wordStart: Int, candidates: [CompletionEngine.Candidate]))?
    var lastHistoryLine: String?

    init(programName: String, historyFile: HistoryFile?) {
        editLine = el_init(programName, stdin, stdout, stderr)
        history = history_init()
        self.historyFile = historyFile
        gloss_history_set_size(history, 5_000)
        gloss_history_set_unique(history, 1)
        gloss_el_set_history(editLine, history)
        gloss_el_set_editor(editLine, "emacs")
        gloss_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        gloss_el_set_prompt_esc(
            editLine,
            { editLine in
                guard let editLine, let data = gloss_el_get_client_data(editLine) else { return nil }
                return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptPointer
            }, 1)
        gloss_el_add_function(
            editLine, "gloss-complete", "Complete the word under the cursor",
            { editLine, _ in
                guard let editLine, let data = gloss_el_get_client_data(editLine) else { return UInt8(CC_ERROR) }
                return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete()
            })
        gloss_el_bind(editLine, "^I", "gloss-complete")
        // Read ~/.editrc-style settings last so users can rebind keys.
        el_source(editLine, nil)
        for line in historyFile?.load() ?? [] {
            gloss_history_enter(history, line)
            lastHistoryLine = line
        }
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptPointer)
    }

    /// Reads a line; `prompt` may contain colour codes wrapped in \u{1} markers.
    func readLine(prompt: String) -> ReadResult {
        free(promptPointer)
        promptPointer = strdup(prompt)
        if Interrupts.resized != 0 {
            Interrupts.resized = 0
            el_resize(editLine)
        }
        var count: Int32 = 0
        errno = 0
        Interrupts.reading = 1
        // A Ctrl-C pressed before this prompt (while output was printed, say) must not stop the next
        // command. Reset after `reading` is set: a Ctrl-C in between still interrupts this read.
        Interrupts.flag.reset()
        let result = el_gets(editLine, &count)
        let readError = errno
        Interrupts.reading = 0
        Interrupts.setRetryTimer(milliseconds: 0)
        guard let raw = result else {
            if count == -1 || readError == EINTR || Interrupts.flag.isRaised {
                el_reset(editLine)
                return .interrupted
            }
            return .endOfFile
        }
        if Interrupts.flag.isRaised && count <= 0 {
            el_reset(editLine)
            return .interrupted
        }
        guard count > 0 else { return .endOfFile }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Adds a line to history: not when it starts with a space, not twice in a row.
    func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty, !line.hasPrefix(" "), line != lastHistoryLine else {
            return
        }
        gloss_history_enter(history, line)
        lastHistoryLine = line
        historyFile?.append(line)
    }

    /// Tab: completes a unique candidate, extends a common prefix, or lists the candidates.
    private func complete() -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let completer else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(info.buffer).assumingMemoryBound(to: UInt8.self), count: length)
        let left = String(decoding: bytes, as: UTF8.self)
        let (wordStart, candidates) = completer(left)
        let typed = String(Array(left)[wordStart...])
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        if candidates.count == 1 {
            let candidate = candidates[0]
            let suffix = String(candidate.word.dropFirst(typed.count)) + (candidate.appendSpace ? " " : "")
            if !suffix.isEmpty { el_insertstr(editLine, suffix) }
            return UInt8(CC_REFRESH)
        }
        let common = Self.commonPrefix(candidates.map(\.word))
        if common.count > typed.count {
            el_insertstr(editLine, String(common.dropFirst(typed.count)))
            return UInt8(CC_REFRESH)
        }
        Terminal.write("\n" + Self.columns(candidates, width: Terminal.width))
        return UInt8(CC_REDISPLAY)
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// Candidates in columns, or one per line with their hints.
    static func columns(_ candidates: [CompletionEngine.Candidate], width: Int) -> String {
        let shown = candidates.prefix(200)
        var text = ""
        if shown.contains(where: { $0.hint != nil }) {
            let wordWidth = (shown.map { DisplayWidth.of($0.word) }.max() ?? 0) + 2
            for candidate in shown {
                let hint = TerminalSafe.escape(candidate.hint ?? "", keepNewlines: false)
                let line =
                    DisplayWidth.pad(TerminalSafe.escape(candidate.word, keepNewlines: false), to: wordWidth) + hint
                text += DisplayWidth.prefix(line, fitting: width - 1) + "\n"
            }
        } else {
            let columnWidth = (shown.map { DisplayWidth.of($0.word) }.max() ?? 0) + 2
            let perLine = max(1, (width - 1) / columnWidth)
            for (index, candidate) in shown.enumerated() {
                text += DisplayWidth.pad(TerminalSafe.escape(candidate.word, keepNewlines: false), to: columnWidth)
                if (index + 1) % perLine == 0 { text = text.trimmingCharacters(in: .init(charactersIn: " ")) + "\n" }
            }
            if !text.hasSuffix("\n") { text = text.trimmingCharacters(in: .init(charactersIn: " ")) + "\n" }
        }
        if candidates.count > shown.count { text += "… \(candidates.count - shown.count) more\n" }
        return text
    }
}
