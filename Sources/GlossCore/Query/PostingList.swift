/// The occurrences of one term in one index shard, compressed: for each unit, the unit id as a delta
/// from the previous one, the number of occurrences, then each position as a delta; all as varints.
struct PostingList {
    var bytes: [UInt8] = []
    var lastUnit: Int32 = -1
    var unitCount: Int32 = 0
    /// Added to the stored (shard-relative) ids when reading.
    var base: Int32 = 0

    mutating func append(unit: Int32, positions: ArraySlice<Int32>) {
        VarInt.append(UInt32(unit - lastUnit), to: &bytes)
        VarInt.append(UInt32(positions.count), to: &bytes)
        var previous: Int32 = 0
        for position in positions {
            VarInt.append(UInt32(position - previous), to: &bytes)
            previous = position
        }
        lastUnit = unit
        unitCount += 1
    }

    /// Calls `body` with each unit id and its occurrence count, skipping the positions.
    func forEachUnit(_ body: (Int32, Int) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = 0
            var unit: Int32 = base - 1
            while cursor < buffer.count {
                unit += Int32(VarInt.read(buffer, &cursor))
                let count = Int(VarInt.read(buffer, &cursor))
                for _ in 0..<count { _ = VarInt.read(buffer, &cursor) }
                body(unit, count)
            }
        }
    }

    /// Calls `body` with each unit id and its positions.
    func forEachUnitWithPositions(_ body: (Int32, [Int32]) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = 0
            var unit: Int32 = base - 1
            var positions: [Int32] = []
            while cursor < buffer.count {
                unit += Int32(VarInt.read(buffer, &cursor))
                let count = Int(VarInt.read(buffer, &cursor))
                positions.removeAll(keepingCapacity: true)
                var position: Int32 = 0
                for _ in 0..<count {
                    position += Int32(VarInt.read(buffer, &cursor))
                    positions.append(position)
                }
                body(unit, positions)
            }
        }
    }
}

/// LEB128 unsigned varints.
enum VarInt {
    @inline(__always)
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    @inline(__always)
    static func read(_ buffer: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> UInt32 {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            let byte = buffer[cursor]
            cursor += 1
            result |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }
}
