import CNGHTTP2
#if canImport(Glibc)
import Glibc
#endif

/// One connection speaking HTTP/2 cleartext (h2c), on its loop thread. nghttp2 does the framing, HPACK and
/// flow control: received bytes go straight from the loop's read buffer into `nghttp2_session_mem_recv`, and
/// `nghttp2_session_mem_send` fills the output buffer. Each request, once complete, goes to the same
/// `HTTPResponder` as HTTP/1's; its response is submitted on its stream while other streams go on.
///
/// Never closed from inside an nghttp2 callback: callbacks only set state, and the connection closes after
/// `mem_recv`/`mem_send` return.
final class HTTP2Connection {
    private unowned let connection: Connection
    let loop: EventLoop
    let remoteAddress: String
    var session: OpaquePointer!
    private var streams: [Int32: HTTP2Stream] = [:]
    private var output: [UInt8]
    private var outputStart = 0
    private var waitingForWritable = false
    private var flushScheduled = false
    /// GOAWAY was sent (drain) or a connection error is being reported: new streams are not accepted.
    private var draining = false
    /// A connection error's GOAWAY is queued: once written, the connection closes.
    private var terminating = false
    private var isLingering = false
    private var isClosed = false
    /// The upgraded HTTP/1.1 request, answered as stream 1 once the session is running.
    private var upgradeRequest: HTTPRequest?
    private var deadlineKind = DeadlineKind.idle
    private var resetWindowStart = ContinuousClock.now
    private var resetsInWindow = 0
    /// Scratch for response headers, reused from one response to the next.
    var headerBytes: [UInt8] = []
    var headerSpans: [(name: Range<Int>, value: Range<Int>)] = []
    var nameValues: [nghttp2_nv] = []
    var dateSecond = -1
    var dateValue: [UInt8] = []

    private enum DeadlineKind { case idle, body, busy, write, linger }

    /// A busy connection's timer (streams being answered by a deferred call or a stream writer): far away.
    private static let busyDeadline = Duration.seconds(3600)

