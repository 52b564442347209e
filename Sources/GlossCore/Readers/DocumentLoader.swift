import Crypto
import Foundation

/// Finds and reads article files: explicit files, directories (recursively, the extensions of
/// `ReaderRegistry`) and glob patterns, which gloss expands itself so scripts behave the same everywhere.
public enum DocumentLoader {
    public static var articleExtensions: Set<String> { Set(ReaderRegistry.standard.extensions) }

    /// One file to read: the path to open and the name to show in messages.
    public struct Candidate: Hashable, Sendable {
        public var path: String
        public var displayName: String
        /// Named by the user (an error fails the command) rather than found in a directory (skipped with a warning).
        public var explicit: Bool
        /// Seen to be a regular file (or a symlink to one) when its folder was walked.
        var isKnownRegular = false
        /// Where the file's name starts in `path` (UTF-8 offset), when a walk found it: its folder's
        /// path comes before.
        var nameOffset = 0
    }

    public struct Outcome: Sendable {
        public var documents: [Document] = []
        public var warnings: [String] = []
    }

    /// What a load worker collects the documents it reads into; the query side indexes them as they come.
    protocol LoadPart {
        init()
        mutating func add(_ document: Document)
        /// Called once the worker has read its share.
        mutating func finish()
        var isEmpty: Bool { get }
    }

    /// Files bigger than this are refused unless `set max-file-size` says otherwise: a file is read
    /// into memory whole, and articles are far smaller.
    public static let defaultMaximumFileSize = 256 << 20

    /// A file's bytes as read: never more than it held when it was opened.
    struct FileBytes {
        var bytes: [UInt8]
        /// The file was longer by the time its end was reached (something is writing it): only the
        /// bytes it held when opened were read.
        var grew = false
    }

    /// Expands the arguments of `load` into files, in a stable order. A corpus given as several
    /// folders has them walked at once, on all cores; a file reached by two arguments counts once,
    /// where it is first met, and an argument that fails fails the whole (the first in order).
    public static func candidates(
        for arguments: [String], baseDirectory: String, readers: ReaderRegistry = .standard
    ) throws(GlossError) -> [Candidate] {
        try expansion(for: arguments, baseDirectory: baseDirectory, readers: readers).candidates
    }

    /// The files, and what walking the folders passed over.
    /// `hidden` walks hidden files and folders too (names starting with a dot: `.github`).
    public static func expansion(
        for arguments: [String], baseDirectory: String, readers: ReaderRegistry = .standard, hidden: Bool = false
    ) throws(GlossError) -> (candidates: [Candidate], skipped: SkippedFiles) {
        let expansions = ParallelMap.map(arguments) { argument -> Result<([Candidate], SkippedFiles), GlossError> in
            do throws(GlossError) {
                var skipped = SkippedFiles()
                let candidates = try expand(
                    argument, baseDirectory: baseDirectory, readers: readers, hidden: hidden, skipped: &skipped)
                return .success((candidates, skipped))
            } catch {
                return .failure(error)
            }
        }
        var result: [Candidate] = []
        var skipped = SkippedFiles()
        let mayRepeat = mayNameAFileTwice(arguments, baseDirectory: baseDirectory)
        var seen: Set<String> = []
        for expansion in expansions {
            switch expansion {
            case .success(let (candidates, skippedHere)) where !mayRepeat:
                result += candidates
                skipped.add(skippedHere)
            case .success(let (candidates, skippedHere)):
                for candidate in candidates where seen.insert(candidate.path).inserted { result.append(candidate) }
                skipped.add(skippedHere)
            case .failure(let error):
                throw error
            }
        }
        return (result, skipped)
    }

    /// Whether two arguments may expand to the same path: a glob may (braces can repeat a match), and
    /// so may an argument whose path starts with another's (the same, or a folder and what is in it).
    /// Otherwise each expansion lists distinct paths of its own, and a big load is spared hashing every
    /// path to find none twice. Sorted, a path that starts with another follows it or one that does.
    private static func mayNameAFileTwice(_ arguments: [String], baseDirectory: String) -> Bool {
        var paths: [String] = []
        for argument in arguments {
            let expanded = expandTilde(argument)
            if containsGlob(expanded) { return true }
            paths.append(expanded.hasPrefix("/") ? expanded : baseDirectory + "/" + expanded)
        }
        paths.sort()
        return zip(paths, paths.dropFirst()).contains { $1.utf8.starts(with: $0.utf8) }
    }

