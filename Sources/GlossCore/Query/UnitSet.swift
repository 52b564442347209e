/// A set of unit ids as a bitset: views, filters and query results are all sets of units, and with a
/// few hundred thousand units, bitwise AND/OR/NOT over words beats any list merge.
public struct UnitSet: Hashable, Sendable {
    public private(set) var capacity: Int
    private var words: [UInt64]

    public init(capacity: Int) {
        self.capacity = capacity
        words = Array(repeating: 0, count: (capacity + 63) / 64)
    }

    public static func all(_ capacity: Int) -> UnitSet {
        var set = UnitSet(capacity: capacity)
        for index in set.words.indices { set.words[index] = ~0 }
        set.clearTail()
        return set
    }

    public init<S: Sequence>(capacity: Int, _ ids: S) where S.Element == Int32 {
        self.init(capacity: capacity)
        for id in ids { insert(id) }
    }

    @inline(__always)
    public mutating func insert(_ id: Int32) {
        words[Int(id) >> 6] |= 1 << UInt64(id & 63)
    }

    @inline(__always)
    public mutating func remove(_ id: Int32) {
        words[Int(id) >> 6] &= ~(1 << UInt64(id & 63))
    }

    @inline(__always)
    public func contains(_ id: Int32) -> Bool {
        guard id >= 0, Int(id) < capacity else { return false }
        return words[Int(id) >> 6] & (1 << UInt64(id & 63)) != 0
    }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Grows to cover newly added units (new bits are clear).
    public mutating func grow(to newCapacity: Int) {
        guard newCapacity > capacity else { return }
        capacity = newCapacity
        words.append(contentsOf: repeatElement(0, count: (newCapacity + 63) / 64 - words.count))
    }

    public mutating func formIntersection(_ other: UnitSet) {
        precondition(other.capacity == capacity)
        for index in words.indices { words[index] &= other.words[index] }
    }

    public mutating func formUnion(_ other: UnitSet) {
        precondition(other.capacity == capacity)
        for index in words.indices { words[index] |= other.words[index] }
    }

    public mutating func subtract(_ other: UnitSet) {
        precondition(other.capacity == capacity)
        for index in words.indices { words[index] &= ~other.words[index] }
    }

    public func intersection(_ other: UnitSet) -> UnitSet {
        var copy = self
        copy.formIntersection(other)
        return copy
    }

    public func union(_ other: UnitSet) -> UnitSet {
        var copy = self
        copy.formUnion(other)
        return copy
    }

    public func subtracting(_ other: UnitSet) -> UnitSet {
        var copy = self
        copy.subtract(other)
        return copy
    }

    /// Ids in increasing order.
    public var ids: [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(count)
        forEach { result.append($0) }
        return result
    }

    public func forEach(_ body: (Int32) -> Void) {
        for (wordIndex, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                body(Int32(wordIndex << 6 | bit))
                bits &= bits - 1
            }
        }
    }

    private mutating func clearTail() {
        let extra = words.count * 64 - capacity
        if extra > 0, !words.isEmpty { words[words.count - 1] &= ~0 >> UInt64(extra) }
    }
}
