import Synchronization

/// How far a running load has got: files read out of the files to read, counted by the load's cores.
/// The core never draws it; a front end that wants a progress bar polls `done` from a thread of its own.
public final class LoadProgress: Sendable {
    public let total: Int
    private let counter = Atomic<Int>(0)

    public init(total: Int) {
        self.total = total
    }

    public var done: Int { counter.load(ordering: .relaxed) }

    func advance(by count: Int = 1) {
        counter.add(count, ordering: .relaxed)
    }
}

/// Told when a load starts and ends (set by a front end that draws progress).
public protocol LoadProgressObserver: AnyObject {
    func loadStarted(_ progress: LoadProgress)
    func loadFinished(_ progress: LoadProgress)
}
