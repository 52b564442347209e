import Synchronization

/// Set from a signal handler's thread when the user presses Ctrl-C; long loops poll it and stop.
public final class CancellationFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public var isRaised: Bool { raised.load(ordering: .relaxed) }

    public func raise() { raised.store(true, ordering: .relaxed) }

    public func reset() { raised.store(false, ordering: .relaxed) }

    /// Throws the standard "interrupted" error when raised.
    public func check() throws(GlossError) {
        if isRaised { throw GlossError.interrupted }
    }
}

extension GlossError {
    public static let interrupted = GlossError("interrupted")
}
