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
        public var commandCount: Int
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

    /// The newest journal of a session whose process no longer runs and that holds commands; empty
    /// ones met on the way are removed. Only the journals newer than the one found are read, and only
    /// to count their lines: every start asks, and a long session's journal runs to megabytes.
    public func latestUnfinished() -> Unfinished? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        let journals = names.compactMap { name -> (name: String, stamp: String, pid: Int32)? in
            guard name.hasSuffix(".journal"), let (stamp, pid) = Self.parse(name), pid != getpid() else { return nil }
            return (name, stamp, pid)
        }
        for journal in journals.sorted(by: { $0.stamp > $1.stamp }) {
            if kill(journal.pid, 0) == 0 || errno == EPERM { continue }  // that session is still running
            let path = directory + "/" + journal.name
            guard let bytes = try? DocumentLoader.readBytes(path, name: journal.name) else { continue }
            let count = Self.commandLines(in: bytes).count
            if count == 0 {
                try? FileManager.default.removeItem(atPath: path)
                continue
            }
            return Unfinished(path: path, started: journal.stamp, commandCount: count)
        }
        return nil
    }

    /// The commands an unfinished journal holds, in order.
    public func commands(of unfinished: Unfinished) throws(GlossError) -> [String] {
        let bytes = try DocumentLoader.readBytes(unfinished.path, name: unfinished.path)
        return Self.commandLines(in: bytes).map { LineEscaping.unescape(String(decoding: bytes[$0], as: UTF8.self)) }
    }

    /// Byte ranges of the command lines: complete lines (a crash in the middle of a write leaves a last
    /// line without its newline) that are neither empty nor `#` comments.
    static func commandLines(in bytes: [UInt8]) -> [Range<Int>] {
        // The last range is what follows the last newline: empty, or a line cut short.
        bytes.withUnsafeBufferPointer(StringBytes.lineRanges).dropLast()
            .filter { !$0.isEmpty && bytes[$0.lowerBound] != UInt8(ascii: "#") }
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
