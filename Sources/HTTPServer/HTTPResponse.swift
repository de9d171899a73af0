/// A response. The server adds `Date`, `Content-Length` and `Connection` itself; a body of a HEAD, 204 or 304
/// response is never sent.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// When set, `body` is ignored and the body is streamed: the head goes out now (chunked over HTTP/1.1,
    /// delimited by the close over HTTP/1.0, `Connection: close` either way) and the stream writes the rest,
    /// from any thread, until it finishes or the client leaves. A HEAD request gets the head only.
    public var stream: (any ResponseStream)?
    /// When set, this is not the answer yet: the server calls it once on the event loop thread with a
    /// completion, and writes whatever response the completion is later given, from any thread. For answers
    /// that need a blocking call (a database): make the call on another thread, never on the loop. Meanwhile
    /// the connection reads no further requests; other connections are served as usual.
    public var deferred: (@Sendable (ResponseCompletion) -> Void)?

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = .init(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
        self.stream = nil
    }

    /// A response whose body `stream` writes later.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = .init(), stream: any ResponseStream) {
        self.status = status
        self.headers = headers
        self.body = []
        self.stream = stream
    }

    /// A response given later through the completion `start` receives (see `deferred`).
    public static func deferred(_ start: @escaping @Sendable (ResponseCompletion) -> Void) -> HTTPResponse {
        var response = HTTPResponse()
        response.deferred = start
        return response
    }
}
