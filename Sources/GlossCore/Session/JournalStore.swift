import Foundation

/// The folder of session journals: one file per running session, named with the process id, removed
/// on a clean quit. A journal whose process is gone is an unfinished session that `--resume` restores.
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
        let stamp = Self.stamp()
        return try Journal(path: path(stamp: stamp, pid: getpid()), header: "# gloss journal 1\n# started \(stamp)")
    }

    /// Takes over an unfinished journal: renamed (atomically) to carry this process's id, so that a
    /// crash while resuming leaves it findable again, then opened for appending.
    public func adopt(_ unfinished: Unfinished) throws(GlossError) -> Journal {
        let name = (unfinished.path as NSString).lastPathComponent
        let stamp = Self.parse(name)?.stamp ?? Self.stamp()
        let adopted = path(stamp: stamp, pid: getpid())
        guard rename(unfinished.path, adopted) == 0 else {
            throw GlossError("cannot take over the journal \(unfinished.path): \(DocumentLoader.describe(errno: errno))")
        }
        return try Journal(path: adopted, header: nil)
    }

    /// Journals of sessions whose process no longer runs, newest first, ignoring empty ones.
    public func unfinished() -> [Unfinished] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var result: [Unfinished] = []
        for name in names where name.hasSuffix(".journal") {
            guard let (stamp, pid) = Self.parse(name), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // that session is still running
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            // Only complete lines: a crash in the middle of a write leaves a last line without its newline.
            var text = String(decoding: data, as: UTF8.self)
            if let lastNewline = text.lastIndex(of: "\n") { text = String(text[...lastNewline]) } else { text = "" }
            let lines = text.split(separator: "\n").map(String.init)
            let commands = lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(LineEscaping.unescape)
            if commands.isEmpty {
                try? FileManager.default.removeItem(atPath: path)
                continue
            }
            result.append(Unfinished(path: path, started: stamp, commands: commands))
        }
        return result.sorted { $0.started > $1.started }
    }

    public func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    private func path(stamp: String, pid: Int32) -> String {
        directory + "/session-\(stamp)-\(pid).journal"
    }

    /// A sortable timestamp with no colons (file-name safe), to the millisecond.
    private static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        return formatter.string(from: Date())
    }

    /// `session-STAMP-PID.journal` → (STAMP, PID).
    private static func parse(_ name: String) -> (stamp: String, pid: Int32)? {
        guard name.hasPrefix("session-"), name.hasSuffix(".journal") else { return nil }
        let core = name.dropFirst(8).dropLast(8)
        guard let dash = core.lastIndex(of: "-"), let pid = Int32(core[core.index(after: dash)...]) else { return nil }
        return (String(core[..<dash]), pid)
    }
}
