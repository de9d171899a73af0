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
}
