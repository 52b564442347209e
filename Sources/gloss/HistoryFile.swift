import Foundation
import GlossCore

/// The REPL's history on disk: one line per entry, appended with a single write so several REPLs can
/// share the file without losing lines, and nothing is lost in a crash.
struct HistoryFile {
    let path: String

    /// `$XDG_STATE_HOME/gloss/history`, default `~/.local/state/gloss/history`.
    static func standard() -> HistoryFile? {
        StatePaths.stateDirectory.map { HistoryFile(path: $0 + "/history") }
    }

    func load(limit: Int = 5_000) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            LineEscaping.unescape(String($0))
        }
        return Array(lines.suffix(limit))
    }

    func append(_ line: String) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var bytes = Array((LineEscaping.escape(line) + "\n").utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
    }
}
