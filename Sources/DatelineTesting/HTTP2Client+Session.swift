#if canImport(Glibc)
import Glibc
#endif
import CNGHTTP2

extension HTTP2Client {
    static func connect(port: Int) throws -> CInt {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPClientError.system("socket", errno) }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            Glibc.close(fd)
            throw RawHTTPClientError.system("connect", code)
        }
        return fd
    }

    /// HTTP/1.1 `Upgrade: h2c` (RFC 7540 §3.2): sends the request, expects 101, then hands the bytes after
    /// the 101 to the session, whose stream 1 is the upgraded request.
    func upgrade(path: String, settings: inout [nghttp2_settings_entry]) throws {
        var payload = [UInt8](repeating: 0, count: 6 * max(1, settings.count))
        let length = nghttp2_pack_settings_payload(&payload, payload.count, settings, settings.count)
        guard length >= 0 else { throw RawHTTPClientError.malformed("nghttp2_pack_settings_payload failed") }
        payload.removeLast(payload.count - length)
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
            + "HTTP2-Settings: \(Self.base64URL(payload))\r\n\r\n"
        try sendRaw(Array(request.utf8))
        var received: [UInt8] = []
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        let deadline = ContinuousClock.now + .seconds(5)
        while received.firstRange(of: terminator) == nil {
            guard ContinuousClock.now < deadline else { throw RawHTTPClientError.malformed("no answer to the upgrade") }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw RawHTTPClientError.closed(received: received.count) }
            received += chunk[..<count]
        }
        let headEnd = received.firstRange(of: terminator)!.upperBound
        let head = String(decoding: received[..<headEnd], as: UTF8.self)
        guard head.hasPrefix("HTTP/1.1 101 ") else { throw RawHTTPClientError.malformed("upgrade refused: \(head)") }
        let status = payload.withUnsafeBufferPointer { nghttp2_session_upgrade2(session, $0.baseAddress, $0.count, 0, nil) }
        guard status == 0 else { throw RawHTTPClientError.malformed("nghttp2_session_upgrade2: \(status)") }
        setResponse(Response(), for: 1)
        let rest = Array(received[headEnd...])
        if !rest.isEmpty {
            _ = rest.withUnsafeBufferPointer { nghttp2_session_mem_recv(session, $0.baseAddress, $0.count) }
        }
    }

    private func sendRaw(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw RawHTTPClientError.system("send", errno) }
            sent += count
        }
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var text: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value: UInt32 = 0
            for byte in chunk { value = value << 8 | UInt32(byte) }
            value <<= UInt32(8 * (3 - chunk.count))
            for position in 0..<(chunk.count + 1) { text.append(alphabet[Int(value >> UInt32(18 - 6 * position) & 63)]) }
            index += 3
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func install(_ callbacks: OpaquePointer) {
        nghttp2_session_callbacks_set_on_header_callback(callbacks) { _, frame, name, nameLength, value, valueLength, _, userData in
            let client = Unmanaged<HTTP2Client>.fromOpaque(userData!).takeUnretainedValue()
            let name = String(decoding: UnsafeBufferPointer(start: name, count: nameLength), as: UTF8.self)
            let value = String(decoding: UnsafeBufferPointer(start: value, count: valueLength), as: UTF8.self)
            client.received(header: name, value: value, stream: frame!.pointee.hd.stream_id)
            return 0
        }
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks) { _, _, streamID, data, length, userData in
            let client = Unmanaged<HTTP2Client>.fromOpaque(userData!).takeUnretainedValue()
            client.received(data: UnsafeBufferPointer(start: data, count: length), stream: streamID)
            return 0
        }
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks) { _, frame, userData in
            let client = Unmanaged<HTTP2Client>.fromOpaque(userData!).takeUnretainedValue()
            client.received(frame: frame!.pointee)
            return 0
        }
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks) { _, streamID, errorCode, userData in
            let client = Unmanaged<HTTP2Client>.fromOpaque(userData!).takeUnretainedValue()
            client.closed(stream: streamID, errorCode: errorCode)
            return 0
        }
    }
}
