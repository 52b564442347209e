/// The occurrences of one term in one index shard, compressed: for each unit, the unit id as a delta
/// from the previous one, then a header, then the positions as deltas; all as varints. Most words occur
/// once in a unit, so the header carries that one position itself (`position << 1 | 1`); otherwise it
/// is `count << 1` and the positions follow.
struct PostingList {
    var bytes: [UInt8] = []
    var lastUnit: Int32 = -1
    var unitCount: Int32 = 0
    /// Added to the stored (shard-relative) ids when reading.
    var base: Int32 = 0

    /// The most bytes `append(_:encodingIn:)` writes for `count` occurrences: 5 per varint, a unit
    /// delta and a header per unit, one per position.
    static func encodedCapacity(_ count: Int) -> Int { count * 15 }

    /// Appends occurrences given as `unit << 32 | position`, sorted, units after those already here.
    /// Encodes into `buffer` (at least `encodedCapacity` bytes) and appends that whole: one append per batch.
    mutating func append(
        _ occurrences: UnsafeBufferPointer<UInt64>, encodingIn buffer: UnsafeMutableBufferPointer<UInt8>
    ) {
        guard !occurrences.isEmpty else { return }
        var cursor = 0
        do {
            var index = 0
            while index < occurrences.count {
                let unit = Int32(truncatingIfNeeded: occurrences[index] >> 32)
                var end = index + 1
                while end < occurrences.count, occurrences[end] >> 32 == occurrences[index] >> 32 { end += 1 }
                VarInt.write(UInt32(bitPattern: unit - lastUnit), to: buffer, at: &cursor)
                lastUnit = unit
                unitCount += 1
                if end - index == 1 {
                    VarInt.write(UInt32(truncatingIfNeeded: occurrences[index]) << 1 | 1, to: buffer, at: &cursor)
                } else {
                    VarInt.write(UInt32(end - index) << 1, to: buffer, at: &cursor)
                    var previous: UInt32 = 0
                    for occurrence in index..<end {
                        let position = UInt32(truncatingIfNeeded: occurrences[occurrence])
                        VarInt.write(position - previous, to: buffer, at: &cursor)
                        previous = position
                    }
                }
                index = end
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<cursor]))
    }

    /// Reads a unit's header: its occurrence count, and the position when there is just one.
    @inline(__always)
    static func readHeader(_ buffer: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> (count: Int, single: Int32?) {
        let header = VarInt.read(buffer, &cursor)
        return header & 1 == 1 ? (1, Int32(header >> 1)) : (Int(header >> 1), nil)
    }

    /// Reads the positions that follow a header (none when the header held the only one).
    @inline(__always)
    static func readPositions(
        _ buffer: UnsafeBufferPointer<UInt8>, _ cursor: inout Int, _ header: (count: Int, single: Int32?),
        _ body: (Int32) -> Void
    ) {
        if let single = header.single {
            body(single)
            return
        }
        var position: Int32 = 0
        for _ in 0..<header.count {
            position += Int32(VarInt.read(buffer, &cursor))
            body(position)
        }
    }

    @inline(__always)
    static func skipPositions(
        _ buffer: UnsafeBufferPointer<UInt8>, _ cursor: inout Int, _ header: (count: Int, single: Int32?)
    ) {
        guard header.single == nil else { return }
        for _ in 0..<header.count {
            while buffer[cursor] >= 0x80 { cursor += 1 }
            cursor += 1
        }
    }

    /// Calls `body` with each unit id and its occurrence count, skipping the positions.
    func forEachUnit(_ body: (Int32, Int) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = 0
            var unit: Int32 = base - 1
            while cursor < buffer.count {
                unit += Int32(VarInt.read(buffer, &cursor))
                let header = Self.readHeader(buffer, &cursor)
                Self.skipPositions(buffer, &cursor, header)
                body(unit, header.count)
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
                positions.removeAll(keepingCapacity: true)
                Self.readPositions(buffer, &cursor, Self.readHeader(buffer, &cursor)) { positions.append($0) }
                body(unit, positions)
            }
        }
    }
}

/// LEB128 unsigned varints.
enum VarInt {
    @inline(__always)
    static func write(_ value: UInt32, to buffer: UnsafeMutableBufferPointer<UInt8>, at cursor: inout Int) {
        var value = value
        while value >= 0x80 {
            buffer[cursor] = UInt8(truncatingIfNeeded: value) | 0x80
            cursor += 1
            value >>= 7
        }
        buffer[cursor] = UInt8(value)
        cursor += 1
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
