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
        if let header { write(header + "\n", durable: true) }
    }

    deinit {
        Foundation.close(descriptor)
    }

    /// A clean quit: the journal is no longer needed.
    public func close(removing: Bool) {
        if removing { unlink(path) }
    }

    func append(_ entry: HistoryEntry, durable: Bool) {
        write(LineEscaping.escape(entry.line) + "\n", durable: durable)
    }

    /// Writes a raw journal line (undo, redo, end markers).
    public func appendMarker(_ line: String) {
        write(line + "\n", durable: true)
    }

    private func write(_ text: String, durable: Bool) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
        if durable { fsync(descriptor) }
    }
}
