import Foundation

/// The crash-safe log of a session: every command appended as one line; state-changing ones are
/// flushed to disk (fsync) before the prompt returns. The session that writes a journal holds an
/// advisory lock on it (flock) for as long as it runs: a journal nobody holds is unfinished, at once
/// after a crash or a `kill -9`, whatever became of the process.
public final class Journal {
    public let path: String
    private let descriptor: Int32

    /// Creates a journal and locks it; `header` lines are written first.
    init(creating path: String, header: [String]) throws(GlossError) {
        self.path = path
        try Self.createFolder(of: path)
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if descriptor < 0 {
            throw GlossError("cannot open the journal \(path): \(SystemError.describe(errno: errno))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = SystemError.describe(errno: errno)
            Glibc.close(descriptor)
            throw GlossError("cannot lock the journal \(path): \(reason)")
        }
        if let error = write(header.map { $0 + "\n" }.joined(), durable: true) { throw error }
    }

    /// Takes over an unfinished journal: locks it (another gloss may be resuming it), then sets aside a
    /// last line that a crash cut short, so that nothing appended later is glued onto it.
    init(takingOver path: String) throws(GlossError) {
        self.path = path
        descriptor = open(path, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        if descriptor < 0 {
            throw GlossError("cannot open the journal \(path): \(SystemError.describe(errno: errno))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            Glibc.close(descriptor)
            throw GlossError("the journal \(path) is in use by another gloss")
        }
    }

    deinit {
        Glibc.close(descriptor)
    }

    /// Creates the journal folder and its parents, saying which part is in the way when one is.
    private static func createFolder(of path: String) throws(GlossError) {
        let directory = (path as NSString).deletingLastPathComponent
        var partial = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            partial += "/" + component
            var info = stat()
            if stat(partial, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw GlossError(
                        "cannot create the journal folder \(directory): \(partial) is a file, not a folder")
                }
                continue
            }
            if mkdir(partial, 0o700) != 0 && errno != EEXIST {
                throw GlossError(
                    "cannot create the journal folder \(directory): \(partial): \(SystemError.describe(errno: errno))")
            }
        }
    }

    /// Removes the file (the session was saved, or discarded on request); the lock goes with it.
    public func remove() {
        unlink(path)
    }

    /// Appends a command; returns an error when it could not be written (the disk is full…).
    func append(_ entry: HistoryEntry, durable: Bool) -> GlossError? {
        write(LineEscaping.escape(entry.line) + "\n", durable: durable)
    }

    /// Writes a raw journal line (undo, redo, and `#` notes about the session).
    @discardableResult
    public func appendMarker(_ line: String) -> GlossError? {
        write(line + "\n", durable: true)
    }

    /// Flushes lines written without `durable` to disk.
    func sync() -> GlossError? {
        guard fsync(descriptor) != 0 else { return nil }
        let reason = errno == ENOSPC ? "the disk is full" : SystemError.describe(errno: errno)
        return GlossError(
            "cannot write the journal \(path): \(reason); the last commands are not protected against a crash")
    }

    /// Cuts off a last line without its newline (a crash in the middle of a write), keeping it in
    /// `PATH.damaged`; returns that line, or nil when the journal ends cleanly.
    func setAsideCutLine() throws(GlossError) -> String? {
        let size = lseek(descriptor, 0, SEEK_END)
        guard size > 0 else { return nil }
        var last: UInt8 = 0
        guard pread(descriptor, &last, 1, size - 1) == 1 else {
            throw GlossError("cannot read the journal \(path): \(SystemError.describe(errno: errno))")
        }
        guard last != UInt8(ascii: "\n") else { return nil }
        // Find the start of the cut line by reading backwards in blocks.
        var start = size
        var found = false
        var block = [UInt8](repeating: 0, count: 4096)
        while start > 0 && !found {
            let length = min(Int(start), block.count)
            let offset = start - off_t(length)
            guard pread(descriptor, &block, length, offset) == length else {
                throw GlossError("cannot read the journal \(path): \(SystemError.describe(errno: errno))")
            }
            if let newline = block[..<length].lastIndex(of: UInt8(ascii: "\n")) {
                start = offset + off_t(newline) + 1
                found = true
            } else {
                start = offset
            }
        }
        var cut = [UInt8](repeating: 0, count: Int(size - start))
        guard pread(descriptor, &cut, cut.count, start) == cut.count else {
            throw GlossError("cannot read the journal \(path): \(SystemError.describe(errno: errno))")
        }
        let damaged = path + ".damaged"
        let side = open(damaged, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard side >= 0 else {
            throw GlossError(
                "cannot set aside the cut last line of \(path) in \(damaged): \(SystemError.describe(errno: errno))")
        }
        defer { Glibc.close(side) }
        let record = cut + [UInt8(ascii: "\n")]
        let written = record.withUnsafeBytes { Glibc.write(side, $0.baseAddress!, $0.count) }
        guard written == record.count, fsync(side) == 0 else {
            throw GlossError(
                "cannot set aside the cut last line of \(path) in \(damaged): \(SystemError.describe(errno: errno))")
        }
        guard ftruncate(descriptor, start) == 0, fsync(descriptor) == 0 else {
            throw GlossError("cannot cut the damaged last line off \(path): \(SystemError.describe(errno: errno))")
        }
        return String(decoding: cut, as: UTF8.self)
    }

    /// Appends whole lines only: a write that fails half-way is cut back off, so a resume never reads
    /// a truncated command. (A crash mid-write leaves a line without its newline, set aside on resume.)
    private func write(_ text: String, durable: Bool) -> GlossError? {
        var bytes = Array(text.utf8)
        let start = lseek(descriptor, 0, SEEK_END)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = errno == ENOSPC ? "the disk is full" : SystemError.describe(errno: errno)
                if start >= 0 { _ = ftruncate(descriptor, start) }
                return GlossError(
                    "cannot write the journal \(path): \(reason); this command is not protected against a crash")
            }
            offset += written
        }
        if durable && fsync(descriptor) != 0 {
            let reason = errno == ENOSPC ? "the disk is full" : SystemError.describe(errno: errno)
            if start >= 0 { _ = ftruncate(descriptor, start) }
            return GlossError(
                "cannot write the journal \(path): \(reason); this command is not protected against a crash")
        }
        return nil
    }
}
