import Foundation

/// The crash-safe log of a session: every command appended as one line; state-changing ones are
/// flushed to disk (fsync) before the prompt returns.
public final class Journal {
    public let path: String
    private let descriptor: Int32

    public init(path: String, header: String? = nil) throws(GlossError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw GlossError("cannot create the journal folder \(directory): \(error.localizedDescription)")
        }
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            throw GlossError("cannot open the journal \(path): \(String(cString: strerror(errno)))")
        }
        if let header, let error = write(header + "\n", durable: true) { throw error }
    }

    deinit {
        Foundation.close(descriptor)
    }

    /// A clean quit: the journal is no longer needed.
    public func close(removing: Bool) {
        if removing { unlink(path) }
    }

    /// Appends a command; returns an error when it could not be written (the disk is full…).
    func append(_ entry: HistoryEntry, durable: Bool) -> GlossError? {
        write(LineEscaping.escape(entry.line) + "\n", durable: durable)
    }

    /// Writes a raw journal line (undo, redo).
    @discardableResult
    public func appendMarker(_ line: String) -> GlossError? {
        write(line + "\n", durable: true)
    }

    /// Flushes lines written without `durable` to disk.
    func sync() -> GlossError? {
        guard fsync(descriptor) != 0 else { return nil }
        let reason = errno == ENOSPC ? "the disk is full" : DocumentLoader.describe(errno: errno)
        return GlossError("cannot write the journal \(path): \(reason); the last commands are not protected against a crash")
    }

    /// Appends whole lines only: a write that fails half-way is cut back off, so a resume never reads
    /// a truncated command. (A crash mid-write leaves a line without its newline, which resume ignores.)
    private func write(_ text: String, durable: Bool) -> GlossError? {
        var bytes = Array(text.utf8)
        let start = lseek(descriptor, 0, SEEK_END)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = errno == ENOSPC ? "the disk is full" : DocumentLoader.describe(errno: errno)
                if start >= 0 { _ = ftruncate(descriptor, start) }
                return GlossError("cannot write the journal \(path): \(reason); this command is not protected against a crash")
            }
            offset += written
        }
        if durable && fsync(descriptor) != 0 {
            let reason = errno == ENOSPC ? "the disk is full" : DocumentLoader.describe(errno: errno)
            if start >= 0 { _ = ftruncate(descriptor, start) }
            return GlossError("cannot write the journal \(path): \(reason); this command is not protected against a crash")
        }
        return nil
    }
}
