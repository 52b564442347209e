/// The positions of one word in the units of one shard that are still candidates, decoded once into
/// flat arrays (no allocation per unit).
struct PositionTable {
    var units: [Int32] = []
    /// Positions of unit `i` are `positions[starts[i]..<starts[i + 1]]`.
    var starts: [Int] = [0]
    var positions: [Int32] = []

    init(_ list: PostingList, keeping candidates: UnitSet) {
        list.bytes.withUnsafeBufferPointer { buffer in
            var cursor = 0
            var unit: Int32 = list.base - 1
            while cursor < buffer.count {
                unit += Int32(VarInt.read(buffer, &cursor))
                let header = PostingList.readHeader(buffer, &cursor)
                guard candidates.contains(unit) else {
                    PostingList.skipPositions(buffer, &cursor, header)
                    continue
                }
                PostingList.readPositions(buffer, &cursor, header) { positions.append($0) }
                units.append(unit)
                starts.append(positions.count)
            }
        }
    }

    func positions(at index: Int) -> ArraySlice<Int32> {
        positions[starts[index]..<starts[index + 1]]
    }
}
