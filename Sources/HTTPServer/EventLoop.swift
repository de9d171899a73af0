#if canImport(Glibc)
import Glibc
#endif
import CEpoll
import Dispatch
import Foundation
import Locking
import Logging
import Synchronization

/// One epoll loop on its own thread. It owns a listening socket (SO_REUSEPORT, so the kernel spreads new
/// connections over the loops) and every connection it accepts or adopts: no locks, no thread hops per
/// request. Other threads talk to it only through `send(_:)`, which queues a command and wakes it via an
/// eventfd.
///
/// The kernel's spread is a hash of the peers' addresses, so 64 connections often land 39 on one loop and
/// 25 on the other, and that loop's clients wait longer (it shows in p99). A loop that accepts a connection
/// while a sibling owns fewer hands it to that sibling: one thread hop per connection, none per request.
final class EventLoop: @unchecked Sendable {
    // @unchecked: everything mutable below is touched only on the loop's own thread; `commands` is locked.
    enum Command {
        case drain, forceClose
        /// A streamed response's bytes, its end, or its abort (too far behind): by stream id.
        case streamWrite(UInt64, [UInt8])
        case streamFinish(UInt64)
        case streamAbort(UInt64)
        /// A deferred response, by completion token.
        case deferredComplete(UInt64, HTTPResponse)
        /// A connection a sibling accepted, to be owned by this loop (see `offer`).
        case adopt(fd: CInt, remoteAddress: String)
    }

    /// What a connection waits for: never both reading and writing (a connection that cannot write its
    /// answers is not read, which pushes back on the client), and neither while its answer is deferred.
    enum Interest {
        case read, write, none
    }

