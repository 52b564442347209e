import Foundation

/// The folder of session journals: one file per running session, removed on a clean quit. A journal
/// whose process is gone is an unfinished session that `--resume` can restore.
public struct JournalStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// A journal left behind by a session that did not quit cleanly.
    public struct Unfinished: Sendable, Equatable {
        public var path: String
        public var started: String
        public var commands: [String]
    }

    /// Opens a new journal for this process.
    public func create() throws(GlossError) -> Journal {
        let stamp = ISO8601DateFormatter().string(from: Date())
        let path = directory + "/session-\(stamp.replacingOccurrences(of: ":", with: ""))-\(getpid()).journal"
        return try Journal(path: path, header: "# gloss journal 1\n# pid \(getpid())\n# started \(stamp)")
    }

    /// Journals of sessions whose process no longer runs, newest first, ignoring empty ones.
    public func unfinished() -> [Unfinished] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var result: [Unfinished] = []
        for name in names where name.hasSuffix(".journal") {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            let pid = lines.first { $0.hasPrefix("# pid ") }.flatMap { Int32($0.dropFirst(6)) }
            if let pid, pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }  // still running
            let started = lines.first { $0.hasPrefix("# started ") }.map { String($0.dropFirst(10)) } ?? ""
            let commands = lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(LineEscaping.unescape)
            if commands.isEmpty {
                try? FileManager.default.removeItem(atPath: path)
                continue
            }
            result.append(Unfinished(path: path, started: started, commands: commands))
        }
        return result.sorted { $0.started > $1.started }
    }

    /// Forgets a journal (after a clean quit, or once resumed into a new session).
    public func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
