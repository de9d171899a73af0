#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import Locking
public import Logging

/// An HTTP/1.1 and HTTP/2 (h2c, on the same port) server: one event loop per core over non-blocking sockets,
/// each connection owned by one loop.
///
/// ```swift
/// let server = Server(configuration: configuration, responder: app, logger: logger)
/// let port = try server.start()      // listening when it returns
/// server.stop(deadline: .seconds(10)) // graceful: in-flight requests finish
/// ```
public final class Server: Sendable {
    private let configuration: ServerConfiguration
    private let responder: any HTTPResponder
    private let logger: Logger
    private let counters = ServerCounters()
    private let state = LockedValue(State())
    /// Entered once per running loop thread; left when the thread ends.
    private let running = DispatchGroup()

    private struct State {
        var loops: [EventLoop] = []
        var port = 0
        var phase = Phase.idle
    }

    private enum Phase { case idle, running, stopping, stopped }

    public init(configuration: ServerConfiguration, responder: any HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }

    /// The bound port (after `start`).
    public var port: Int { state.withLock { $0.port } }

    public var statistics: ServerStatistics {
        var statistics = counters.snapshot
        statistics.openConnectionsByLoop = state.withLock { $0.loops }.map(\.ownedConnections)
        return statistics
    }

    /// True from the moment `stop` is called: responses from then on say `Connection: close` (HTTP/2
    /// connections get GOAWAY).
    public var isStopping: Bool { counters.draining.load(ordering: .relaxed) }

    /// Binds, listens and starts the loops; returns the bound port once connections can be accepted.
    @discardableResult
    public func start() throws -> Int {
        // A peer's reset must come back as EPIPE from send, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        let listeners = try Listener.open(configuration: configuration)
        var loops: [EventLoop] = []
        do {
            for fd in listeners.descriptors {
                loops.append(try EventLoop(listener: fd, configuration: configuration, responder: responder, logger: logger, counters: counters))
            }
            for loop in loops { loop.group = loops }
            try state.withLock { state in
                guard state.phase == .idle else { throw SystemError(errno: EALREADY, call: "Server.start") }
                state.phase = .running
                state.loops = loops
                state.port = listeners.port
            }
        } catch {
            // Nothing runs yet: give back every descriptor taken so far.
            loops.forEach { $0.discard() }
            listeners.descriptors.forEach { _ = Glibc.close($0) }
            throw error
        }
        for (index, loop) in loops.enumerated() {
            running.enter()
            let thread = Thread { [running] in
                loop.run()
                running.leave()
            }
            thread.name = "dateline-loop-\(index)"
            thread.start()
        }
        logger.debug("server started", metadata: ["port": "\(listeners.port)", "loops": "\(loops.count)"])
        return listeners.port
    }

    /// Graceful stop: no new connections, idle ones closed now, in-flight requests answered (with
    /// `Connection: close`) until `deadline`, then whatever is left is closed. Blocks until the loops end.
    public func stop(deadline: Duration) {
        let loops: [EventLoop] = state.withLock { state in
            guard state.phase == .running else { return [] }
            state.phase = .stopping
            return state.loops
        }
        counters.draining.store(true, ordering: .relaxed)
        for loop in loops { loop.send(.drain) }
        let nanoseconds = deadline.components.seconds * 1_000_000_000 + deadline.components.attoseconds / 1_000_000_000
        if running.wait(timeout: .now() + .nanoseconds(Int(max(0, nanoseconds)))) == .timedOut {
            logger.warning("drain deadline passed; closing the remaining connections")
            for loop in loops { loop.send(.forceClose) }
            running.wait()
        }
        // Every loop thread has ended, so nothing can `send` to a closed (or reused) descriptor.
        for loop in loops { loop.releaseWakeup() }
        state.withLock { state in
            if state.phase == .stopping { state.phase = .stopped }
        }
    }
}

/// Listening sockets: one per loop, all bound to the same port with SO_REUSEPORT.
private enum Listener {
    static func open(configuration: ServerConfiguration) throws -> (descriptors: [CInt], port: Int) {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(configuration.host, String(configuration.port), &hints, &result)
        guard status == 0, let info = result else {
            throw SystemError(errno: EADDRNOTAVAIL, call: "getaddrinfo(\(configuration.host)): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(result) }

        var descriptors: [CInt] = []
        var port = configuration.port
        do {
            for _ in 0..<max(1, configuration.eventLoopCount) {
                let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
                guard fd >= 0 else { throw SystemError(errno: errno, call: "socket") }
                descriptors.append(fd)
                try Posix.setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
                try Posix.setOption(fd, SOL_SOCKET, SO_REUSEPORT, 1)
                // Later sockets join the port the first one got (port 0 picks it once).
                setPort(info.pointee.ai_addr, port)
                guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
                    throw SystemError(errno: errno, call: "bind(\(configuration.host):\(port))")
                }
                guard listen(fd, 4096) == 0 else { throw SystemError(errno: errno, call: "listen") }
                if port == 0 { port = boundPort(fd) }
            }
        } catch {
            descriptors.forEach { _ = Glibc.close($0) }
            throw error
        }
        return (descriptors, port)
    }

    private static func setPort(_ address: UnsafeMutablePointer<sockaddr>, _ port: Int) {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port = UInt16(port).bigEndian }
        case AF_INET6:
            address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port = UInt16(port).bigEndian }
        default:
            break
        }
    }

    private static func boundPort(_ fd: CInt) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }
}
