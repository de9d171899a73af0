/// A response. The server adds `Date`, `Content-Length` and `Connection` itself; a body of a HEAD, 204 or 304
/// response is never sent.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = .init(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