    let configuration: ServerConfiguration
    let limits: RequestParser.Limits
    let responder: any HTTPResponder
    let logger: Logger
    let counters: ServerCounters
    var writer = ResponseWriter()
    /// Reads land here first: one 64 KiB buffer per loop rather than one per connection.
    private(set) var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)

    private let epoll: CInt
    private let wakeup: CInt
    private var listener: CInt
    private var connections: [CInt: Connection] = [:]
    /// Connections this loop owns or has been offered: siblings read it to pick the least-loaded loop.
    private let load = Atomic<Int>(0)
    /// Connections this loop owns now (or has been offered and will own).
    var ownedConnections: Int { load.load(ordering: .relaxed) }
    /// Every loop of the server, this one included. Set once before any loop runs; emptied by `shutDown`.
    var group: [EventLoop] = []
    private let commands = LockedValue<Commands>(Commands())
    /// Connections (or HTTP/2 streams) answering with a streamed body, by stream id.
    private var streams: [UInt64: any ResponseStreamTarget] = [:]
    private var nextStreamID: UInt64 = 0
    /// Streams written to by this batch of commands: flushed once each after it, one send for many chunks.
    private var streamsToFlush: [any ResponseStreamTarget] = []
    /// Who waits for each deferred response, by completion token.
    private var deferredTargets: [UInt64: any DeferredResponseTarget] = [:]
    private var nextDeferredToken: UInt64 = 0

    private struct Commands {
        var queue: [Command] = []
        /// Set once the eventfd is closed: later commands are dropped.
        var released = false
        /// Set once the loop has shut down: a connection offered after that is refused (and kept by the
        /// loop that accepted it), since nothing would ever serve or close it.
        var refusesConnections = false
    }
    private(set) var isDraining = false
    private var acceptPausedUntil: ContinuousClock.Instant?
    /// When an accept failure was last logged, and how many failed since: while out of descriptors accepts
    /// fail every pause (ten times a second per loop), so the log says so once per `acceptFailureLogInterval`.
    private var acceptFailureLoggedAt: ContinuousClock.Instant?
    private var acceptFailuresUnlogged = 0
    private static let acceptFailureLogInterval: Duration = .seconds(10)
    private let sweepInterval: Duration
    private var nextSweep = ContinuousClock.now

    init(listener: CInt, configuration: ServerConfiguration, responder: any HTTPResponder, logger: Logger, counters: ServerCounters) throws {
        self.listener = listener
        self.configuration = configuration
        self.limits = RequestParser.Limits(configuration)
        self.responder = responder
        self.logger = logger
        self.counters = counters
        let shortest = min(configuration.headerReadTimeout, configuration.bodyReadTimeout, configuration.idleTimeout)
        sweepInterval = max(.milliseconds(10), min(.milliseconds(250), shortest / 4))
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epoll >= 0 else { throw SystemError(errno: errno, call: "epoll_create1") }
        wakeup = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard wakeup >= 0 else {
            let error = SystemError(errno: errno, call: "eventfd")
            Glibc.close(epoll)
            throw error
        }
        do {
            try add(wakeup, events: EPOLLIN.rawValue)
            try add(listener, events: EPOLLIN.rawValue)
        } catch {
            Glibc.close(wakeup)
            Glibc.close(epoll)
            throw error
        }
    }

    /// Releases the descriptors of a loop whose `run()` never started (the server failed to start). The
    /// listener is the caller's to close.
    func discard() {
        group = []
        Glibc.close(wakeup)
        Glibc.close(epoll)
    }

    /// Queues a command for the loop thread and wakes it. Only the command that finds the queue empty
    /// writes the eventfd: a burst of stream writes costs one wakeup. The write happens under the lock, so
    /// it can never reach a descriptor `releaseWakeup` closed (and the kernel may have reused).
    /// Returns false when the command was dropped (the loop has ended, or it refuses connections now).
    @discardableResult
    func send(_ command: Command) -> Bool {
        commands.withLock { commands in
            guard !commands.released else { return false }
            if case .adopt = command, commands.refusesConnections { return false }
            commands.queue.append(command)
            if commands.queue.count == 1 {
                var one: UInt64 = 1
                _ = write(wakeup, &one, 8)
            }
            return true
        }
    }

    /// Runs until drained (or force-closed); then releases every descriptor it owns.
    func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 512)
        while true {
            let timeout = Int32(sweepInterval.components.seconds * 1000 + sweepInterval.components.attoseconds / 1_000_000_000_000_000)
            let count = events.withUnsafeMutableBufferPointer { epoll_wait(epoll, $0.baseAddress, Int32($0.count), timeout) }
            if count < 0 && errno != EINTR {
                logger.critical("epoll_wait failed", metadata: ["error": "\(SystemError(errno: errno, call: "epoll_wait"))"])
                break
            }
            for index in 0..<max(0, Int(count)) {
                let event = events[index]
                let fd = event.data.fd
                if fd == wakeup {
                    if !handleCommands() { return shutDown() }
                } else if fd == listener {
                    acceptConnections()
                } else if let connection = connections[fd] {
                    if event.events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 && event.events & EPOLLIN.rawValue == 0 {
                        connection.close()
                    } else {
                        if event.events & EPOLLOUT.rawValue != 0 { connection.writable() }
                        if event.events & EPOLLIN.rawValue != 0, !connection.isClosed { connection.readable() }
                    }
                }
            }
            let now = ContinuousClock.now
            if now >= nextSweep {
                nextSweep = now + sweepInterval
                sweep(now: now)
            }
            if isDraining && connections.isEmpty { return shutDown() }
        }
        shutDown()
    }

    // MARK: Accepting

    private func acceptConnections() {
        for _ in 0..<256 {
            let accepted: (fd: CInt, address: String)
            do {
                switch try Posix.accept(listener) {
                case .wouldBlock: return
                case .processed(let value): accepted = value
                }
            } catch let error as SystemError {
                // Out of descriptors or memory: stop accepting for a moment instead of spinning on the
                // still-readable listener; the sweep resumes it.
                logAcceptFailure(error)
                try? remove(listener)
                acceptPausedUntil = .now + .milliseconds(100)
                return
            } catch {
                return
            }
            if counters.open.add(1, ordering: .relaxed).newValue > configuration.maxConnections {
                counters.open.subtract(1, ordering: .relaxed)
                counters.rejected.add(1, ordering: .relaxed)
                Glibc.close(accepted.fd)
                continue
            }
            counters.accepted.add(1, ordering: .relaxed)
            try? Posix.setOption(accepted.fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
            if let sibling = leastLoadedSibling(), sibling.offer(fd: accepted.fd, remoteAddress: accepted.address) { continue }
            load.add(1, ordering: .relaxed)
            own(fd: accepted.fd, remoteAddress: accepted.address)
        }
    }

    /// The sibling owning the fewest connections, if it owns fewer than this loop (ties stay here).
    private func leastLoadedSibling() -> EventLoop? {
        var best: EventLoop?
        var fewest = load.load(ordering: .relaxed)
        for loop in group where loop !== self {
            let count = loop.load.load(ordering: .relaxed)
            if count < fewest { (best, fewest) = (loop, count) }
        }
        return best
    }

    /// Hands a connection accepted on another loop to this one. Counted at once, so the next accept on any
    /// loop already sees it; false if this loop has ended (the caller then keeps the connection).
    private func offer(fd: CInt, remoteAddress: String) -> Bool {
        load.add(1, ordering: .relaxed)
        if send(.adopt(fd: fd, remoteAddress: remoteAddress)) { return true }
        load.subtract(1, ordering: .relaxed)
        return false
    }

    /// Starts serving a connection already counted in `load` and `counters.open`.
    private func own(fd: CInt, remoteAddress: String) {
        let connection = Connection(fd: fd, remoteAddress: remoteAddress, loop: self)
        do {
            try add(fd, events: EPOLLIN.rawValue)
            connections[fd] = connection
        } catch {
            forget(fd: fd)
        }
    }

    /// Closes a connection that was counted but never served.
    private func forget(fd: CInt) {
        load.subtract(1, ordering: .relaxed)
        counters.open.subtract(1, ordering: .relaxed)
        Glibc.close(fd)
    }

    // MARK: Connections' needs

    /// Reads once into the loop's buffer.
    func readInto(_ fd: CInt) throws -> IOResult<Int> {
        try readBuffer.withUnsafeMutableBytes { try Posix.read(fd, into: $0) }
    }

    /// Switches what a connection waits for (errors and hang-ups are reported whatever it is).
    func watch(_ connection: Connection, _ interest: Interest) {
        var event = epoll_event()
        event.events = switch interest {
        case .read: EPOLLIN.rawValue
        case .write: EPOLLOUT.rawValue
        case .none: 0
        }
        event.data.fd = connection.fd
        _ = epoll_ctl(epoll, EPOLL_CTL_MOD, connection.fd, &event)
    }

    /// Registers a connection (or HTTP/2 stream) that is about to stream its response body.
    func openStream(for target: any ResponseStreamTarget) -> StreamWriter {
        nextStreamID &+= 1
        let writer = StreamWriter(loop: self, id: nextStreamID, limit: configuration.maxStreamPendingBytes)
        streams[nextStreamID] = target
        return writer
    }

    /// A completion whose response `target` receives on this thread.
    func openDeferred(for target: any DeferredResponseTarget) -> ResponseCompletion {
        nextDeferredToken &+= 1
        deferredTargets[nextDeferredToken] = target
        return ResponseCompletion(loop: self, token: nextDeferredToken)
    }

    /// The target is gone (its client left): the response, when it comes, is dropped.
    func cancelDeferred(_ token: UInt64) {
        deferredTargets[token] = nil
    }

    /// Flushes `connection` once this batch of commands is handled.
    func scheduleFlush(_ target: any ResponseStreamTarget) {
        streamsToFlush.append(target)
    }

    func closeStream(_ writer: StreamWriter) {
        writer.markClosed()
        streams[writer.id] = nil
    }

    func remove(_ connection: Connection) {
        connections[connection.fd] = nil
        _ = epoll_ctl(epoll, EPOLL_CTL_DEL, connection.fd, nil)
        Glibc.close(connection.fd)
        load.subtract(1, ordering: .relaxed)
        counters.open.subtract(1, ordering: .relaxed)
        if connection.speaksHTTP2 { counters.openHTTP2.subtract(1, ordering: .relaxed) }
    }

    // MARK: Timers and commands

    private func sweep(now: ContinuousClock.Instant) {
        if let resume = acceptPausedUntil, now >= resume, !isDraining {
            acceptPausedUntil = nil
            try? add(listener, events: EPOLLIN.rawValue)
        }
        for connection in connections.values where now >= connection.deadline {
            connection.checkDeadline(now: now)
        }
    }

    /// Returns false when the loop must stop now.
    private func handleCommands() -> Bool {
        var value: UInt64 = 0
        _ = read(wakeup, &value, 8)
        let pending = commands.withLock { commands in
            defer { commands.queue.removeAll() }
            return commands.queue
        }
        for command in pending {
            switch command {
            case .drain:
                guard !isDraining else { continue }
                isDraining = true
                stopListening()
                for connection in Array(connections.values) { connection.beginDrain() }
            case .forceClose:
                return false
            case .streamWrite(let id, let bytes):
                streams[id]?.streamWrite(bytes)
            case .streamFinish(let id):
                streams[id]?.streamFinish()
            case .streamAbort(let id):
                streams[id]?.streamAbort()
            case .deferredComplete(let token, let response):
                deferredTargets.removeValue(forKey: token)?.deliverDeferred(response, token: token)
            case .adopt(let fd, let remoteAddress):
                // A draining loop takes no new work; the client sees a close, as past the listener's close.
                if isDraining { forget(fd: fd) } else { own(fd: fd, remoteAddress: remoteAddress) }
            }
        }
        for target in streamsToFlush { target.flushStream() }
        streamsToFlush.removeAll(keepingCapacity: true)
        return true
    }

    private func stopListening() {
        guard listener >= 0 else { return }
        try? remove(listener)
        Glibc.close(listener)
        listener = -1
    }

    private func shutDown() {
        stopListening()
        // Connections offered but not yet adopted would never be served: close them, and refuse more.
        let offered = commands.withLock { commands in
            commands.refusesConnections = true
            return commands.queue.compactMap { command -> CInt? in
                if case .adopt(let fd, _) = command { return fd } else { return nil }
            }
        }
        offered.forEach(forget(fd:))
        group = []
        for connection in Array(connections.values) { connection.close() }
        // The eventfd stays open: another thread may still `send` to it. `releaseWakeup` closes it once
        // this loop's thread has ended.
        Glibc.close(epoll)
    }

    /// Closes the wakeup eventfd. Call only after `run()` has returned.
    func releaseWakeup() {
        commands.withLock { commands in
            commands.released = true
            commands.queue.removeAll()
            Glibc.close(wakeup)
        }
    }

    private func add(_ fd: CInt, events: UInt32) throws {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        guard epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) == 0 else { throw SystemError(errno: errno, call: "epoll_ctl") }
    }

    private func remove(_ fd: CInt) throws {
        guard epoll_ctl(epoll, EPOLL_CTL_DEL, fd, nil) == 0 else { throw SystemError(errno: errno, call: "epoll_ctl") }
    }
}

extension EventLoop {
    /// Logs an accept failure, at most once per `acceptFailureLogInterval`, with how many were not logged.
    fileprivate func logAcceptFailure(_ error: SystemError) {
        let now = ContinuousClock.now
        if let last = acceptFailureLoggedAt, now - last < Self.acceptFailureLogInterval {
            acceptFailuresUnlogged += 1
            return
        }
        logger.warning("accept failed; pausing accepts for 100 ms", metadata: [
            "error": "\(error)", "failures_since_last_log": "\(acceptFailuresUnlogged)",
        ])
        acceptFailureLoggedAt = now
        acceptFailuresUnlogged = 0
    }
}