    /// The files one argument of `load` names: itself, a directory's article files, or a glob's matches.
    static func expand(_ argument: String, baseDirectory: String, readers: ReaderRegistry = .standard)
        throws(GlossError) -> [Candidate]
    {
        var skipped = SkippedFiles()
        return try expand(argument, baseDirectory: baseDirectory, readers: readers, skipped: &skipped)
    }

    static func expand(
        _ argument: String, baseDirectory: String, readers: ReaderRegistry, hidden: Bool = false,
        skipped: inout SkippedFiles
    ) throws(GlossError) -> [Candidate] {
        let expanded = expandTilde(argument)
        let absolute = expanded.hasPrefix("/") ? expanded : baseDirectory + "/" + expanded
        if containsGlob(expanded) {
            let matches = glob(absolute)
            if matches.isEmpty { throw GlossError("\(argument): no files match this pattern") }
            var result: [Candidate] = []
            for match in matches {
                let shown = displayName(match, argument: argument, absolute: absolute)
                if isDirectory(match) {
                    result += try directoryFiles(
                        match, shownAs: shown, readers: readers, hidden: hidden, skipped: &skipped)
                } else {
                    result.append(Candidate(path: match, displayName: shown, explicit: true))
                }
            }
            return result
        }
        if isDirectory(absolute) {
            return try directoryFiles(absolute, shownAs: argument, readers: readers, hidden: hidden, skipped: &skipped)
        }
        return [Candidate(path: absolute, displayName: argument, explicit: true)]
    }

    /// Reads every candidate, in parallel, keeping their order. An explicit file that cannot be read
    /// fails the whole load; a file found in a directory is skipped with a warning.
    public static func load(
        _ candidates: [Candidate], readers: ReaderRegistry = .standard, maximumFileSize: Int = defaultMaximumFileSize
    ) throws(GlossError) -> Outcome {
        let results = ParallelMap.map(candidates) { candidate -> Result<(Document, [String]), GlossError> in
            do throws(GlossError) {
                return .success(try read(candidate, readers: readers, arena: nil, maximumFileSize: maximumFileSize))
            } catch {
                return .failure(error)
            }
        }
        var outcome = Outcome()
        for (candidate, result) in zip(candidates, results) {
            switch result {
            case .success(let (document, warnings)):
                outcome.documents.append(document)
                outcome.warnings += warnings
            case .failure(let error):
                if candidate.explicit { throw error }
                outcome.warnings.append("skipped \(error.message)")
            }
        }
        return outcome
    }

    /// Reads and parses on all cores, each core collecting its documents into parts (the query side
    /// indexes them as they come): the candidates are cut into one contiguous part per core; a core that
    /// is done early takes over the back half of the busiest part (`WorkSplitter`), so none waits for
    /// another. Errors follow `load`: an explicit file fails everything, a file from a directory is
    /// skipped. A part split off is at least `minimumPart` files: fewer are not worth a part of their own.
    static func loadParts<Part: LoadPart>(
        _ candidates: [Candidate], into _: Part.Type, readers: ReaderRegistry = .standard, minimumPart: Int = 64,
        maximumFileSize: Int = defaultMaximumFileSize, progress: LoadProgress? = nil
    ) throws(GlossError) -> (parts: [Part], warnings: [String]) {
        let splitter = WorkSplitter(count: candidates.count, parts: ParallelMap.cores)
        typealias Done = (start: Int, part: Part, warnings: [String], error: GlossError?)
        let results = ParallelMap.map(Array(0..<splitter.initialPartCount)) { first -> UncheckedBox<[Done]> in
            var done: [Done] = []
            var part: Int? = first
            while let current = part {
                var collected = Part()
                var warnings: [String] = []
                let arena = TextArena()
                let folders = FolderCursor()
                var failure: GlossError?
                var filesRead = 0
                while let index = splitter.next(in: current) {
                    // Counted 32 files at a time: the counter is shared by every core.
                    filesRead += 1
                    if filesRead & 31 == 0 { progress?.advance(by: 32) }
                    let candidate = candidates[index]
                    do throws(GlossError) {
                        let (document, documentWarnings) = try read(
                            candidate, readers: readers, arena: arena, folders: folders,
                            maximumFileSize: maximumFileSize)
                        collected.add(document)
                        warnings += documentWarnings
                    } catch {
                        // The rest of this part is left; the first failure in the list's order is
                        // the one reported, whichever core met it first.
                        if candidate.explicit {
                            failure = error
                            break
                        }
                        warnings.append("skipped \(error.message)")
                    }
                }
                progress?.advance(by: filesRead & 31)
                arena.seal()
                collected.finish()
                done.append((splitter.start(of: current), collected, warnings, failure))
                part = failure == nil ? splitter.split(minimum: minimumPart) : nil
            }
            return UncheckedBox(done)
        }
        let done = results.flatMap(\.value).sorted { $0.start < $1.start }
        if let error = done.lazy.compactMap(\.error).first { throw error }
        return (done.map(\.part).filter { !$0.isEmpty }, done.flatMap(\.warnings))
    }

