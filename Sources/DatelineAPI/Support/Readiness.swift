import Synchronization

/// Whether the server wants new traffic. Drain turns it off at once so balancers stop sending.
public final class Readiness: Sendable {
    private let draining = Atomic<Bool>(false)

    public init() {}

    /// True once a drain has begun; `/ready` then answers 503.
    public var isDraining: Bool { draining.load(ordering: .relaxed) }

    /// Called on SIGTERM/SIGINT, before the grace period.
    public func beginDraining() { draining.store(true, ordering: .relaxed) }
}
