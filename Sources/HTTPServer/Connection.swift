#if canImport(Glibc)
import Glibc
#endif

/// One client connection, owned by one event loop thread: its socket, buffers and parser. Nothing here is
/// shared, so nothing needs a lock.
final class Connection {
    let fd: CInt
    let remoteAddress: String
    private unowned let loop: EventLoop
    private var parser: RequestParser
    private var input: [UInt8] = []
    private var inputStart = 0
    private var output: [UInt8] = []
    private var outputStart = 0

    /// No more requests are read; the connection closes once its output is written.
    private var closeAfterOutput = false
    /// The peer sent EOF: answer what is complete, then close.
    private var peerFinished = false
    /// Output could not all be written; waiting for EPOLLOUT.
    private var waitingForWritable = false
    /// After the last response: the write side is shut and the rest of the input is read and dropped,
    /// so the peer sees the response rather than a reset.
    private(set) var isLingering = false
    private(set) var isClosed = false
    private var requestsServed = 0
    /// The streamed response in progress: no more requests are read (input is dropped) and the connection
    /// closes when the stream finishes.
    private var stream: StreamWriter?
    /// Chunked transfer coding (HTTP/1.1), or raw bytes ended by the close (HTTP/1.0).
    private var streamChunked = false
    /// Already in the loop's list of streams to flush after this batch of commands.
    private var streamFlushScheduled = false
    private var receivedAnyOfHead = false
    /// The request whose answer is deferred, and its completion's token: nothing more is read or parsed
    /// until the answer arrives.
    private var awaiting: (request: HTTPRequest, token: UInt64)?
    /// Set once the connection speaks HTTP/2 (its preface, or `Upgrade: h2c`): every event goes there.
    private var http2: HTTP2Connection?
    /// Whether the connection was handed to HTTP/2 (for the open-connection counts by protocol).
    var speaksHTTP2: Bool { http2 != nil }
    /// The first bytes were checked for the HTTP/2 preface (only a new connection's first bytes can be it).
    private var prefaceChecked = false

    /// When the current timer fires, and what it means.
    private(set) var deadline: ContinuousClock.Instant
    private var deadlineKind = DeadlineKind.header

    enum DeadlineKind { case header, body, idle, write, linger, stream, deferred, http2 }