    /// Reads and parses one file with the reader `readers` picks for it; returns it with the warnings met
    /// (not UTF-8, grew while read).
    public static func read(
        _ candidate: Candidate, readers: ReaderRegistry = .standard, maximumFileSize: Int = defaultMaximumFileSize
    ) throws(GlossError) -> (Document, [String]) {
        try read(candidate, readers: readers, arena: nil, maximumFileSize: maximumFileSize)
    }

    static func read(
        _ candidate: Candidate, readers: ReaderRegistry, arena: TextArena?, folders: FolderCursor? = nil,
        maximumFileSize: Int = defaultMaximumFileSize
    ) throws(GlossError) -> (Document, [String]) {
        // A big file is sniffed for NUL bytes before it is read, unless its extension names a reader of
        // a binary format (a DOCX, an EPUB or a PDF over 1 MiB would be refused as binary).
        let named = readers.reader(forExtension: pathExtension(candidate.path))
        let sniffs = named.map { $0 is any TextDocumentReader } ?? true
        let read =
            if candidate.isKnownRegular, let folders {
                try readWalkedBytes(candidate, folders: folders, maximumSize: maximumFileSize, sniffsBinary: sniffs)
            } else {
                try readFile(
                    candidate.path, name: candidate.displayName, knownRegular: candidate.isKnownRegular,
                    maximumSize: maximumFileSize, sniffsBinary: sniffs)
            }
        let bytes = read.bytes
        var warnings: [String] = []
        if read.grew {
            warnings.append(
                "\(candidate.displayName): grew while it was read; only its first \(bytes.count) bytes (its size when opened) were read"
            )
        }
        let reader = named ?? readers.reader(forPath: candidate.path, bytes: bytes)
        var builder = DocumentBuilder(format: reader.format, arena: arena)
        try reader.read(ReaderSource(bytes: bytes, name: candidate.displayName), into: &builder)
        var document = builder.finish()
        let sourcePath = sourcePath(of: candidate)
        document.sourcePath = sourcePath
        // One string for both when they are equal (a corpus loaded by absolute path).
        document.path = candidate.displayName == sourcePath ? sourcePath : candidate.displayName
        document.byteCount = bytes.count
        document.digest = ContentDigest(SHA256.hash(data: bytes))
        return (document, warnings + builder.warnings)
    }

