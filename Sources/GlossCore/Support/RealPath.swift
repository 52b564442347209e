import Foundation

/// Where paths really lead: symlinks followed, `.` and `..` gone. The sandbox of a replayed script
/// compares these, never the path as typed (a folder symlink inside the tree can point anywhere).
enum RealPath {
    /// The real path of an existing file or folder; nil when it does not exist.
    static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The real path of an open folder (what the descriptor refers to, whatever path opened it).
    static func ofOpenFolder(_ descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The real path of a file that may not exist yet: its folder resolved, its name kept.
    static func resolveForWriting(_ path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        guard let real = resolve(folder.isEmpty ? "." : folder) else { return nil }
        return (real == "/" ? "" : real) + "/" + (path as NSString).lastPathComponent
    }

    /// Whether `path` is `root` or lies under it (both real paths).
    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || root == "/" || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
