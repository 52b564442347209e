import Glibc

/// Lists the article files under a folder, sorted, following symlinks but never into a loop, and
/// never listing a folder twice when symlinks reach it by two paths (its first place counts).
///
/// A big corpus is walked before any core can start reading it, so the walk is part of every load's
/// wall time: the folders directly inside the top one are walked in parallel, each on its own, and
/// their lists joined in order. A folder reached from two of them is kept where the joined order
/// meets it first, which is where a single walk would have listed it.
struct FolderWalk {
    typealias Candidate = DocumentLoader.Candidate

    /// Files listed from one folder, in a row (a folder's files are split by its subfolders' lists).
    private struct Run {
        var folder: FolderIdentity
        var files: [Candidate]
        /// What the folder's listing passed over (kept on the folder's first run only).
        var skipped = SkippedFiles()
    }

    private struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// An entry of a listed folder, in sorted order.
    private enum Entry {
        case file(Candidate)
        case folder(path: String, shown: String)
    }

    /// The files under `directory` that a reader of `readers` reads.
    static func files(under directory: String, shownAs shown: String, readers: ReaderRegistry = .standard)
        -> [Candidate]
    {
        var skipped = SkippedFiles()
        return files(under: directory, shownAs: shown, readers: readers, skipped: &skipped)
    }

    /// The article files, and in `skipped` what was passed over (of each folder walked).
    static func files(
        under directory: String, shownAs shown: String, readers: ReaderRegistry, hidden: Bool = false,
        skipped: inout SkippedFiles
    ) -> [Candidate] {
        guard let (identity, entries, skippedHere) = list(directory, shown: shown, readers: readers, hidden: hidden)
        else { return [] }
        skipped.add(skippedHere)
        let subfolders = entries.compactMap { entry -> (String, String)? in
            if case .folder(let path, let shown) = entry { return (path, shown) }
            return nil
        }
        // Each subfolder's walk knows the top folder, so a symlink back up is a loop there too.
        let walked = ParallelMap.map(subfolders) { subfolder in
            var walk = SequentialWalk(readers: readers, hidden: hidden, visited: [identity])
            walk.walk(subfolder.0, shown: subfolder.1)
            return walk.runs
        }
        var seen: Set<FolderIdentity> = [identity]
        var files: [Candidate] = []
        var next = 0
        for entry in entries {
            switch entry {
            case .file(let candidate):
                files.append(candidate)
            case .folder:
                let runs = walked[next]
                next += 1
                let firstSeenHere = Set(runs.map(\.folder)).subtracting(seen)
                for run in runs where firstSeenHere.contains(run.folder) {
                    files += run.files
                    skipped.add(run.skipped)
                }
                seen.formUnion(firstSeenHere)
            }
        }
        return files
    }

    /// One thread's depth-first walk, recording its files as runs per folder.
    private struct SequentialWalk {
        let readers: ReaderRegistry
        let hidden: Bool
        var visited: Set<FolderIdentity>
        var runs: [Run] = []

        mutating func walk(_ path: String, shown: String) {
            guard
                let (identity, entries, skipped) = FolderWalk.list(
                    path, shown: shown, readers: readers, hidden: hidden),
                visited.insert(identity).inserted
            else { return }
            var run = Run(folder: identity, files: [], skipped: skipped)
            for entry in entries {
                switch entry {
                case .file(let candidate):
                    run.files.append(candidate)
                case .folder(let path, let shown):
                    if !run.files.isEmpty || !run.skipped.isEmpty { runs.append(run) }
                    run.files = []
                    run.skipped = SkippedFiles()
                    walk(path, shown: shown)
                }
            }
            if !run.files.isEmpty || !run.skipped.isEmpty { runs.append(run) }
        }
    }

    /// The folder's identity and its article files and subfolders, sorted by name (hidden ones left
    /// out); nil when it cannot be opened. readdir and fstatat work relative to the open folder.
    ///
    /// The entry type readdir gives spares a stat for every entry but a symlink or one of unknown type
    /// (stat'ed for what it is). A corpus is often one flat folder of thousands of files, listed before
    /// any core can start reading: a big folder's entries are made on all cores.
    private static func list(
        _ path: String, shown: String, readers: ReaderRegistry, hidden: Bool
    ) -> (FolderIdentity, [Entry], SkippedFiles)? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let identity = FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        var names: [(name: String, type: UInt8)] = []
        var skipped = SkippedFiles()
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            if hidden || !name.hasPrefix(".") {
                names.append((name, entry.pointee.d_type))
            } else {
                skipped.hidden += 1
            }
        }
        names.sort { $0.name < $1.name }
        let folderPrefixLength = path.utf8.count + 1
        // A folder named by its absolute path shows its files as their paths: one string for both.
        let shownIsPath = shown == path && !shown.hasSuffix("/")
        func entries(_ range: Range<Int>) -> ([Entry], SkippedFiles) {
            var entries: [Entry] = []
            var skipped = SkippedFiles()
            for (name, type) in names[range] {
                let isArticle = readers.readsFile(named: name)
                var mode = type == directoryType ? S_IFDIR : type == regularType ? S_IFREG : 0
                if type == symlinkType || type == unknownType {
                    var info = Glibc.stat()
                    guard fstatat(descriptor, name, &info, 0) == 0 else { continue }
                    mode = info.st_mode & S_IFMT
                }
                guard mode == S_IFDIR || isArticle else {
                    if mode == S_IFREG { skipped.addOtherFormat(name: name) }
                    continue
                }
                let child = path + "/" + name
                let childShown = shownIsPath ? child : shown.hasSuffix("/") ? shown + name : shown + "/" + name
                if mode == S_IFDIR {
                    entries.append(.folder(path: child, shown: childShown))
                } else if isArticle {
                    entries.append(
                        .file(
                            Candidate(
                                path: child, displayName: childShown, explicit: false,
                                isKnownRegular: mode == S_IFREG, nameOffset: folderPrefixLength)))
                }
            }
            return (entries, skipped)
        }
        guard names.count >= 256 else {
            let (listed, skippedFiles) = entries(0..<names.count)
            skipped.add(skippedFiles)
            return (identity, listed, skipped)
        }
        let chunk = (names.count + ParallelMap.cores * 4 - 1) / (ParallelMap.cores * 4)
        let ranges = stride(from: 0, to: names.count, by: chunk).map { $0..<min(names.count, $0 + chunk) }
        let parts = ParallelMap.map(ranges, entries)
        for part in parts { skipped.add(part.1) }
        return (identity, parts.flatMap(\.0), skipped)
    }

    private static let directoryType = UInt8(DT_DIR)
    private static let regularType = UInt8(DT_REG)
    private static let symlinkType = UInt8(DT_LNK)
    private static let unknownType = UInt8(DT_UNKNOWN)
}
