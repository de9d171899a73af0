#if canImport(Glibc)
import Glibc
#endif

/// A system call that failed, with its errno and name.
public struct SystemError: Error, CustomStringConvertible, Sendable {
    public var errno: Int32
    public var call: String

    public var description: String { "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))" }
}

/// A non-blocking call's outcome: done, or it would have blocked (EAGAIN), which is not a failure.
enum IOResult<Value> {
    case processed(Value)
    case wouldBlock
}

/// One thin wrapper per system call: EINTR is retried, EAGAIN is `.wouldBlock`, anything else throws.
enum Posix {
    static func read(_ fd: CInt, into buffer: UnsafeMutableRawBufferPointer) throws -> IOResult<Int> {
        while true {
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count >= 0 { return .processed(count) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: throw SystemError(errno: errno, call: "read")
            }
        }
    }

    /// `send` with MSG_NOSIGNAL, so a peer that went away is EPIPE, not a SIGPIPE.
    static func send(_ fd: CInt, _ buffer: UnsafeRawBufferPointer) throws -> IOResult<Int> {
        while true {
            let count = Glibc.send(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            if count >= 0 { return .processed(count) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: throw SystemError(errno: errno, call: "send")
            }
        }
    }

    /// A new non-blocking, close-on-exec connection and its peer's address.
    static func accept(_ fd: CInt) throws -> IOResult<(fd: CInt, address: String)> {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        while true {
            let client = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.accept(fd, $0, &length)
                }
            }
            if client >= 0 {
                // accept4 is not visible to Swift without _GNU_SOURCE; two fcntls per connection cost little.
                _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                return .processed((client, SocketAddress.describe(storage)))
            }
            switch errno {
            case EINTR, ECONNABORTED: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: throw SystemError(errno: errno, call: "accept")
            }
        }
    }

    static func setOption(_ fd: CInt, _ level: Int32, _ name: Int32, _ value: Int32) throws {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SystemError(errno: errno, call: "setsockopt")
        }
    }
}

/// Formats socket addresses for logs: `127.0.0.1:54321`, `[::1]:54321`.
enum SocketAddress {
    static func describe(_ storage: sockaddr_storage) -> String {
        var storage = storage
        var host = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var inAddress = address.pointee.sin_addr
                    inet_ntop(AF_INET, &inAddress, &host, socklen_t(host.count))
                    return "\(text(host)):\(UInt16(bigEndian: address.pointee.sin_port))"
                }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var inAddress = address.pointee.sin6_addr
                    inet_ntop(AF_INET6, &inAddress, &host, socklen_t(host.count))
                    return "[\(text(host))]:\(UInt16(bigEndian: address.pointee.sin6_port))"
                }
            }
        default:
            return "unknown"
        }
    }

    private static func text(_ characters: [CChar]) -> String {
        String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
