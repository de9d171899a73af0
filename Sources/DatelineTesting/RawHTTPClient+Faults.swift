#if canImport(Glibc)
import Glibc
#endif

extension RawHTTPClient {
    /// Closes with a reset (`SO_LINGER` 0): the server sees ECONNRESET, as from a client that crashed or a
    /// middlebox that gave up, rather than an orderly EOF.
    public func reset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close()
    }

    /// Reads until at least `count` bytes have arrived (or the connection ends); returns how many did.
    /// For a client that reads a little of a response and then goes away.
    public func readBytes(atLeast count: Int) -> Int {
        while buffer.count < count, let chunk = try? receive(), !chunk.isEmpty { buffer += chunk }
        return buffer.count
    }

    /// Sends as much of `bytes` as the socket takes without blocking; returns how much it took. A server that
    /// stops reading makes this return less than asked once the kernel's buffers are full.
    public func sendWithoutBlocking(_ bytes: [UInt8]) throws -> Int {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if sent < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK { return offset }
                throw RawHTTPClientError.system("send", errno)
            }
            offset += sent
        }
        return offset
    }
}
