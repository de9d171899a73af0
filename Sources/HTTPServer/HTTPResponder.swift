/// The application the server hands each request to. Called on an event-loop thread, so it must not block
/// for long.
public protocol HTTPResponder: Sendable {
    /// The response to `request`. A thrown error becomes a 500 for that request only.
    func respond(to request: HTTPRequest) throws -> HTTPResponse
    /// The response for a request the server rejected itself; `request` is the parsed head when there was one.
    func respond(to error: HTTPServerError, request: HTTPRequest?) -> HTTPResponse
}

extension HTTPResponder {
    /// An RFC 9457 problem document with `Cache-Control: no-store`.
    public func respond(to error: HTTPServerError, request: HTTPRequest?) -> HTTPResponse {
        HTTPResponse.problem(error.status, detail: error.detail)
    }
}

extension HTTPResponse {
    /// A minimal problem+json response (RFC 9457).
    public static func problem(_ status: HTTPStatus, detail: String) -> HTTPResponse {
        var body = Array(#"{"type":"about:blank","title":""#.utf8)
        appendEscaped(status.reasonPhrase, to: &body)
        body += Array(#"","status":"#.utf8)
        body += Array(String(status.code).utf8)
        body += Array(#","detail":""#.utf8)
        appendEscaped(detail, to: &body)
        body += Array(#""}"#.utf8)
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/problem+json")
        headers.add("Cache-Control", "no-store")
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    private static func appendEscaped(_ text: String, to body: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): body += [UInt8(ascii: "\\"), byte]
            case 0..<0x20:
                let hex = Array(String(byte, radix: 16).utf8)
                body += Array("\\u00".utf8) + (hex.count == 1 ? [UInt8(ascii: "0")] + hex : hex)
            default: body.append(byte)
            }
        }
    }
}
