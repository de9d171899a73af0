import Synchronization

/// A snapshot of the server's counters (for metrics and tests).
public struct ServerStatistics: Sendable, Equatable {
    public var openConnections: Int
    /// Of the open connections, those speaking HTTP/2.
    public var openHTTP2Connections: Int
    public var acceptedConnections: Int
    /// Connections closed at once because `maxConnections` were open.
    public var rejectedConnections: Int
    public var requests: Int
    /// Requests refused by the parser (400, 413, 414, 431, 501, 505).
    public var malformedRequests: Int
    /// Connections that hit the header or body timeout.
    public var timedOut: Int
    /// Open connections owned by each event loop (the loops keep these even; see `EventLoop`).
    public var openConnectionsByLoop: [Int] = []
}

/// The live counters, shared by every loop.
final class ServerCounters: Sendable {
    let open = Atomic<Int>(0)
    let openHTTP2 = Atomic<Int>(0)
    let accepted = Atomic<Int>(0)
    let rejected = Atomic<Int>(0)
    let requests = Atomic<Int>(0)
    let malformed = Atomic<Int>(0)
    let timedOut = Atomic<Int>(0)
    /// Set the moment `stop` is called, before any loop has seen its drain command, so a response built on
    /// a busy loop already says `Connection: close`.
    let draining = Atomic<Bool>(false)

    var snapshot: ServerStatistics {
        ServerStatistics(
            openConnections: open.load(ordering: .relaxed),
            openHTTP2Connections: openHTTP2.load(ordering: .relaxed),
            acceptedConnections: accepted.load(ordering: .relaxed),
            rejectedConnections: rejected.load(ordering: .relaxed),
            requests: requests.load(ordering: .relaxed),
            malformedRequests: malformed.load(ordering: .relaxed),
            timedOut: timedOut.load(ordering: .relaxed)
        )
    }
}