    /// Nil when nghttp2 refuses (an upgrade's settings are malformed): the connection stays HTTP/1.
    init?(connection: Connection, loop: EventLoop, remoteAddress: String, pendingOutput: [UInt8],
          upgrade: (request: HTTPRequest, settings: [UInt8])?) {
        self.connection = connection
        self.loop = loop
        self.remoteAddress = remoteAddress
        self.output = pendingOutput
        guard let session = makeSession() else { return nil }
        self.session = session
        if let upgrade {
            let head: Int32 = upgrade.request.method == "HEAD" ? 1 : 0
            let status = upgrade.settings.withUnsafeBufferPointer {
                nghttp2_session_upgrade2(session, $0.baseAddress, $0.count, head, nil)
            }
            guard status == 0 else {
                nghttp2_session_del(session)
                self.session = nil
                return nil
            }
            upgradeRequest = upgrade.request
        }
        let configuration = loop.configuration
        var settings = [
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue),
                                   value: UInt32(configuration.http2MaxConcurrentStreams)),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE.rawValue),
                                   value: UInt32(configuration.maxHeaderBytes)),
        ]
        nghttp2_submit_settings(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), &settings, settings.count)
    }

    private func makeSession() -> OpaquePointer? {
        var callbacks: OpaquePointer?
        guard nghttp2_session_callbacks_new(&callbacks) == 0, let callbacks else { return nil }
        defer { nghttp2_session_callbacks_del(callbacks) }
        Self.install(callbacks)
        var option: OpaquePointer?
        guard nghttp2_option_new(&option) == 0, let option else { return nil }
        defer { nghttp2_option_del(option) }
        var session: OpaquePointer?
        let status = nghttp2_session_server_new2(&session, callbacks, Unmanaged.passUnretained(self).toOpaque(), option)
        return status == 0 ? session : nil
    }

    /// Runs the session: answers the upgraded request (if any), then what the client already sent.
    func start(input: [UInt8]) {
        if let request = upgradeRequest, let stream = openStream(1) {
            upgradeRequest = nil
            var request = request
            request.version = .http2
            request.remoteAddress = remoteAddress
            request.receivedAt = .now
            stream.requestComplete = true
            stream.answered = true
            respond(stream, to: request)
        }
        if !input.isEmpty {
            input.withUnsafeBufferPointer { receive($0) }
        }
        if !isClosed { flush() }
        updateDeadline()
    }

    // MARK: Events

    func readable() {
        if isLingering {
            discardInput()
            return
        }
        let count: Int
        do {
            switch try loop.readInto(connection.fd) {
            case .wouldBlock: return
            case .processed(let read): count = read
            }
        } catch {
            close()
            return
        }
        // The client closed: nothing more can be answered usefully.
        guard count > 0 else { return close() }
        loop.readBuffer.withUnsafeBufferPointer { receive(UnsafeBufferPointer(rebasing: $0[..<count])) }
        if !isClosed { flush() }
        updateDeadline()
    }

    func writable() {
        flush()
        updateDeadline()
    }

    /// After a command (a deferred answer, a stream's writes): sends what it queued.
    func flushAfterCommand() {
        flushScheduled = false
        guard !isClosed, !waitingForWritable else { return }
        flush()
        updateDeadline()
    }

    private func receive(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !isClosed, let base = bytes.baseAddress else { return }
        let result = nghttp2_session_mem_recv(session, base, bytes.count)
        if result < 0 && !terminating {
            // Fatal for the session (bad preface, flooding, out of memory): nothing more can be said.
            close()
        }
    }

    // MARK: Output

    /// Writes pending output, then as many frames as nghttp2 has, until the socket would block.
    private func flush() {
        var progressed = false
        while !isClosed {
            if outputStart < output.count {
                let result: IOResult<Int>
                do {
                    result = try output.withUnsafeBytes {
                        try Posix.send(connection.fd, UnsafeRawBufferPointer(rebasing: $0[outputStart...]))
                    }
                } catch {
                    close()
                    return
                }
                switch result {
                case .processed(let count):
                    outputStart += count
                    progressed = true
                    continue
                case .wouldBlock:
                    if !waitingForWritable {
                        waitingForWritable = true
                        // Not read while it cannot write: a client that does not read cannot make us queue.
                        loop.watch(connection, .write)
                        setDeadline(.write, after: loop.configuration.idleTimeout)
                    } else if progressed && deadlineKind == .write {
                        // Time without progress counts, not the whole answer's: a slow reader is kept.
                        setDeadline(.write, after: loop.configuration.idleTimeout)
                    }
                    return
                }
            }
            output.removeAll(keepingCapacity: true)
            outputStart = 0
            if isLingering { break }
            // Frames are gathered up to 64 KiB, then sent in one call.
            while output.count < 64 * 1024 {
                var data: UnsafePointer<UInt8>?
                let count = nghttp2_session_mem_send(session, &data)
                if count < 0 {
                    close()
                    return
                }
                guard count > 0, let data else { break }
                output.append(contentsOf: UnsafeBufferPointer(start: data, count: count))
            }
            if output.isEmpty { break }
        }
        guard !isClosed else { return }
        if waitingForWritable {
            waitingForWritable = false
            loop.watch(connection, .read)
            deadlineKind = .idle
        }
        if !isLingering && nghttp2_session_want_read(session) == 0 && nghttp2_session_want_write(session) == 0 {
            linger()
        }
    }

    /// A DATA frame of a fixed body, written straight into the output (no copy in nghttp2's buffer): the
    /// frame header, the padding length if any, the payload, then the padding (RFC 9113 §6.1).
    func writeDataFrame(header: UnsafeBufferPointer<UInt8>, padding: Int, length: Int, from stream: HTTP2Stream) {
        output.append(contentsOf: header)
        if padding > 0 { output.append(UInt8(padding - 1)) }
        stream.writeBody(length, to: &output)
        if padding > 1 { output.append(contentsOf: repeatElement(0, count: padding - 1)) }
    }

    // MARK: Timers

    /// Sets the timer from the connection's state: idle (no streams), a request body on its way, or busy.
    private func updateDeadline() {
        guard !isClosed, !isLingering, !waitingForWritable else { return }
        if streams.isEmpty {
            setDeadline(.idle, after: loop.configuration.idleTimeout)
        } else if streams.values.contains(where: { !$0.requestComplete && !$0.answered }) {
            setDeadline(.body, after: loop.configuration.bodyReadTimeout)
        } else {
            setDeadline(.busy, after: Self.busyDeadline)
        }
    }

    private func setDeadline(_ kind: DeadlineKind, after interval: Duration) {
        deadlineKind = kind
        connection.setHTTP2Deadline(.now + interval)
    }

    func checkDeadline(now: ContinuousClock.Instant) {
        guard !isClosed else { return }
        switch deadlineKind {
        case .idle:
            // Idle too long: GOAWAY, then close.
            terminate(NGHTTP2_NO_ERROR)
        case .body:
            // Requests whose bodies stopped coming are answered 408, as over HTTP/1; the others go on.
            for stream in streams.values where !stream.requestComplete && !stream.answered {
                loop.counters.timedOut.add(1, ordering: .relaxed)
                refuse(stream, .bodyTimeout)
            }
        case .busy:
            break
        case .write, .linger:
            return close()
        }
        if !isClosed { flush() }
        updateDeadline()
    }

    // MARK: Ending

    /// Drain: GOAWAY naming the last stream taken; those finish (a streamed body ends now), then the
    /// connection closes.
    func beginDrain() {
        guard !isClosed, !draining else { return }
        draining = true
        nghttp2_submit_goaway(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), nghttp2_session_get_last_proc_stream_id(session),
                              NGHTTP2_NO_ERROR.rawValue, nil, 0)
        for stream in streams.values where stream.isStreaming && !stream.streamFinished {
            stream.writer?.markClosed()
            stream.streamFinished = true
            resume(stream)
        }
        if !waitingForWritable { flush() }
        updateDeadline()
    }

    /// A connection error: GOAWAY with `code`, then close once it is written. Safe inside callbacks.
    func terminate(_ code: nghttp2_error_code) {
        guard !terminating else { return }
        terminating = true
        draining = true
        nghttp2_session_terminate_session(session, code.rawValue)
    }

    /// Everything is said: shut the write side and read what the client still sends until it closes (or
    /// briefly), so it sees our last frames rather than a reset.
    private func linger() {
        guard !isLingering, !isClosed else { return }
        isLingering = true
        shutdown(connection.fd, Int32(SHUT_WR))
        setDeadline(.linger, after: min(.seconds(2), loop.configuration.idleTimeout))
        discardInput()
    }

    private func discardInput() {
        for _ in 0..<64 where !isClosed {
            switch try? loop.readInto(connection.fd) {
            case .processed(let count) where count > 0: continue
            case .wouldBlock: return
            default: return close()
            }
        }
    }

    private func close() {
        connection.close()
    }

    /// Called by `Connection.close()`: releases the streams and the session.
    func connectionClosed() {
        guard !isClosed else { return }
        isClosed = true
        for stream in streams.values { stream.closed(loop: loop) }
        streams.removeAll()
        nghttp2_session_del(session)
        session = nil
    }

    // MARK: Streams

    func openStream(_ id: Int32) -> HTTP2Stream? {
        guard !isClosed else { return nil }
        let stream = HTTP2Stream(id: id, connection: self)
        streams[id] = stream
        return stream
    }

    func stream(_ id: Int32) -> HTTP2Stream? {
        streams[id]
    }

    func streamClosed(_ id: Int32) {
        streams.removeValue(forKey: id)?.closed(loop: loop)
    }

    /// A streamed body has more (or has ended): let nghttp2 ask for it again, and flush after this batch.
    func resume(_ stream: HTTP2Stream) {
        if stream.dataDeferred {
            stream.dataDeferred = false
            nghttp2_session_resume_data(session, stream.id)
        }
        scheduleFlush(stream)
    }

    /// Ends one stream abruptly (its writer fell too far behind); the connection goes on.
    func reset(_ stream: HTTP2Stream) {
        nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), stream.id, NGHTTP2_INTERNAL_ERROR.rawValue)
        scheduleFlush(stream)
    }

    private func scheduleFlush(_ stream: HTTP2Stream) {
        guard !flushScheduled else { return }
        flushScheduled = true
        loop.scheduleFlush(stream)
    }

    /// Counts a RST_STREAM from the client; true when it has sent too many this second (rapid reset).
    func countReset() -> Bool {
        let now = ContinuousClock.now
        if now - resetWindowStart >= .seconds(1) {
            resetWindowStart = now
            resetsInWindow = 0
        }
        resetsInWindow += 1
        return resetsInWindow > loop.configuration.http2MaxResetsPerSecond
    }

    var isAcceptingStreams: Bool { !draining }
}

@available(*, unavailable)
extension HTTP2Connection: Sendable {}
