/// The body of a streamed response, written after the head (see `HTTPResponse.stream`).
public protocol ResponseStream: Sendable {
    /// Called once, on the connection's event loop thread, right after the head is queued. Keep the writer
    /// and write from any thread; do not block here.
    func start(writer: StreamWriter)
}
