import Foundation

/// What a replayed script may touch. Saved sessions are shared and downloaded, so a script is
/// untrusted: it writes (save, export) only inside its writable folders, and with `strict` reads
/// (load, tags import, replay, compare) only inside its readable folders; without `strict`, what it
/// read elsewhere is remembered and listed when the run ends. Every folder is compared by its real
/// path, so a symlink inside the tree cannot carry a write or a read outside it.
public struct ScriptSandbox: Sendable {
    /// Real paths of the folders writes may go into.
    public private(set) var writableRoots: [String]
    /// Real paths of the folders reads stay inside (enforced only when `strict`).
    public private(set) var readableRoots: [String]
    public var strict: Bool
    /// Whether the script may fetch from the network.
    public var allowsNetwork = false
    /// Whether its saves and exports may replace existing files (`gloss run --force`): a report
    /// script run again replaces what it wrote the last time.
    public var allowsOverwrite = false
    /// Real paths read outside `readableRoots`, in order, once each.
    public private(set) var outsideReads: [String] = []
    private var outsideReadSet: Set<String> = []
    /// Folders a person at the terminal allowed writes into for this replay.
    var approvedFolders: Set<String> = []

    public init(writableRoots: [String], readableRoots: [String], strict: Bool = false) {
        self.writableRoots = Self.unique(writableRoots.compactMap(RealPath.resolve))
        self.readableRoots = Self.unique(readableRoots.compactMap(RealPath.resolve))
        self.strict = strict
    }

    private static func unique(_ paths: [String]) -> [String] {
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    public mutating func allowReading(_ folders: [String]) {
        readableRoots += folders.compactMap(RealPath.resolve).filter { !readableRoots.contains($0) }
    }

    /// Whether a write into the folder whose real path is `folder` is allowed without asking.
    func allowsWrite(intoFolder folder: String) -> Bool {
        writableRoots.contains { RealPath.isInside(folder, $0) } || approvedFolders.contains(folder)
    }

    /// Checks a read of `path` (absolute): refused outside the readable folders when strict, else
    /// remembered for the summary. A path that does not resolve (does not exist) is left to the
    /// reader's own error.
    mutating func checkRead(_ path: String, shownAs shown: String) throws(GlossError) {
        guard let real = RealPath.resolve(path) else { return }
        try checkResolvedRead(real, shownAs: shown)
    }

    /// Checks the reads of many files (a folder's): each file's folder is resolved once, and a file is
    /// resolved on its own only when it is a symlink. A folder inside the readable folders has all its
    /// files inside too, so they are not checked one by one (a corpus of 45,000 files in a few folders).
    mutating func checkReads(_ files: [(path: String, shown: String)]) throws(GlossError) {
        var folders: [Substring: (real: String, isReadable: Bool)?] = [:]
        for file in files {
            var info = stat()
            let real: String?
            if lstat(file.path, &info) == 0, info.st_mode & S_IFMT != S_IFLNK {
                let (folder, name) = Self.folderAndName(of: file.path)
                if folders[folder] == nil {
                    folders[folder] = .some(RealPath.resolve(String(folder)).map { ($0, isReadable($0)) })
                }
                guard let resolved = folders[folder]! else { continue }
                if resolved.isReadable { continue }
                real = (resolved.real == "/" ? "" : resolved.real) + "/" + name
            } else {
                real = RealPath.resolve(file.path)
            }
            guard let real else { continue }
            try checkResolvedRead(real, shownAs: file.shown)
        }
    }

    /// A path's folder and last component, cut at its last slash; paths that do not simply end in a
    /// name after a slash inside them go through Foundation's rules (which are slow for thousands).
    static func folderAndName(of path: String) -> (folder: Substring, name: Substring) {
        let utf8 = path.utf8
        if let slash = utf8.lastIndex(of: UInt8(ascii: "/")), slash != utf8.startIndex,
            utf8.index(after: slash) != utf8.endIndex
        {
            return (path[..<slash], path[utf8.index(after: slash)...])
        }
        return (
            Substring((path as NSString).deletingLastPathComponent), Substring((path as NSString).lastPathComponent)
        )
    }

    private func isReadable(_ real: String) -> Bool {
        readableRoots.contains { RealPath.isInside(real, $0) }
    }

    private mutating func checkResolvedRead(_ real: String, shownAs shown: String) throws(GlossError) {
        guard !isReadable(real) else { return }
        if strict {
            throw GlossError(
                "a script run with --strict may not read \(shown): it is outside \(readableRoots.joined(separator: ", ")) (--allow-read DIR permits it)"
            )
        }
        if outsideReadSet.insert(real).inserted { outsideReads.append(real) }
    }

    /// "read 2 files outside its folder and the current folder: /a/x.txt, /etc/passwd"; many files
    /// are summed up by their folders (a corpus read from elsewhere is one folder, not 40,000 files).
    public static func describeOutsideReads(_ reads: [String]) -> String {
        let files = "read \(Counted.phrase(reads.count, "file")) outside its folder and the current folder"
        if reads.count <= 5 { return files + ": " + reads.joined(separator: ", ") }
        var seen = Set<String>()
        let folders = reads.map { ($0 as NSString).deletingLastPathComponent }.filter { seen.insert($0).inserted }
        return files + ", in " + folders.prefix(5).joined(separator: ", ")
            + (folders.count > 5 ? " and \(folders.count - 5) more folders" : "")
    }

    /// The message that refuses a write outside the allowed folders.
    func refusal(_ shown: String, realFolder: String) -> GlossError {
        GlossError(
            "a script may not write \(shown): it is in \(realFolder), outside \(writableRoots.joined(separator: ", ")) (--allow-write DIR permits it)"
        )
    }
}