    init(fd: CInt, remoteAddress: String, loop: EventLoop) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.loop = loop
        self.parser = RequestParser(limits: loop.limits)
        self.deadline = .now + loop.configuration.headerReadTimeout
    }

    /// Idle: between requests with nothing buffered in either direction. Drain closes these at once.
    var isIdle: Bool {
        !isLingering && awaiting == nil && parser.isAtRequestBoundary && inputStart == input.count
            && outputStart == output.count
    }

    // MARK: Events

    func readable() {
        if let http2 {
            http2.readable()
            return
        }
        if isLingering || stream != nil {
            // A streaming connection reads only to notice the client leaving; what it sends is dropped.
            discardInput()
            return
        }
        let count: Int
        do {
            switch try loop.readInto(fd) {
            case .wouldBlock: return
            case .processed(let read): count = read
            }
        } catch {
            close()
            return
        }
        if count == 0 {
            peerFinished = true
        } else {
            if input.count == inputStart, parser.isAtRequestBoundary, !receivedAnyOfHead {
                receivedAnyOfHead = true
                if requestsServed > 0 { setDeadline(.header, after: loop.configuration.headerReadTimeout) }
            }
            if inputStart == input.count {
                input.removeAll(keepingCapacity: true)
                inputStart = 0
            } else if inputStart > 64 * 1024 && inputStart * 2 > input.count {
                input.removeFirst(inputStart)
                inputStart = 0
            }
            input.append(contentsOf: loop.readBuffer[..<count])
            if parser.isReadingBody { setDeadline(.body, after: loop.configuration.bodyReadTimeout) }
        }
        if !prefaceChecked {
            switch HTTP2Preface.match(input[inputStart...]) {
            case .partial where !peerFinished:
                return
            case .complete:
                prefaceChecked = true
                startHTTP2(upgrade: nil)
                return
            default:
                prefaceChecked = true
            }
        }
        processInput()
        if peerFinished && !isClosed && !isLingering && awaiting == nil && http2 == nil {
            // Nothing more will come: finish what is owed, then close.
            if outputStart == output.count { close() } else { closeAfterOutput = true }
        }
    }

    func writable() {
        if let http2 {
            http2.writable()
            return
        }
        flush()
        if !waitingForWritable && !isClosed && !closeAfterOutput { processInput() }
    }

    /// The timer sweep: acts if the deadline has passed.
    func checkDeadline(now: ContinuousClock.Instant) {
        guard !isClosed, now >= deadline else { return }
        switch deadlineKind {
        case .header:
            if receivedAnyOfHead || input.count > inputStart {
                loop.counters.timedOut.add(1, ordering: .relaxed)
                fail(.headerTimeout, request: nil)
            } else {
                close()   // a connection that never sent anything (or an idle one): close quietly
            }
        case .body:
            loop.counters.timedOut.add(1, ordering: .relaxed)
            fail(.bodyTimeout, request: nil)
        case .idle, .write, .linger, .deferred:
            // A deferred answer that never came: whoever owed it failed (its completion answers 500 when
            // dropped, so this is a last resort).
            close()
        case .stream:
            // A quiet stream is healthy; only stalled output (`.write`) times it out.
            setDeadline(.stream, after: Self.streamQuietDeadline)
        case .http2:
            http2?.checkDeadline(now: now)
        }
    }

    /// Drain: close if idle, otherwise answer the request in flight with `Connection: close`.
    func beginDrain() {
        if let http2 {
            http2.beginDrain()
        } else if let stream, !closeAfterOutput {
            stream.markClosed()
            streamFinish()
        } else if isIdle {
            close()
        }
    }

    // MARK: Requests

    private func processInput() {
        while !isClosed && !closeAfterOutput && !isLingering && stream == nil && awaiting == nil && http2 == nil {
            if output.count - outputStart >= loop.configuration.maxPendingOutputBytes {
                // Too much queued: write it first. If it all went out, go on with the pipelined requests;
                // if not, EPOLLOUT brings us back through `writable()`.
                flush()
                if waitingForWritable || outputStart < output.count { return }
                continue
            }
            let (consumed, event) = input.withUnsafeBufferPointer { buffer in
                parser.parse(UnsafeBufferPointer(rebasing: buffer[inputStart...]))
            }
            inputStart += consumed
            switch event {
            case .needMore:
                if parser.isReadingBody {
                    if deadlineKind != .body { setDeadline(.body, after: loop.configuration.bodyReadTimeout) }
                } else if deadlineKind == .idle && (!parser.isAtRequestBoundary || inputStart < input.count) {
                    // Part of a pipelined head is already here: it gets the header timeout, not the idle one.
                    receivedAnyOfHead = true
                    setDeadline(.header, after: loop.configuration.headerReadTimeout)
                }
                flush()
                return
            case .expectsContinue:
                output.append(contentsOf: ResponseWriter.continueResponse)
                setDeadline(.body, after: loop.configuration.bodyReadTimeout)
            case .request(var request):
                request.remoteAddress = remoteAddress
                request.receivedAt = .now
                respond(to: request)
            case .failure(let error, var request):
                request?.remoteAddress = remoteAddress
                loop.counters.malformed.add(1, ordering: .relaxed)
                fail(error, request: request)
                return
            }
        }
        flush()
    }

    private func respond(to request: HTTPRequest) {
        // `Upgrade: h2c` (RFC 7540 §3.2): the request becomes HTTP/2's stream 1, answered and counted there.
        if request.headers.contains("HTTP2-Settings"), !loop.counters.draining.load(ordering: .relaxed),
           let settings = HTTP2Upgrade.settings(of: request), startHTTP2(upgrade: (request, settings)) {
            return
        }
        loop.counters.requests.add(1, ordering: .relaxed)
        requestsServed += 1
        receivedAnyOfHead = false
        var response: HTTPResponse
        do {
            response = try loop.responder.respond(to: request)
        } catch {
            loop.logger.error("responder threw", metadata: ["error": "\(error)", "target": "\(request.target)"])
            response = loop.responder.respond(to: .handlerFailed, request: request)
        }
        answer(request, with: response)
    }

    /// Writes the answer to `request`: now, as a stream, or later (deferred).
    private func answer(_ request: HTTPRequest, with response: HTTPResponse) {
        if let start = response.deferred {
            let completion = loop.openDeferred(for: self)
            awaiting = (request, completion.token)
            // Until the answer comes, nothing is read: pipelined requests wait in the socket, not in memory.
            if !waitingForWritable { loop.watch(self, .none) }
            setDeadline(.deferred, after: Self.deferredDeadline)
            start(completion)
            return
        }
        if let body = response.stream {
            respond(to: request, streaming: response, body: body)
            return
        }
        let keepAlive = request.wantsKeepAlive && !loop.counters.draining.load(ordering: .relaxed) && !peerFinished
        let header: ResponseWriter.ConnectionHeader =
            !keepAlive ? .close : (request.version.minor == 0 ? .keepAlive : .none)
        loop.writer.write(response, headRequest: request.method == "HEAD", connection: header, to: &output)
        if keepAlive {
            setDeadline(.idle, after: loop.configuration.idleTimeout)
        } else {
            closeAfterOutput = true
        }
    }

    /// On the loop thread: the deferred answer arrived. Write it, then go on with what the client sent.
    func deliverDeferred(_ response: HTTPResponse, token: UInt64) {
        guard let (request, expected) = awaiting, expected == token, !isClosed else { return }
        awaiting = nil
        answer(request, with: response)
        if isClosed || awaiting != nil { return }
        if !waitingForWritable { loop.watch(self, .read) }
        if peerFinished && stream == nil && !closeAfterOutput { closeAfterOutput = true }
        processInput()
        if peerFinished && !isClosed && !isLingering && awaiting == nil && http2 == nil && outputStart == output.count {
            close()
        }
    }

    /// Writes a streamed response's head and hands the stream its writer. HEAD gets the head only and the
    /// connection goes on as after any response; a GET's stream owns the connection until it ends.
    private func respond(to request: HTTPRequest, streaming response: HTTPResponse, body: any ResponseStream) {
        let head = request.method == "HEAD"
        let chunked = request.version.minor >= 1
        let keepAlive = head && request.wantsKeepAlive && !loop.counters.draining.load(ordering: .relaxed) && !peerFinished
        let header: ResponseWriter.ConnectionHeader =
            !keepAlive ? .close : (request.version.minor == 0 ? .keepAlive : .none)
        loop.writer.writeStreamHead(response, chunked: chunked, connection: header, to: &output)
        if head || response.status.forbidsBody || loop.counters.draining.load(ordering: .relaxed) {
            if keepAlive { setDeadline(.idle, after: loop.configuration.idleTimeout) } else { closeAfterOutput = true }
            if chunked && !head && !response.status.forbidsBody { output.append(contentsOf: Self.lastChunk) }
            return
        }
        // Caps what the kernel buffers for this socket (autotuning would take up to tcp_wmem's 4 MiB), so a
        // client that stops reading costs at most this plus `maxStreamPendingBytes`.
        try? Posix.setOption(fd, SOL_SOCKET, SO_SNDBUF, CInt(min(Self.streamSocketBuffer, loop.configuration.maxStreamPendingBytes)))
        let writer = loop.openStream(for: self)
        stream = writer
        streamChunked = chunked
        setDeadline(.stream, after: Self.streamQuietDeadline)
        flush()
        if isClosed { return }
        body.start(writer: writer)
    }

    /// On the loop thread: a chunk the stream wrote.
    func streamWrite(_ bytes: [UInt8]) {
        guard let stream, !isClosed else { return }
        stream.dequeued(bytes.count)
        guard !closeAfterOutput else { return }
        if streamChunked {
            output.append(contentsOf: String(bytes.count, radix: 16).utf8)
            output.append(.cr)
            output.append(.lf)
            output.append(contentsOf: bytes)
            output.append(.cr)
            output.append(.lf)
        } else {
            output.append(contentsOf: bytes)
        }
        stream.unsent.store(output.count - outputStart, ordering: .relaxed)
        // One flush after the batch of commands; none while waiting for EPOLLOUT, which brings us back.
        if !waitingForWritable && !streamFlushScheduled {
            streamFlushScheduled = true
            loop.scheduleFlush(self)
        }
    }

    /// After a batch of commands: sends what the stream's writes queued.
    func flushStream() {
        streamFlushScheduled = false
        if !isClosed && !waitingForWritable { flush() }
    }

    /// On the loop thread: the stream ended; send the last chunk, then close.
    func streamFinish() {
        guard stream != nil, !isClosed, !closeAfterOutput else { return }
        if streamChunked { output.append(contentsOf: Self.lastChunk) }
        closeAfterOutput = true
        if !waitingForWritable { flush() }
    }

    private static let streamSocketBuffer = 128 * 1024
    /// How long a deferred answer may take before the connection is given up. Stores time out their own
    /// calls far sooner; this only keeps a lost answer from holding a connection forever.
    private static let deferredDeadline = Duration.seconds(120)
    private static let lastChunk = Array("0\r\n\r\n".utf8)
    /// A streaming connection's timer when nothing is stalled: far away, so a quiet stream lives on.
    private static let streamQuietDeadline = Duration.seconds(3600)

    /// Answers a request the server refused and closes after it.
    private func fail(_ error: HTTPServerError, request: HTTPRequest?) {
        let response = loop.responder.respond(to: error, request: request)
        loop.writer.write(response, headRequest: request?.method == "HEAD", connection: .close, to: &output)
        closeAfterOutput = true
        flush()
    }

    // MARK: Output

    private func flush() {
        var progressed = false
        while outputStart < output.count {
            let result: IOResult<Int>
            do {
                result = try output.withUnsafeBytes { try Posix.send(fd, UnsafeRawBufferPointer(rebasing: $0[outputStart...])) }
            } catch {
                close()
                return
            }
            switch result {
            case .processed(let count):
                outputStart += count
                progressed = true
            case .wouldBlock:
                stream?.unsent.store(output.count - outputStart, ordering: .relaxed)
                if !waitingForWritable {
                    waitingForWritable = true
                    loop.watch(self, .write)
                    setDeadline(.write, after: loop.configuration.idleTimeout)
                } else if progressed && deadlineKind == .write {
                    // The limit is on time without progress: a slow reader of a large answer is kept while
                    // it reads, one that stopped reading is dropped.
                    setDeadline(.write, after: loop.configuration.idleTimeout)
                }
                return
            }
        }
        output.removeAll(keepingCapacity: output.capacity <= 256 * 1024)
        outputStart = 0
        stream?.unsent.store(0, ordering: .relaxed)
        if waitingForWritable {
            waitingForWritable = false
            loop.watch(self, awaiting == nil ? .read : .none)
            if deadlineKind == .write {
                if stream != nil {
                    setDeadline(.stream, after: Self.streamQuietDeadline)
                } else {
                    setDeadline(.idle, after: loop.configuration.idleTimeout)
                }
            }
        }
        if closeAfterOutput { linger() }
    }

    // MARK: Closing

    /// Shuts the write side and drops further input for a moment, so a client still sending (a body we
    /// refused, pipelined requests) gets our response instead of a connection reset.
    private func linger() {
        guard !isLingering, !isClosed else { return }
        if peerFinished {
            close()
            return
        }
        isLingering = true
        shutdown(fd, Int32(SHUT_WR))
        setDeadline(.linger, after: min(.seconds(2), loop.configuration.idleTimeout))
        discardInput()
    }

    private func discardInput() {
        input.removeAll()
        inputStart = 0
        while !isClosed {
            switch try? loop.readInto(fd) {
            case .processed(let count) where count > 0: continue
            case .wouldBlock: return
            default: close()
            }
        }
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        if let stream { loop.closeStream(stream) }
        if let awaiting { loop.cancelDeferred(awaiting.token) }
        http2?.connectionClosed()
        loop.remove(self)
    }

    private func setDeadline(_ kind: DeadlineKind, after interval: Duration) {
        deadlineKind = kind
        deadline = .now + interval
    }

    // MARK: HTTP/2

    /// Hands the connection to HTTP/2: after the client preface, or (with `upgrade`) after an HTTP/1.1
    /// request with `Upgrade: h2c`, which becomes stream 1. False when the upgrade's settings were refused
    /// (the request is then answered over HTTP/1.1).
    @discardableResult
    private func startHTTP2(upgrade: (request: HTTPRequest, settings: [UInt8])?) -> Bool {
        var pending: [UInt8] = []
        if upgrade != nil {
            // Whatever was already answered goes first, then the 101, then HTTP/2 frames.
            pending = Array(output[outputStart...])
            pending.append(contentsOf: HTTP2Upgrade.switchingProtocols)
        }
        guard let http2 = HTTP2Connection(connection: self, loop: loop, remoteAddress: remoteAddress, pendingOutput: pending, upgrade: upgrade) else {
            return false
        }
        self.http2 = http2
        loop.counters.openHTTP2.add(1, ordering: .relaxed)
        output.removeAll()
        outputStart = 0
        let unread = Array(input[inputStart...])
        input = []
        inputStart = 0
        if waitingForWritable {
            waitingForWritable = false
            loop.watch(self, .read)
        }
        http2.start(input: unread)
        return true
    }

    /// HTTP/2's timer: the sweep calls `HTTP2Connection.checkDeadline` once `at` has passed.
    func setHTTP2Deadline(_ at: ContinuousClock.Instant) {
        deadlineKind = .http2
        deadline = at
    }
}

extension Connection: DeferredResponseTarget {}

extension Connection: ResponseStreamTarget {
    /// The stream fell too far behind: the connection closes (its framing cannot end the body early).
    func streamAbort() {
        close()
    }
}

@available(*, unavailable)
extension Connection: Sendable {}
