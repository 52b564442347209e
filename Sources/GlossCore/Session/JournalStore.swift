import Foundation

/// The folder of session journals: one file per session, locked by the gloss that writes it. A journal
/// that nobody holds and that holds commands is an unfinished session, which `resume` restores. A
/// journal is removed only when its session was saved, discarded on request, or taken over whole by a
/// resume; nothing is pruned silently (a journal without a single command holds no work and goes).
public struct JournalStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// A journal left behind by a session that did not end cleanly.
    public struct Unfinished: Sendable, Equatable {
        public var path: String
        /// When the session started (UTC, `yyyyMMdd'T'HHmmss.SSS'Z'`).
        public var started: String
        public var commandCount: Int
        /// The files its `load` commands named, in order.
        public var loaded: [String]
        /// The script the session was opened from, if any.
        public var origin: String?
        /// The folder the session ran in.
        public var folder: String?
        /// True when its last line was cut short by a crash.
        public var hasCutLine: Bool
    }

    /// Opens a new journal for this session, recording the folder it runs in.
    public func create(folder: String) throws(GlossError) -> Journal {
        let stamp = Self.stamp()
        var name = "session-\(stamp)-\(getpid()).journal"
        var attempt = 1
        while FileManager.default.fileExists(atPath: directory + "/" + name) {
            attempt += 1
            name = "session-\(stamp)-\(getpid())-\(attempt).journal"
        }
        return try Journal(
            creating: directory + "/" + name,
            header: ["# gloss journal 1", "# started \(stamp)", "# folder " + LineEscaping.escape(folder)])
    }

    /// Unfinished sessions, newest first. Journals held by a running gloss are left alone; journals
    /// without commands are removed on the way (there is nothing in them to lose).
    public func unfinished() -> [Unfinished] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var result: [Unfinished] = []
        for name in names where name.hasPrefix("session-") && name.hasSuffix(".journal") {
            let path = directory + "/" + name
            guard !Self.isHeld(path) else { continue }
            guard let contents = try? read(path) else { continue }
            if contents.commands.isEmpty && contents.cutLine == nil {
                // Checked again under the lock: a gloss may have just opened it.
                if let probe = try? Journal(takingOver: path), (try? read(path))?.commands.isEmpty == true {
                    probe.remove()
                }
                continue
            }
            result.append(
                Unfinished(
                    path: path, started: contents.started ?? Self.stamp(fromName: name),
                    commandCount: contents.commands.count,
                    loaded: contents.loadedFiles, origin: contents.origin?.path, folder: contents.folder,
                    hasCutLine: contents.cutLine != nil))
        }
        return result.sorted { ($0.started, $0.path) > ($1.started, $1.path) }
    }

    /// Whether a running gloss holds the journal.
    static func isHeld(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else { return true }
        flock(descriptor, LOCK_UN)
        return false
    }

    /// What a journal holds: its commands with their line numbers, and the notes about the session.
    public func read(_ path: String) throws(GlossError) -> JournalContents {
        JournalContents(parsing: try DocumentLoader.readBytes(path, name: path))
    }

    /// Removes an unfinished session's journal (`resume --discard N`).
    public func discard(_ unfinished: Unfinished) throws(GlossError) {
        let journal = try Journal(takingOver: unfinished.path)
        journal.remove()
    }

    /// A sortable timestamp with no colons (file-name safe), to the millisecond.
    static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        return formatter.string(from: Date())
    }

    /// `session-STAMP-PID.journal` → STAMP.
    private static func stamp(fromName name: String) -> String {
        let core = name.dropFirst("session-".count)
        return String(core.prefix { $0 != "-" })
    }

    /// `20261206T204113.123Z` → `2026-12-06 20:41 UTC`.
    public static func readable(_ stamp: String) -> String {
        let characters = Array(stamp)
        guard characters.count >= 13, characters[8] == "T" else { return stamp }
        let date = String(characters[0..<4]) + "-" + String(characters[4..<6]) + "-" + String(characters[6..<8])
        return date + " " + String(characters[9..<11]) + ":" + String(characters[11..<13]) + " UTC"
    }
}

/// A journal read back: commands (as the session ran them, undo and redo included) in order with
/// their line numbers, and the notes the session wrote about itself (`# origin`, `# saved`).
public struct JournalContents: Sendable {
    public enum Item: Sendable, Equatable {
        case command(ScriptRunner.ScriptLine)
        /// The session was opened from a script; `stoppedAt` is the script line its replay stopped at.
        case origin(path: String, stoppedAt: Int?, notReplayed: Int)
        /// The session was saved to a script.
        case saved(path: String)
        /// Relative paths in the commands that follow are relative to this folder.
        case folder(String)
    }

    public var items: [Item] = []
    public var started: String?
    public var folder: String?
    /// A last line without its newline: a write a crash cut short.
    public var cutLine: String?

    public var commands: [ScriptRunner.ScriptLine] {
        items.compactMap { if case .command(let line) = $0 { return line } else { return nil } }
    }

    public var origin: (path: String, stoppedAt: Int?, notReplayed: Int)? {
        for case .origin(let path, let stop, let left) in items.reversed() { return (path, stop, left) }
        return nil
    }

    /// The files named by the `load` commands.
    var loadedFiles: [String] {
        commands.compactMap { line -> [String]? in
            guard line.text.hasPrefix("load "), let words = try? CommandLineTokenizer.words(line.text) else {
                return nil
            }
            var files: [String] = []
            var skipValue = false
            for word in words.dropFirst() {
                if skipValue {
                    skipValue = false
                    continue
                }
                if word.isOption {
                    skipValue = word.text == "--sha256"
                    continue
                }
                files.append(word.text)
            }
            return files
        }.flatMap { $0 }
    }

    init(parsing bytes: [UInt8]) {
        let ranges = bytes.withUnsafeBufferPointer(StringBytes.lineRanges)
        for (index, range) in ranges.enumerated() {
            let isLast = index == ranges.count - 1
            if isLast {
                // What follows the last newline: nothing, or a line cut short.
                if !range.isEmpty { cutLine = String(decoding: bytes[range], as: UTF8.self) }
                break
            }
            guard !range.isEmpty else { continue }
            let text = String(decoding: bytes[range], as: UTF8.self)
            if text.hasPrefix("#") {
                note(text)
            } else {
                items.append(.command(ScriptRunner.ScriptLine(number: index + 1, text: LineEscaping.unescape(text))))
            }
        }
    }

    /// `# started STAMP`, `# folder PATH`, `# origin STOP LEFT PATH`, `# saved PATH`; other comments are ignored.
    private mutating func note(_ line: String) {
        let body = line.dropFirst().drop { $0 == " " }
        guard let space = body.firstIndex(of: " ") else { return }
        let key = body[..<space]
        let value = String(body[body.index(after: space)...])
        switch key {
        case "started": started = value
        case "folder":
            let path = LineEscaping.unescape(value)
            if folder == nil { folder = path }
            items.append(.folder(path))
        case "saved": items.append(.saved(path: LineEscaping.unescape(value)))
        case "origin":
            let parts = value.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let stop = Int(parts[0]), let left = Int(parts[1]) else { return }
            items.append(
                .origin(
                    path: LineEscaping.unescape(String(parts[2])), stoppedAt: stop == 0 ? nil : stop, notReplayed: left)
            )
        default: break
        }
    }
}
