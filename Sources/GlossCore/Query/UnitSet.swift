/// A set of unit ids. Views, filters and query results are all sets of units; most are either tiny
/// (a rare word) or large (a common word, a whole view), so a set is stored as a sorted id list while
/// small and as a bitset once it holds more than one id per 64 units. Operations cost what the
/// smaller operand costs, so a rare word over a 400,000-unit corpus takes microseconds.
public struct UnitSet: Hashable, Sendable {
    public private(set) var capacity: Int
    private var storage: Storage

    private enum Storage: Hashable, Sendable {
        /// Sorted, unique ids.
        case sparse([Int32])
        /// One bit per unit, and the number of bits set.
        case dense([UInt64], count: Int)
    }

    public init(capacity: Int) {
        self.capacity = capacity
        storage = .sparse([])
    }

    public static func all(_ capacity: Int) -> UnitSet {
        var words = [UInt64](repeating: ~0, count: (capacity + 63) / 64)
        let extra = words.count * 64 - capacity
        if extra > 0, !words.isEmpty { words[words.count - 1] &= ~0 >> UInt64(extra) }
        var set = UnitSet(capacity: capacity)
        set.storage = .dense(words, count: capacity)
        return set
    }

    public init<S: Sequence>(capacity: Int, _ ids: S) where S.Element == Int32 {
        self.init(capacity: capacity)
        var list = Array(ids)
        if !list.isSorted { list.sort() }
        self.init(capacity: capacity, sortedUnique: list.uniquedSorted())
    }

    /// From ids already sorted and unique (posting lists give them so).
    init(capacity: Int, sortedUnique ids: [Int32]) {
        self.capacity = capacity
        storage = .sparse(ids)
        compact()
    }

    private var densityLimit: Int { max(64, capacity / 64) }

    /// Keeps the cheaper form.
    private mutating func compact() {
        switch storage {
        case .sparse(let ids) where ids.count > densityLimit:
            var words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
            for id in ids { words[Int(id) >> 6] |= 1 << UInt64(id & 63) }
            storage = .dense(words, count: ids.count)
        case .dense(let words, let count) where count <= densityLimit / 2:
            var ids: [Int32] = []
            ids.reserveCapacity(count)
            Self.forEach(words) { ids.append($0) }
            storage = .sparse(ids)
        default:
            break
        }
    }

    public mutating func insert(_ id: Int32) {
        switch storage {
        case .sparse(var ids):
            storage = .sparse([])
            if let last = ids.last, last >= id {
                let position = ids.lowerBound(of: id)
                if position < ids.count, ids[position] == id {
                    storage = .sparse(ids)
                    return
                }
                ids.insert(id, at: position)
            } else {
                ids.append(id)
            }
            storage = .sparse(ids)
            if ids.count > densityLimit { compact() }
        case .dense(var words, let count):
            storage = .sparse([])
            let mask: UInt64 = 1 << UInt64(id & 63)
            let isNew = words[Int(id) >> 6] & mask == 0
            words[Int(id) >> 6] |= mask
            storage = .dense(words, count: count + (isNew ? 1 : 0))
        }
    }

    public mutating func remove(_ id: Int32) {
        switch storage {
        case .sparse(var ids):
            let position = ids.lowerBound(of: id)
            guard position < ids.count, ids[position] == id else { return }
            storage = .sparse([])
            ids.remove(at: position)
            storage = .sparse(ids)
        case .dense(var words, let count):
            let mask: UInt64 = 1 << UInt64(id & 63)
            guard words[Int(id) >> 6] & mask != 0 else { return }
            storage = .sparse([])
            words[Int(id) >> 6] &= ~mask
            storage = .dense(words, count: count - 1)
        }
    }

    public func contains(_ id: Int32) -> Bool {
        guard id >= 0, Int(id) < capacity else { return false }
        switch storage {
        case .sparse(let ids):
            let position = ids.lowerBound(of: id)
            return position < ids.count && ids[position] == id
        case .dense(let words, _):
            return words[Int(id) >> 6] & (1 << UInt64(id & 63)) != 0
        }
    }

    public var count: Int {
        switch storage {
        case .sparse(let ids): return ids.count
        case .dense(_, let count): return count
        }
    }

    public var isEmpty: Bool { count == 0 }

    /// Grows to cover newly added units (new ids are not in the set).
    public mutating func grow(to newCapacity: Int) {
        guard newCapacity > capacity else { return }
        capacity = newCapacity
        if case .dense(var words, let count) = storage {
            storage = .sparse([])
            words.append(contentsOf: repeatElement(0, count: (newCapacity + 63) / 64 - words.count))
            storage = .dense(words, count: count)
        }
    }

    // MARK: - Set algebra

    public mutating func formIntersection(_ other: UnitSet) {
        self = intersection(other)
    }

