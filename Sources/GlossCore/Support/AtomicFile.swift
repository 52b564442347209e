import Foundation

/// Writes files so that a crash or a full disk never leaves a half-written file: a temporary file in
/// the same folder, fsync, rename over the target, fsync of the folder.
public enum AtomicFile {
    public static func write(_ data: [UInt8], to path: String, overwrite: Bool) throws(GlossError) {
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { throw GlossError("\(path) is a directory") }
            if !overwrite { throw GlossError("\(path) exists; add --force to overwrite it") }
        }
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw GlossError("cannot write \(path): the folder \(directory) does not exist")
        }
        let temporary = directory + "/." + ((path as NSString).lastPathComponent) + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw GlossError("cannot write \(path): \(SystemError.describe(errno: errno))")
        }
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = errno == ENOSPC ? "the disk is full" : SystemError.describe(errno: errno)
                close(descriptor)
                unlink(temporary)
                throw GlossError("cannot write \(path): \(reason); nothing was changed")
            }
            offset += written
        }
        if fsync(descriptor) != 0 {
            let reason = errno == ENOSPC ? "the disk is full" : SystemError.describe(errno: errno)
            close(descriptor)
            unlink(temporary)
            throw GlossError("cannot write \(path): \(reason); nothing was changed")
        }
        close(descriptor)
        if rename(temporary, path) != 0 {
            let reason = SystemError.describe(errno: errno)
            unlink(temporary)
            throw GlossError("cannot write \(path): \(reason)")
        }
        let folder = open(directory, O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    public static func write(_ text: String, to path: String, overwrite: Bool) throws(GlossError) {
        try write(Array(text.utf8), to: path, overwrite: overwrite)
    }
}
