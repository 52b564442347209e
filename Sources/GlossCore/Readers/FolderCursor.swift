#if canImport(Glibc)
    import Glibc
#endif

/// Keeps the folder of the walked file read last open, so that the files after it in the same folder
/// (a walk lists a folder's files together) are opened by name relative to it.
final class FolderCursor {
    private var folder: [UInt8] = []
    private var descriptor: Int32 = -1

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// An open descriptor of the candidate's folder, or `AT_FDCWD` (open by whole path) when the
    /// candidate has no folder part or the folder cannot be opened.
    func descriptor(forFolderOf candidate: DocumentLoader.Candidate) -> Int32 {
        guard candidate.nameOffset > 0 else { return AT_FDCWD }
        var path = candidate.path
        let same = path.withUTF8 { bytes in
            let prefix = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, candidate.nameOffset)])
            if descriptor >= 0, prefix.count == folder.count,
                folder.withUnsafeBufferPointer({ memcmp($0.baseAddress!, prefix.baseAddress!, prefix.count) == 0 })
            {
                return true
            }
            folder = Array(prefix)
            return false
        }
        if same { return descriptor }
        if descriptor >= 0 { close(descriptor) }
        descriptor = open(String(decoding: folder, as: UTF8.self), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor < 0 { folder = [] }
        return descriptor >= 0 ? descriptor : AT_FDCWD
    }
}
