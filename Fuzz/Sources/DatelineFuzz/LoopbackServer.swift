import HTTPServer
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The real server (one event loop) answering with `FuzzApp`'s application on a loopback port, started once
/// per process. A fuzz input is one connection: its bytes sent, the write side shut, and everything read
/// until the server closes. A server that neither answers nor closes within the deadline is a hang.
enum LoopbackServer {
    static let deadline = Duration.seconds(5)

    static let port: Int = {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.eventLoopCount = 1
        var logger = Logger(label: "dateline-fuzz-server")
        logger.logLevel = .critical
        let server = Server(configuration: configuration, responder: FuzzApp.application, logger: logger)
        do { return try server.start() } catch { fatalError("the server does not start: \(error)") }
    }()

    /// Sends `bytes` on a new connection (reading as it goes, so neither side can block the other), shuts
    /// the write side, and reads until the server closes. Returns how many bytes the server sent.
    @discardableResult
    static func exchange(_ bytes: [UInt8]) -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        check(fd >= 0, "socket: errno \(errno)")
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        // Non-blocking from the start: libFuzzer's timer signal (SIGALRM, every second) interrupts a blocking
        // connect with EINTR; a non-blocking one is simply waited for.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        check(connected == 0 || errno == EINPROGRESS || errno == EINTR, "connect: errno \(errno)")
        // Connected before anything else, so that shutting the write side (at once, for an empty input) works.
        var writable = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        while poll(&writable, 1, 5000) < 0 && errno == EINTR {}
        var failure: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length)
        check(writable.revents & Int16(POLLOUT) != 0 && failure == 0, "connect: not connected within 5 s (error \(failure))")

        let until = ContinuousClock.now + deadline
        var sent = 0
        var received = 0
        var shut = false
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if sent == bytes.count, !shut {
                shutdown(fd, Int32(SHUT_WR))
                shut = true
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN) | (shut ? 0 : Int16(POLLOUT)), revents: 0)
            let left = until - ContinuousClock.now
            check(left > .zero, "the server neither answered nor closed within \(deadline) (\(sent) of \(bytes.count) bytes sent)")
            let milliseconds = Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
            guard poll(&poller, 1, max(milliseconds, 1)) >= 0 else { continue }
            if poller.revents & Int16(POLLOUT) != 0, !shut {
                let count = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
                if count > 0 {
                    sent += count
                } else if count < 0, errno != EAGAIN, errno != EINTR {
                    // The server closed while we were sending (it refused the rest): fine, read what it said.
                    sent = bytes.count
                }
            }
            if poller.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count == 0 { return received }
                if count > 0 {
                    received += count
                } else if errno != EAGAIN, errno != EINTR {
                    return received   // reset by the server: it closed
                }
            }
        }
    }
}
