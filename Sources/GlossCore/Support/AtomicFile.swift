import Foundation

/// Writes files so that a crash or a full disk never leaves a half-written file: a temporary file in
/// the same folder, fsync, rename over the target, fsync of the folder.
///
/// The folder is opened once and everything happens relative to it, so the folder that is checked is
/// the folder written into. The temporary file has an unpredictable name and is created exclusively
/// without following symlinks (a link planted under a guessable name cannot redirect the write), and
/// the rename replaces a symlink at the target rather than writing through it. Left-over temporary
/// files of a write that was killed are removed by the next write of the same file.
public enum AtomicFile {
    /// `mayWriteInto` is asked with the real path of the target's folder (symlinks followed) and
    /// throws to refuse it.
    public static func write(
        _ data: [UInt8], to path: String, overwrite: Bool,
        mayWriteInto: (String) throws(GlossError) -> Void = { _ throws(GlossError) in }
    ) throws(GlossError) {
        let parent = (path as NSString).deletingLastPathComponent
        let directory = parent.isEmpty ? "." : parent
        let name = (path as NSString).lastPathComponent
        guard !name.isEmpty, name != ".", name != ".." else {
            throw GlossError("cannot write \(path): it names a folder")
        }
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else {
            if errno == ENOENT || errno == ENOTDIR {
                throw GlossError("cannot write \(path): the folder \(directory) does not exist")
            }
            throw GlossError("cannot write \(path): \(SystemError.describe(errno: errno))")
        }
        defer { close(folder) }
        guard let realFolder = RealPath.ofOpenFolder(folder) else {
            throw GlossError("cannot write \(path): cannot tell where \(directory) is")
        }
        try mayWriteInto(realFolder)

        var info = stat()
        if fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { throw GlossError("\(path) is a directory") }
            if !overwrite { throw GlossError("\(path) exists; add --force to overwrite it") }
        }
        removeLeftovers(of: name, in: folder)
        let (descriptor, temporary) = try createTemporary(for: name, in: folder, path: path)
        defer { close(descriptor) }
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = errno == ENOSPC ? "the disk is full" : SystemError.describe(errno: errno)
                unlinkat(folder, temporary, 0)
                throw GlossError("cannot write \(path): \(reason); nothing was changed")
            }
            offset += written
        }
        if fsync(descriptor) != 0 {
            let reason = errno == ENOSPC ? "the disk is full" : SystemError.describe(errno: errno)
            unlinkat(folder, temporary, 0)
            throw GlossError("cannot write \(path): \(reason); nothing was changed")
        }
        if renameat(folder, temporary, folder, name) != 0 {
            let reason = SystemError.describe(errno: errno)
            unlinkat(folder, temporary, 0)
            throw GlossError("cannot write \(path): \(reason)")
        }
        fsync(folder)
    }

    public static func write(
        _ text: String, to path: String, overwrite: Bool,
        mayWriteInto: (String) throws(GlossError) -> Void = { _ throws(GlossError) in }
    ) throws(GlossError) {
        try write(Array(text.utf8), to: path, overwrite: overwrite, mayWriteInto: mayWriteInto)
    }

    /// `.NAME.tmp-XXXXXXXXXXXX`, created exclusively, never through a symlink, and locked while the
    /// write lasts so that another gloss cleaning up does not take it for a left-over.
    private static func createTemporary(for name: String, in folder: Int32, path: String) throws(GlossError) -> (
        Int32, String
    ) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let suffix = String(generator.next() & 0xFFFF_FFFF_FFFF, radix: 36)
            let temporary = temporaryPrefix(of: name) + suffix
            let descriptor = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                flock(descriptor, LOCK_EX | LOCK_NB)
                return (descriptor, temporary)
            }
            if errno != EEXIST { throw GlossError("cannot write \(path): \(SystemError.describe(errno: errno))") }
        }
        throw GlossError("cannot write \(path): no unused temporary name beside it")
    }

    static func temporaryPrefix(of name: String) -> String { "." + name + ".tmp-" }

    /// Removes temporary files of earlier writes of `name` that were killed: ones nobody holds locked.
    private static func removeLeftovers(of name: String, in folder: Int32) {
        let duplicate = dup(folder)
        guard duplicate >= 0, let listing = fdopendir(duplicate) else {
            if duplicate >= 0 { close(duplicate) }
            return
        }
        defer { closedir(listing) }
        let prefix = temporaryPrefix(of: name)
        var leftovers: [String] = []
        while let entry = readdir(listing) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if entryName.hasPrefix(prefix), entry.pointee.d_type == DT_REG { leftovers.append(entryName) }
        }
        for leftover in leftovers {
            let descriptor = openat(folder, leftover, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { unlinkat(folder, leftover, 0) }
            close(descriptor)
        }
    }
}
