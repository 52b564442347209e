import Synchronization

/// Shares a list of files between the cores as contiguous parts, and keeps every core busy to the end:
/// a core whose part is done splits off the back half of the part with the most files left, as a part
/// of its own. Parts stay contiguous runs of the list, so their shards join the index in the list's
/// order, and no file needs to be measured beforehand to share the work fairly.
final class WorkSplitter: Sendable {
    struct Part: Sendable {
        var start: Int
        var next: Int
        var end: Int
    }

    private let parts: Mutex<[Part]>
    /// Parts made at the start, one per core; later ones come from splits.
    let initialPartCount: Int

    /// `count` files in `parts` parts of near-equal length.
    init(count: Int, parts partCount: Int) {
        let partCount = max(1, partCount)
        initialPartCount = partCount
        self.parts = Mutex(
            (0..<partCount).map { part in
                let start = count * part / partCount
                return Part(start: start, next: start, end: count * (part + 1) / partCount)
            })
    }

    /// The next file of `part`, or nil when the part is done.
    func next(in part: Int) -> Int? {
        parts.withLock { parts in
            guard parts[part].next < parts[part].end else { return nil }
            defer { parts[part].next += 1 }
            return parts[part].next
        }
    }

    /// Splits the back half off the part with the most files left, when it has at least `2 * minimum`
    /// left; returns the new part's number.
    func split(minimum: Int) -> Int? {
        parts.withLock { parts in
            guard let victim = parts.indices.max(by: { parts[$0].remaining < parts[$1].remaining }),
                parts[victim].remaining >= 2 * max(1, minimum)
            else { return nil }
            let middle = parts[victim].next + (parts[victim].remaining + 1) / 2
            parts.append(Part(start: middle, next: middle, end: parts[victim].end))
            parts[victim].end = middle
            return parts.count - 1
        }
    }

    /// Where `part` starts in the list (its place among the parts).
    func start(of part: Int) -> Int {
        parts.withLock { $0[part].start }
    }

    /// Every part as the range of the list it covered; they tile the list once all are done.
    var ranges: [Range<Int>] {
        parts.withLock { $0.map { $0.start..<$0.end } }
    }
}

extension WorkSplitter.Part {
    fileprivate var remaining: Int { end - next }
}
