#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HTTPServer

/// A blocking HTTP/1.1 client on a raw loopback socket, so tests can send any bytes at all — malformed,
/// pipelined, slow — and read exactly what the server answers.
public final class RawHTTPClient {
    let fd: CInt
    /// Received and not yet consumed.
    var buffer: [UInt8] = []
    /// A streamed body, de-chunked, not yet parsed into events (see `nextEvent`).
    var streamText: [UInt8] = []
    /// The streamed body's framing, once its head was read with `readStreamHead`.
    var streamChunked = false
    var streamEnded = false
    /// The streamed body ended with its last chunk (not just a close).
    public internal(set) var sawLastChunk = false
    private var closed = false

    /// Connects to 127.0.0.1:`port` (or another loopback `host`); reads give up after `timeout`.
    /// `receiveBufferSize` shrinks the socket's receive buffer (to play a client that reads slowly or never).
    public init(port: Int, host: String = "127.0.0.1", timeout: Duration = .seconds(5), receiveBufferSize: Int? = nil) throws {
        let family = host.contains(":") ? AF_INET6 : AF_INET
        fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPClientError.system("socket", errno) }
        var tv = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        if let receiveBufferSize {
            var size = Int32(receiveBufferSize)
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let connected: Int32
        if family == AF_INET6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(port).bigEndian
            inet_pton(AF_INET6, host, &address.sin6_addr)
            connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            inet_pton(AF_INET, host, &address.sin_addr)
            connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard connected == 0 else {
            let error = errno
            // deinit runs for a fully initialised instance even when init throws: close only once, or a
            // descriptor number another thread has since been given would be closed under it.
            close()
            throw RawHTTPClientError.system("connect", error)
        }
    }

    deinit { close() }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw RawHTTPClientError.system("send", errno) }
            offset += sent
        }
    }

    /// Reads one response. `headRequest`: the response to a HEAD has no body whatever its Content-Length.
    public func readResponse(headRequest: Bool = false) throws -> RawHTTPResponse {
        let headEnd = try readUntil { Self.find(Array("\r\n\r\n".utf8), in: $0) }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw RawHTTPClientError.malformed(statusLine)
        }
        let headers: [(String, String)] = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        var response = RawHTTPResponse(status: status, reason: parts.count > 2 ? String(parts[2]) : "", headers: headers, body: [])
        if headRequest || status < 200 || status == 204 || status == 304 { return response }
        if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            response.body = try readChunked()
        } else if let length = response.header("Content-Length").flatMap(Int.init) {
            _ = try readUntil { $0.count >= length ? length : nil }
            response.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else {
            response.body = readUntilClosed()
        }
        return response
    }

    /// Everything until the server closes (or the read timeout).
    public func readUntilClosed() -> [UInt8] {
        while let chunk = try? receive(), !chunk.isEmpty { buffer += chunk }
        defer { buffer.removeAll() }
        return buffer
    }

    /// Whether the server closes the connection (EOF or reset) within `within`, with no more bytes.
    public func isClosed(within: Duration) -> Bool {
        let deadline = ContinuousClock.now + within
        while ContinuousClock.now < deadline {
            var pollDescriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let remaining = deadline - ContinuousClock.now
            let milliseconds = max(1, Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&pollDescriptor, 1, milliseconds) > 0 else { continue }
            var byte: UInt8 = 0
            let count = recv(fd, &byte, 1, 0)
            if count == 0 || (count < 0 && errno == ECONNRESET) { return true }
            if count < 0 { return false }
            buffer.append(byte)
        }
        return false
    }

    /// Sends EOF (shuts the write side) while still reading: a client that has said all it will say.
    public func shutdownWrite() {
        guard !closed else { return }
        Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    public func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(fd)
    }

    private func readChunked() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let lineEnd = try readUntil { Self.find(Array("\r\n".utf8), in: $0) }
            let sizeText = String(decoding: buffer[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            buffer.removeFirst(lineEnd + 2)
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { throw RawHTTPClientError.malformed("chunk size") }
            if size == 0 {
                _ = try readUntil { Self.find(Array("\r\n".utf8), in: $0) }
                while let end = Self.find(Array("\r\n".utf8), in: buffer) {
                    buffer.removeFirst(end + 2)
                    if end == 0 { break }
                    _ = try readUntil { Self.find(Array("\r\n".utf8), in: $0) }
                }
                return body
            }
            _ = try readUntil { $0.count >= size + 2 ? size : nil }
            body += buffer[..<size]
            buffer.removeFirst(size + 2)
        }
    }

    func readUntil(_ found: ([UInt8]) -> Int?) throws -> Int {
        while true {
            if let index = found(buffer) { return index }
            let chunk = try receive()
            guard !chunk.isEmpty else { throw RawHTTPClientError.closed(received: buffer.count) }
            buffer += chunk
        }
    }

    func receive() throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == ECONNRESET { return [] }
            throw RawHTTPClientError.system("recv", errno)
        }
        return Array(chunk[..<count])
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }
}

@available(*, unavailable)
extension RawHTTPClient: Sendable {}

/// What a `RawHTTPClient` read.
public struct RawHTTPResponse: Sendable {
    public var status: Int
    public var reason: String
    public var headers: [(String, String)]
    public var body: [UInt8]

    /// The first value of `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

public enum RawHTTPClientError: Error, CustomStringConvertible {
    case system(String, Int32)
    case malformed(String)
    case closed(received: Int)

    public var description: String {
        switch self {
        case .system(let call, let code): "\(call) failed with errno \(code)"
        case .malformed(let what): "malformed response: \(what)"
        case .closed(let received): "connection closed after \(received) bytes, before a whole response"
        }
    }
}

/// One GET on a fresh connection.
public func get(_ path: String, port: Int, headers: [(String, String)] = []) throws -> RawHTTPResponse {
    let client = try RawHTTPClient(port: port)
    defer { client.close() }
    var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
    for (name, value) in headers { request += "\(name): \(value)\r\n" }
    request += "Connection: close\r\n\r\n"
    try client.send(request)
    return try client.readResponse()
}
