#if canImport(Glibc)
    import Glibc
#endif

/// What gloss asks of glibc's allocator. A big load keeps text and postings and frees the garbage of
/// parsing in between; left alone, glibc keeps those freed pages resident, and they count towards the
/// peak memory of the load.
public enum Allocator {
    private typealias Trim = @convention(c) (Int) -> Int32
    private typealias Option = @convention(c) (Int32, Int32) -> Int32

    #if canImport(Glibc)
        nonisolated(unsafe) private static let library = dlopen(nil, RTLD_NOW)
        private static let trim: Trim? = dlsym(library, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
        private static let option: Option? = dlsym(library, "mallopt").map { unsafeBitCast($0, to: Option.self) }
    #else
        private static let trim: Trim? = nil
        private static let option: Option? = nil
    #endif

    /// Called once at start by the executables: blocks of 128 KiB and more (growing posting lists,
    /// arrays of units) get pages of their own, given back as soon as they are freed. Without it glibc
    /// raises that threshold after the first such free and serves them from the heap, where they linger.
    public static func configure() {
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        _ = option?(mmapThreshold, 128 << 10)
    }

    /// Gives pages that were freed back to the system.
    static func releaseFreedPages() {
        _ = trim?(0)
    }
}