    /// The path a document read from `candidate` records: standardized when it holds `.` or `..`.
    static func sourcePath(of candidate: Candidate) -> String {
        // Checked on bytes: String.contains(String) goes through Foundation, once per file of a load.
        var previous: UInt8 = 0
        for byte in candidate.path.utf8 {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") {
                return URL(fileURLWithPath: candidate.path).standardizedFileURL.path
            }
            previous = byte
        }
        return candidate.path
    }

    /// Reads a text with the reader of an extension (plain text when none reads it), as `load` would
    /// read a file of that name holding it.
    public static func parse(_ text: String, pathExtension: String) -> Document {
        parse(text, pathExtension: pathExtension, arena: nil)
    }

    static func parse(_ text: String, pathExtension: String, arena: TextArena?) -> Document {
        let reader = ReaderRegistry.standard.reader(forExtension: pathExtension) ?? PlainTextReader()
        var builder = DocumentBuilder(format: reader.format, arena: arena)
        if let textReader = reader as? any TextDocumentReader {
            textReader.read(text: text, into: &builder)
        } else {
            try? reader.read(ReaderSource(bytes: Array(text.utf8), name: "text." + pathExtension), into: &builder)
        }
        return builder.finish()
    }

    // MARK: - Files

    /// The bytes of a regular file (see `readFile`).
    static func readBytes(
        _ path: String, name: String, knownRegular: Bool = false, maximumSize: Int = defaultMaximumFileSize
    ) throws(GlossError) -> [UInt8] {
        try readFile(path, name: name, knownRegular: knownRegular, maximumSize: maximumSize).bytes
    }

    /// The bytes of a regular file. A file found by walking a folder was seen to be one there, so it is
    /// opened without a `stat` first (one path lookup fewer per file of a big load); a named file is
    /// checked before it is opened, as opening a device or a FIFO can block or have effects.
    static func readFile(
        _ path: String, name: String, knownRegular: Bool = false, maximumSize: Int = defaultMaximumFileSize,
        sniffsBinary: Bool = true
    ) throws(GlossError) -> FileBytes {
        var info = stat()
        if !knownRegular {
            if stat(path, &info) != 0 { throw GlossError("\(name): \(SystemError.describe(errno: errno))") }
            try checkRegular(info, name: name)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (knownRegular ? O_NONBLOCK : 0))
        if descriptor < 0 { throw GlossError("\(name): \(SystemError.describe(errno: errno))") }
        defer { close(descriptor) }
        if fstat(descriptor, &info) != 0 { throw GlossError("\(name): \(SystemError.describe(errno: errno))") }
        // Checked again on what was opened: the path may have changed since it was walked.
        try checkRegular(info, name: name)
        return try readOpened(
            descriptor, size: Int(info.st_size), name: name, maximumSize: maximumSize, sizeIsExact: false,
            sniffsBinary: sniffsBinary)
    }

    /// The bytes of a file that a walk of its folder found to be a regular file. Each file of a big
    /// load costs system calls, so this one is opened relative to its open folder (one name to look up
    /// rather than every component of the path), stat'ed only once open, and not read again to meet its
    /// end when it has the size `fstat` gave. Opened non-blocking and checked once open: should a FIFO
    /// or a device have taken its place since the walk, it is neither waited on nor read.
    static func readWalkedBytes(
        _ candidate: Candidate, folders: FolderCursor, maximumSize: Int = defaultMaximumFileSize,
        sniffsBinary: Bool = true
    ) throws(GlossError) -> FileBytes {
        let folder = folders.descriptor(forFolderOf: candidate)
        let descriptor = candidate.path.withCString { path in
            openat(folder, path + (folder == AT_FDCWD ? 0 : candidate.nameOffset), O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        }
        if descriptor < 0 { throw GlossError("\(candidate.displayName): \(SystemError.describe(errno: errno))") }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) != 0 {
            throw GlossError("\(candidate.displayName): \(SystemError.describe(errno: errno))")
        }
        try checkRegular(info, name: candidate.displayName)
        return try readOpened(
            descriptor, size: Int(info.st_size), name: candidate.displayName, maximumSize: maximumSize,
            sizeIsExact: true, sniffsBinary: sniffsBinary)
    }

    /// Files bigger than this have their first `sniffSize` bytes checked for a NUL before the rest is
    /// read (a binary file is refused without reading gigabytes); smaller ones are read in one go.
    static let sniffThreshold = 1 << 20
    static let sniffSize = 64 << 10

    /// Reads an open regular file that `fstat` said has `size` bytes: that many at most, into an array
    /// of that size plus a byte to notice that it grew meanwhile (what it grew by is not read: a file
    /// that keeps growing would be read forever). A file whose size says nothing of its length (/proc
    /// reports 0) is read to its end, within `maximumSize`. With `sizeIsExact`, a read that reaches
    /// `size` is taken as the end, without another read to meet it.
    static func readOpened(
        _ descriptor: Int32, size: Int, name: String, maximumSize: Int, sizeIsExact: Bool, sniffsBinary: Bool = true
    ) throws(GlossError) -> FileBytes {
        guard size <= maximumSize else { throw tooBig(name, size: size, maximumSize: maximumSize) }
        var failure: Int32 = 0
        var prefix: [UInt8] = []
        if size > sniffThreshold {
            prefix = [UInt8](unsafeUninitializedCapacity: sniffSize) { buffer, count in
                count = readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer), failure: &failure)
            }
            if failure != 0 { throw GlossError("\(name): \(SystemError.describe(errno: failure))") }
            if sniffsBinary {
                try prefix.withUnsafeBufferPointer { bytes throws(GlossError) in
                    try SourceDecoder.refuseBinary(bytes, name: name)
                }
            }
            // Swift stops the program when an array cannot be allocated: ask the allocator first.
            guard let probe = malloc(size + 1) else {
                throw GlossError("\(name): not enough memory to read its \(ByteSize.describe(size))")
            }
            free(probe)
        }
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            let start = prefix.count
            if start > 0 { _ = UnsafeMutableBufferPointer(rebasing: buffer[..<start]).initialize(from: prefix) }
            count = start
            // A sniff that met the end early read the whole file (it shrank since fstat).
            if start == 0 || start == sniffSize {
                let rest = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[start...])
                count += readFully(
                    descriptor, into: rest, failure: &failure, expected: sizeIsExact ? size - start : nil)
            }
        }
        if failure != 0 { throw GlossError("\(name): \(SystemError.describe(errno: failure))") }
        guard bytes.count == size + 1 else { return FileBytes(bytes: bytes) }
        if size > 0 {
            bytes.removeLast()
            return FileBytes(bytes: bytes, grew: true)
        }
        try readRest(descriptor, into: &bytes, maximumSize: maximumSize, name: name, failure: &failure)
        if failure != 0 { throw GlossError("\(name): \(SystemError.describe(errno: failure))") }
        return FileBytes(bytes: bytes)
    }

    /// `size`: how big the file is, or nil when it has more than `maximumSize` and its size is unknown.
    private static func tooBig(_ name: String, size: Int?, maximumSize: Int) -> GlossError {
        let described = size.map(ByteSize.describe) ?? "more than " + ByteSize.describe(maximumSize)
        let enough = ByteSize.settingAtLeast(size ?? maximumSize * 2)
        return GlossError(
            "\(name): \(described) is over the \(ByteSize.describe(maximumSize)) limit (set max-file-size \(enough) to read it)"
        )
    }

    /// Reads on in chunks a file whose size said nothing of its length, up to `maximumSize`; its first
    /// chunk is checked for a NUL as a big file's is (such a /proc file may be binary, and endless).
    private static func readRest(
        _ descriptor: Int32, into bytes: inout [UInt8], maximumSize: Int, name: String, failure: inout Int32
    ) throws(GlossError) {
        var chunk = [UInt8](repeating: 0, count: sniffSize)
        var first = true
        while failure == 0 {
            let count = chunk.withUnsafeMutableBytes { readFully(descriptor, into: $0, failure: &failure) }
            bytes.append(contentsOf: chunk[..<count])
            if first {
                try bytes.withUnsafeBufferPointer { bytes throws(GlossError) in
                    try SourceDecoder.refuseBinary(bytes, name: name)
                }
                first = false
            }
            if bytes.count > maximumSize { throw tooBig(name, size: nil, maximumSize: maximumSize) }
            if count < chunk.count { break }
        }
    }

    /// Reads until `buffer` is full or the file ends; returns the bytes read. Sets `failure` to the
    /// errno of a failed read. A short read that brings the total to `expected` (the file's size) is
    /// taken as its end, without another read to see it.
    private static func readFully(
        _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, failure: inout Int32, expected: Int? = nil
    ) -> Int {
        var total = 0
        while total < buffer.count {
            let count = Glibc.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                return total
            }
            if count == 0 { break }
            total += count
            if total == expected { break }
        }
        return total
    }

    private static func checkRegular(_ info: stat, name: String) throws(GlossError) {
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw GlossError("\(name): is a directory") }
        if type != S_IFREG {
            let what =
                type == S_IFIFO ? "a FIFO" : type == S_IFCHR || type == S_IFBLK ? "a device" : "not a regular file"
            throw GlossError("\(name): is \(what); gloss reads regular files only")
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The extension of a path's last component, found on its bytes from the end.
    static func pathExtension(_ path: String) -> String {
        let bytes = path.utf8
        var index = bytes.endIndex
        while index > bytes.startIndex {
            let previous = bytes.index(before: index)
            switch bytes[previous] {
            case UInt8(ascii: "/"):
                return ""
            case UInt8(ascii: "."):
                // A leading dot (".profile") names a hidden file, not an extension.
                if previous == bytes.startIndex || bytes[bytes.index(before: previous)] == UInt8(ascii: "/") {
                    return ""
                }
                return String(path[index...])
            default:
                index = previous
            }
        }
        return ""
    }

    /// Article files under a directory (see `FolderWalk`).
    static func directoryFiles(
        _ directory: String, shownAs shown: String, readers: ReaderRegistry, hidden: Bool = false,
        skipped: inout SkippedFiles
    ) throws(GlossError) -> [Candidate] {
        var info = stat()
        guard stat(directory, &info) == 0 else { throw GlossError("\(shown): \(SystemError.describe(errno: errno))") }
        guard access(directory, R_OK | X_OK) == 0 else { throw GlossError("\(shown): permission denied") }
        return FolderWalk.files(under: directory, shownAs: shown, readers: readers, hidden: hidden, skipped: &skipped)
    }

    static func containsGlob(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" || $0 == "{" }
    }

    static func expandTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        return home + path.dropFirst()
    }

    /// Matches of a glob pattern, sorted.
    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, GLOB_BRACE, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }

    /// Shows a glob match the way the user wrote the pattern (relative when the pattern was).
    private static func displayName(_ match: String, argument: String, absolute: String) -> String {
        let prefixLength = absolute.count - argument.count
        guard prefixLength >= 0, match.hasPrefix(String(absolute.prefix(prefixLength))) else { return match }
        return String(match.dropFirst(prefixLength))
    }
}
