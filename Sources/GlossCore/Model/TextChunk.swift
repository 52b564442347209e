/// A block of UTF-8 bytes shared by the texts of many passages. Bytes once appended never change, so
/// any thread may read them after the chunk's writer has handed its texts over.
final class TextChunk: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    private(set) var used = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var room: Int { capacity - used }

    /// Copies bytes to the end of the chunk (the caller checked `room`); returns where they start.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let offset = used
        if let source = bytes.baseAddress, !bytes.isEmpty {
            (base + offset).update(from: source, count: bytes.count)
        }
        used += bytes.count
        return offset
    }

    /// Gives back the unused end; only while no other thread reads the chunk.
    func shrinkToFit() {
        guard capacity - used > 64 else { return }
        let exact = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, used))
        exact.update(from: base, count: used)
        base.deallocate()
        base = exact
        capacity = max(1, used)
    }
}