    public mutating func formUnion(_ other: UnitSet) {
        self = union(other)
    }

    public mutating func subtract(_ other: UnitSet) {
        self = subtracting(other)
    }

    public func intersection(_ other: UnitSet) -> UnitSet {
        precondition(other.capacity == capacity)
        switch (storage, other.storage) {
        case (.sparse(let a), .sparse(let b)):
            return UnitSet(
                capacity: capacity, sortedUnique: Self.merge(a, b, keepOnlyA: false, keepOnlyB: false, keepBoth: true))
        case (.sparse(let a), .dense):
            return UnitSet(capacity: capacity, sortedUnique: a.filter(other.contains))
        case (.dense, .sparse(let b)):
            return UnitSet(capacity: capacity, sortedUnique: b.filter(contains))
        case (.dense(let a, _), .dense(let b, _)):
            return Self.dense(capacity, zip(a, b).map { $0 & $1 })
        }
    }

    public func union(_ other: UnitSet) -> UnitSet {
        precondition(other.capacity == capacity)
        switch (storage, other.storage) {
        case (.sparse(let a), .sparse(let b)):
            return UnitSet(
                capacity: capacity, sortedUnique: Self.merge(a, b, keepOnlyA: true, keepOnlyB: true, keepBoth: true))
        case (.sparse(let ids), .dense(let words, _)), (.dense(let words, _), .sparse(let ids)):
            var words = words
            for id in ids { words[Int(id) >> 6] |= 1 << UInt64(id & 63) }
            return Self.dense(capacity, words)
        case (.dense(let a, _), .dense(let b, _)):
            return Self.dense(capacity, zip(a, b).map { $0 | $1 })
        }
    }

    public func subtracting(_ other: UnitSet) -> UnitSet {
        precondition(other.capacity == capacity)
        switch (storage, other.storage) {
        case (.sparse(let a), .sparse(let b)):
            return UnitSet(
                capacity: capacity, sortedUnique: Self.merge(a, b, keepOnlyA: true, keepOnlyB: false, keepBoth: false))
        case (.sparse(let a), .dense):
            return UnitSet(capacity: capacity, sortedUnique: a.filter { !other.contains($0) })
        case (.dense(var words, _), .sparse(let ids)):
            for id in ids { words[Int(id) >> 6] &= ~(1 << UInt64(id & 63)) }
            return Self.dense(capacity, words)
        case (.dense(let a, _), .dense(let b, _)):
            return Self.dense(capacity, zip(a, b).map { $0 & ~$1 })
        }
    }

    private static func dense(_ capacity: Int, _ words: [UInt64]) -> UnitSet {
        var set = UnitSet(capacity: capacity)
        set.storage = .dense(words, count: words.reduce(0) { $0 + $1.nonzeroBitCount })
        set.compact()
        return set
    }

    /// One pass over two sorted lists, keeping ids by where they occur.
    private static func merge(_ a: [Int32], _ b: [Int32], keepOnlyA: Bool, keepOnlyB: Bool, keepBoth: Bool) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(keepOnlyA || keepOnlyB ? a.count + b.count : min(a.count, b.count))
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                if keepBoth { result.append(a[i]) }
                i += 1
                j += 1
            } else if a[i] < b[j] {
                if keepOnlyA { result.append(a[i]) }
                i += 1
            } else {
                if keepOnlyB { result.append(b[j]) }
                j += 1
            }
        }
        if keepOnlyA { result.append(contentsOf: a[i...]) }
        if keepOnlyB { result.append(contentsOf: b[j...]) }
        return result
    }

    // MARK: - Iteration

    /// Ids in increasing order.
    public var ids: [Int32] {
        switch storage {
        case .sparse(let ids): return ids
        case .dense(let words, let count):
            var result: [Int32] = []
            result.reserveCapacity(count)
            Self.forEach(words) { result.append($0) }
            return result
        }
    }

    public func forEach(_ body: (Int32) -> Void) {
        switch storage {
        case .sparse(let ids): ids.forEach(body)
        case .dense(let words, _): Self.forEach(words, body)
        }
    }

    private static func forEach(_ words: [UInt64], _ body: (Int32) -> Void) {
        for (wordIndex, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                body(Int32(wordIndex << 6 | bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
    }

    public static func == (lhs: UnitSet, rhs: UnitSet) -> Bool {
        lhs.capacity == rhs.capacity && lhs.count == rhs.count && lhs.ids == rhs.ids
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(capacity)
        hasher.combine(ids)
    }
}

extension Array where Element == Int32 {
    /// First position whose id is not less than `id`.
    func lowerBound(of id: Int32) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
    }

    var isSorted: Bool {
        zip(self, dropFirst()).allSatisfy { $0 <= $1 }
    }

    func uniquedSorted() -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(count)
        for id in self where result.last != id { result.append(id) }
        return result
    }
}
