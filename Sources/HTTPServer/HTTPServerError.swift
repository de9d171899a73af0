/// Why the server answered a request itself instead of handing it to the responder.
public enum HTTPServerError: Error, Sendable, Equatable {
    case malformedRequestLine
    case invalidHeader(String)
    case obsFold
    /// Content-Length and Transfer-Encoding together: a request smuggling attempt.
    case conflictingLength
    case differingContentLengths
    case invalidContentLength
    case missingHost
    case invalidChunk(String)
    case unsupportedTransferCoding(String)
    case unsupportedVersion
    case requestLineTooLong(limit: Int)
    case headersTooLarge(limit: Int)
    case tooManyHeaders(limit: Int)
    case bodyTooLarge(limit: Int)
    case headerTimeout
    case bodyTimeout
    /// The responder threw; the request gets a 500 and the connection stays usable.
    case handlerFailed

    public var status: HTTPStatus {
        switch self {
        case .malformedRequestLine, .invalidHeader, .obsFold, .conflictingLength, .differingContentLengths,
             .invalidContentLength, .missingHost, .invalidChunk:
            .badRequest
        case .unsupportedTransferCoding: .notImplemented
        case .unsupportedVersion: .httpVersionNotSupported
        case .requestLineTooLong: .uriTooLong
        case .headersTooLarge, .tooManyHeaders: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .contentTooLarge
        case .headerTimeout, .bodyTimeout: .requestTimeout
        case .handlerFailed: .internalServerError
        }
    }

    /// A sentence for the client.
    public var detail: String {
        switch self {
        case .malformedRequestLine: "The request line is not 'METHOD target HTTP/1.1' with single spaces and CRLF line ends."
        case .invalidHeader(let why): "A header field is malformed: \(why)."
        case .obsFold: "A header field is folded over several lines (obs-fold), which is not accepted."
        case .conflictingLength: "The request has both Content-Length and Transfer-Encoding; send only one."
        case .differingContentLengths: "The request has Content-Length values that differ."
        case .invalidContentLength: "The Content-Length is not a non-negative whole number."
        case .missingHost: "An HTTP/1.1 request needs exactly one Host header."
        case .invalidChunk(let why): "The chunked body is malformed: \(why)."
        case .unsupportedTransferCoding(let coding): "The transfer coding '\(coding)' is not supported; use chunked or Content-Length."
        case .unsupportedVersion: "Only HTTP/1.x is served on this connection."
        case .requestLineTooLong(let limit): "The request line is longer than \(limit) bytes."
        case .headersTooLarge(let limit): "The request's header fields are larger than \(limit) bytes."
        case .tooManyHeaders(let limit): "The request has more than \(limit) header fields."
        case .bodyTooLarge(let limit): "The request body is larger than \(limit) bytes."
        case .headerTimeout: "The request head did not arrive in time."
        case .bodyTimeout: "The request body stopped arriving."
        case .handlerFailed: "The server failed to answer this request."
        }
    }

    /// Whether the connection must close after the error response (everything but a handler failure:
    /// after a framing error the rest of the stream cannot be trusted).
    var closesConnection: Bool { self != .handlerFailed }
}
