import Synchronization

/// Writes the body of one streamed response from any thread. Each write is handed to the connection's event
/// loop (its command queue and eventfd); nothing here touches the socket.
///
/// Bounded: bytes handed over but not yet sent may not exceed the server's `maxStreamPendingBytes`; a write
/// past it ends the stream and closes the connection, so a slow client costs neither memory nor the writer's
/// time.
public final class StreamWriter: Sendable {
    // weak: application code may keep a writer after its stream ended (the event hub keeps its subscribers
    // until a write fails), and the loop holds the responder: a strong reference made a cycle that kept
    // every loop (its 64 KiB buffer, connections, responder) of a stopped server alive. A loop that is
    // gone has ended every stream, so a write then does nothing.
    private weak let loop: EventLoop?
    let id: UInt64
    private let limit: Int
    private let closed = Atomic<Bool>(false)
    /// Bytes in the loop's command queue, not yet in the connection's output buffer.
    private let queued = Atomic<Int>(0)
    /// The connection's unsent output, as the loop last measured it.
    let unsent = Atomic<Int>(0)

    init(loop: EventLoop, id: UInt64, limit: Int) {
        self.loop = loop
        self.id = id
        self.limit = limit
    }

    /// False once the stream has ended: finished, the client gone, the server stopping, or too far behind.
    public var isOpen: Bool { !closed.load(ordering: .acquiring) }

    /// Queues `bytes` (one chunk) for the client. False when the stream has ended or this write would take
    /// it past its bound; in the latter case the stream is ended and the connection closed.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return isOpen }
        guard isOpen else { return false }
        let pending = queued.add(bytes.count, ordering: .relaxed).newValue + unsent.load(ordering: .relaxed)
        if pending > limit {
            if markClosed() { loop?.send(.streamAbort(id)) }
            return false
        }
        guard let loop, loop.send(.streamWrite(id, bytes)) else { return false }
        return true
    }

    /// Ends the body (the last chunk), then the connection closes. Later writes return false.
    public func finish() {
        if markClosed() { loop?.send(.streamFinish(id)) }
    }

    /// Called by the loop when it moves `count` queued bytes into the connection's output.
    func dequeued(_ count: Int) {
        queued.subtract(count, ordering: .relaxed)
    }

    /// True for the caller that closed it.
    @discardableResult
    func markClosed() -> Bool {
        closed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }
}
