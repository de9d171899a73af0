import Synchronization

/// Finishes a deferred response (see `HTTPResponse.deferred`) from any thread: the response is handed to the
/// connection's event loop, which writes it as if the responder had returned it.
///
/// Call `complete(_:)` once; later calls are ignored. A completion dropped without being called answers 500,
/// so a forgotten path cannot leave a client waiting forever.
public final class ResponseCompletion: Sendable {
    // weak, as `StreamWriter`'s: a completion kept after its server stopped must not keep the loop (and,
    // through it, the responder that may hold this completion) alive. A loop that is gone has no client
    // left to answer.
    private weak let loop: EventLoop?
    let token: UInt64
    private let done = Atomic<Bool>(false)

    init(loop: EventLoop, token: UInt64) {
        self.loop = loop
        self.token = token
    }

    /// Delivers `response` to the waiting client. Returns false if the response was already given.
    @discardableResult
    public func complete(_ response: HTTPResponse) -> Bool {
        guard done.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            return false
        }
        loop?.send(.deferredComplete(token, response))
        return true
    }

    deinit {
        if !done.load(ordering: .acquiring), let loop {
            loop.send(.deferredComplete(token, loop.responder.respond(to: .handlerFailed, request: nil)))
        }
    }
}

/// Whatever waits on the loop thread for a deferred response: an HTTP/1 connection, or an HTTP/2 stream.
protocol DeferredResponseTarget: AnyObject {
    /// On the loop thread: the response `token`'s completion delivered.
    func deliverDeferred(_ response: HTTPResponse, token: UInt64)
}
