#if canImport(Glibc)
import Glibc
#endif

/// Serialises responses into a connection's output buffer: status line, the responder's headers, then the
/// server's own `Date`, `Content-Length` (or `Transfer-Encoding` for a stream) and `Connection`, and the body
/// (not for HEAD, 1xx, 204, 304).
struct ResponseWriter {
    private var dateSecond = -1
    private var dateLine: [UInt8] = []

    /// Appends `response` to `output`.
    mutating func write(_ response: HTTPResponse, headRequest: Bool, connection: ConnectionHeader, to output: inout [UInt8]) {
        output.reserveCapacity(output.count + 256 + response.body.count)
        appendStatusAndHeaders(response, to: &output)
        if !response.status.forbidsBody {
            output.append(contentsOf: Self.contentLengthPrefix)
            output.append(contentsOf: String(response.body.count).utf8)
            output.append(.cr)
            output.append(.lf)
        }
        appendConnection(connection, to: &output)
        output.append(.cr)
        output.append(.lf)
        if !headRequest && !response.status.forbidsBody {
            output.append(contentsOf: response.body)
        }
    }

    /// Appends the head of a streamed response: `Transfer-Encoding: chunked` when `chunked` (HTTP/1.1),
    /// otherwise no framing at all (HTTP/1.0: the close ends the body).
    mutating func writeStreamHead(_ response: HTTPResponse, chunked: Bool, connection: ConnectionHeader, to output: inout [UInt8]) {
        appendStatusAndHeaders(response, to: &output)
        if chunked && !response.status.forbidsBody { output.append(contentsOf: Self.transferEncodingChunked) }
        appendConnection(connection, to: &output)
        output.append(.cr)
        output.append(.lf)
    }

    private mutating func appendStatusAndHeaders(_ response: HTTPResponse, to output: inout [UInt8]) {
        output.append(contentsOf: Self.statusLine(response.status))
        for (name, value) in response.headers { Self.appendHeader(name: name, value: value, to: &output) }
        output.append(contentsOf: currentDateLine())
    }

    private func appendConnection(_ connection: ConnectionHeader, to output: inout [UInt8]) {
        switch connection {
        case .none: break
        case .close: output.append(contentsOf: Self.connectionClose)
        case .keepAlive: output.append(contentsOf: Self.connectionKeepAlive)
        }
    }

    enum ConnectionHeader { case none, close, keepAlive }

    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// The server writes these itself; a responder's copy would contradict them. A name or value with CR, LF
    /// or NUL would split the response, so such a header is dropped rather than sent.
    static func isAllowed(name: String, value: String) -> Bool {
        var name = name
        var value = value
        return name.withUTF8(isAllowed(name:)) && value.withUTF8(isAllowed(value:))
    }

    /// Appends `name: value` and CRLF when the header `isAllowed`. Runs for every header of every response,
    /// cached ones included: one pass over each contiguous UTF-8 buffer to check it, one copy to append it.
    static func appendHeader(name: String, value: String, to output: inout [UInt8]) {
        var name = name
        var value = value
        name.withUTF8 { name in
            value.withUTF8 { value in
                guard isAllowed(name: name), isAllowed(value: value) else { return }
                output.append(contentsOf: name)
                output.append(UInt8(ascii: ":"))
                output.append(.space)
                output.append(contentsOf: value)
                output.append(.cr)
                output.append(.lf)
            }
        }
    }

    private static func isAllowed(name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !name.isEmpty else { return false }
        for byte in name where !byte.isTokenCharacter { return false }
        return !isReserved(name)
    }

    private static func isAllowed(value: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in value where byte == .cr || byte == .lf || byte == 0 { return false }
        return true
    }

    /// Whether `name` is one the server writes itself, in any case: Content-Length, Date, Connection,
    /// Transfer-Encoding (told apart by length first: most names have none of those lengths).
    private static func isReserved(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        switch name.count {
        case 4: equalsLowercased(name, "date")
        case 10: equalsLowercased(name, "connection")
        case 14: equalsLowercased(name, "content-length")
        case 17: equalsLowercased(name, "transfer-encoding")
        default: false
        }
    }

    /// `name` equals the lowercase ASCII `reserved` when its letters are lowercased (same length given).
    private static func equalsLowercased(_ name: UnsafeBufferPointer<UInt8>, _ reserved: StaticString) -> Bool {
        reserved.withUTF8Buffer { reserved in
            for index in 0..<reserved.count where name[index] | asciiLowercaseBit(name[index]) != reserved[index] { return false }
            return true
        }
    }

    /// 0x20 for an uppercase ASCII letter (OR-ing it in lowercases it), 0 otherwise.
    @inline(__always)
    private static func asciiLowercaseBit(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0
    }

    private static func statusLine(_ status: HTTPStatus) -> [UInt8] {
        if status == .ok { return okLine }
        return Array("HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n".utf8)
    }

    /// `Date: …\r\n`, formatted once a second.
    private mutating func currentDateLine() -> [UInt8] {
        let now = time(nil)
        if now != dateSecond {
            dateSecond = now
            dateLine = Array("Date: \(HTTPDate.format(secondsSince1970: Int64(now)))\r\n".utf8)
        }
        return dateLine
    }

    private static let okLine = Array("HTTP/1.1 200 OK\r\n".utf8)
    private static let contentLengthPrefix = Array("Content-Length: ".utf8)
    private static let transferEncodingChunked = Array("Transfer-Encoding: chunked\r\n".utf8)
    private static let connectionClose = Array("Connection: close\r\n".utf8)
    private static let connectionKeepAlive = Array("Connection: keep-alive\r\n".utf8)
}
