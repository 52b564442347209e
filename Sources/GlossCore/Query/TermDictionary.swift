import Glibc

/// Maps folded words (as UTF-8 bytes) to dense ids without allocating a String per lookup: the
/// index build looks up every word of the corpus, so this is its hottest loop.
struct TermDictionary {
    /// Term bytes, back to back; term `i` spans `start(i)..<start(i + 1)`.
    private var arena: [UInt8] = []
    /// Per term, its start in `arena` (low 32 bits) and its hash (high 32 bits), plus one entry for the
    /// end of the last term: one array, so a probe reads both from one cache line.
    private var entries: [UInt64] = Self.initialEntries
    /// Open addressing; each slot holds a term id + 1, 0 when empty.
    private var slots: [Int32] = Self.initialSlots
    /// A direct-mapped cache of short terms met lately: each up to 8 bytes, zero-padded into one word
    /// (words hold no NUL, so the word alone tells the term), with its id. Most words of a text are a
    /// few hundred short ones, found here with one load instead of a probe of the table (4 KiB, so it
    /// stays in the first-level cache while a load runs).
    private var recentKeys: [UInt64] = Self.initialRecentKeys
    private var recentIDs: [Int32] = Self.initialRecentIDs

    // Shared until first written: an empty dictionary allocates nothing (shards make one per batch).
    private static let initialEntries: [UInt64] = [0]
    private static let initialSlots = [Int32](repeating: 0, count: 1024)
    private static let recentCount = 1024
    private static let initialRecentKeys = [UInt64](repeating: 0, count: recentCount)
    private static let initialRecentIDs = [Int32](repeating: 0, count: recentCount)

    var count: Int { entries.count - 1 }

    @inline(__always) private func start(_ id: Int) -> Int { Int(UInt32(truncatingIfNeeded: entries[id])) }
    @inline(__always) private func hash(_ id: Int) -> UInt32 { UInt32(truncatingIfNeeded: entries[id] >> 32) }

    /// Drops the spare capacity of the growing arrays.
    mutating func compact() {
        arena = arena.withUnsafeBufferPointer { Array($0) }
        entries = entries.withUnsafeBufferPointer { Array($0) }
    }

    func term(_ id: Int32) -> String {
        let range = start(Int(id))..<start(Int(id) + 1)
        return String(decoding: arena[range], as: UTF8.self)
    }

    /// Bytes of term `id`, for scans over the vocabulary.
    func withTermBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = start(id)..<start(id + 1)
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Every id, ordered by the bytes of its term: an order that does not depend on insertion order.
    func idsInByteOrder() -> [Int32] {
        var ids = (0..<Int32(count)).map { $0 }
        arena.withUnsafeBufferPointer { arena in
            entries.withUnsafeBufferPointer { entries in
                func range(_ id: Int32) -> (Int, Int) {
                    let start = Int(UInt32(truncatingIfNeeded: entries[Int(id)]))
                    return (start, Int(UInt32(truncatingIfNeeded: entries[Int(id) + 1])) - start)
                }
                ids.sort { a, b in
                    let (startA, lengthA) = range(a)
                    let (startB, lengthB) = range(b)
                    let order = memcmp(arena.baseAddress! + startA, arena.baseAddress! + startB, min(lengthA, lengthB))
                    return order != 0 ? order < 0 : lengthA < lengthB
                }
            }
        }
        return ids
    }

    func id(of term: String) -> Int32? {
        var term = term
        return term.withUTF8 { lookup($0) }
    }

    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let id = Int(entry - 1)
            if self.hash(id) == hash && equals(id, bytes) { return Int32(id) }
            slot = (slot + 1) & mask
        }
    }

    /// The id of `bytes`, adding the term when new.
    @inline(__always)
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        guard bytes.count <= 8, bytes.count > 0 else { return insertInTable(bytes) }
        var key: UInt64 = 0
        for index in 0..<bytes.count { key |= UInt64(bytes[index]) << UInt64(index &* 8) }
        let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54)
        if recentKeys[slot] == key { return (recentIDs[slot], false) }
        let found = insertInTable(bytes)
        recentKeys[slot] = key
        recentIDs[slot] = found.id
        return found
    }

    private mutating func insertInTable(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if self.hash(id) == hash && equals(id, bytes) { return (Int32(id), false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        arena.append(contentsOf: bytes)
        entries[Int(id)] |= UInt64(hash) << 32
        entries.append(UInt64(UInt32(arena.count)))
        slots[slot] = id + 1
        if count * 2 > slots.count { grow() }
        return (id, true)
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = start(id)
        let length = self.start(id + 1) - start
        guard length == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            memcmpEqual(arena.baseAddress! + start, bytes.baseAddress, length)
        }
    }

    private mutating func grow() {
        var newSlots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = newSlots.count - 1
        for id in 0..<count {
            var slot = Int(hash(id)) & mask
            while newSlots[slot] != 0 { slot = (slot + 1) & mask }
            newSlots[slot] = Int32(id + 1)
        }
        slots = newSlots
    }

    /// Multiply-and-fold over 8 bytes at a time: words are short, and byte-at-a-time hashing was a
    /// measurable share of a load.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
            hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            hash ^= hash >> 29
        }
        hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}

/// Short words (most) are compared inline: a call to memcmp costs more than the comparison.
@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ length: Int) -> Bool {
    guard length > 0, let b else { return true }
    if length <= 12 {
        for index in 0..<length where a[index] != b[index] { return false }
        return true
    }
    return memcmp(a, b, length) == 0
}
