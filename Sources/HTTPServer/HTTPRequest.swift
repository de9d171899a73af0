/// A request as the server parsed it. The body is complete and de-chunked.
public struct HTTPRequest: Sendable {
    /// As sent; methods are case-sensitive (`GET`, `HEAD`, …).
    public var method: String
    /// The raw request-target.
    public var target: String
    /// The path part of the target, not percent-decoded (`*` for an asterisk-form target).
    public var path: String
    /// The raw part after `?`, or nil when there is no `?`.
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// `127.0.0.1:54321` or `[::1]:54321`.
    public var remoteAddress: String
    /// When the request's head was complete.
    public var receivedAt: ContinuousClock.Instant

    public init(
        method: String, target: String, path: String, query: String?, version: HTTPVersion,
        headers: HTTPHeaders, body: [UInt8] = [], remoteAddress: String = "", receivedAt: ContinuousClock.Instant = .now
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.receivedAt = receivedAt
    }

    /// Whether the connection may stay open after this request (RFC 9112 §9.3).
    public var wantsKeepAlive: Bool {
        if headers.hasToken("close", in: "Connection") { return false }
        if version.minor == 0 { return headers.hasToken("keep-alive", in: "Connection") }
        return true
    }
}
