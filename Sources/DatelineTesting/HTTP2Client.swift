#if canImport(Glibc)
import Glibc
#endif
import CNGHTTP2

/// A blocking HTTP/2 (h2c) test client: nghttp2's own client session over a raw loopback socket, so tests
/// send real frames with full control of settings, windows and resets, and see every frame's effect.
///
/// ```swift
/// let client = try HTTP2Client(port: port)
/// let response = try client.get("/articles")
/// ```
public final class HTTP2Client {
    /// One stream's answer as received so far.
    public struct Response: Sendable {
        public var status: Int?
        /// Header fields in order, names as sent (lower case).
        public var headers: [(String, String)] = []
        public var body: [UInt8] = []
        /// The stream's RST_STREAM error code, if it was reset (by either side).
        public var resetCode: UInt32?
        /// The stream is closed (answered or reset).
        public var isClosed = false

        /// The first value of `name`, compared case-insensitively.
        public func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }

        public var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    /// A GOAWAY the server sent.
    public struct GoAway: Sendable {
        public var errorCode: UInt32
        public var lastStreamID: Int32
    }

    public private(set) var responses: [Int32: Response] = [:]
    public private(set) var goAway: GoAway?
    /// The server closed the connection (EOF or reset).
    public private(set) var peerClosed = false
    /// Request bodies not yet taken by nghttp2, by stream.
    private var bodies: [Int32: (bytes: [UInt8], offset: Int)] = [:]
    let fd: CInt
    var session: OpaquePointer!
    private var output: [UInt8] = []

    /// Connects to 127.0.0.1:`port` and starts HTTP/2 with prior knowledge, sending `settings` (id, value)
    /// pairs, e.g. a small SETTINGS_INITIAL_WINDOW_SIZE. With `upgradePath`, it first sends an HTTP/1.1
    /// `GET upgradePath` with `Upgrade: h2c`; the answer to it arrives on stream 1.
    /// `assumedStreamLimit` is how many streams the client opens before it has seen the server's SETTINGS.
    public init(port: Int, settings: [(id: Int32, value: UInt32)] = [], upgradePath: String? = nil, assumedStreamLimit: Int = 100) throws {
        fd = try Self.connect(port: port)
        var callbacks: OpaquePointer?
        nghttp2_session_callbacks_new(&callbacks)
        defer { nghttp2_session_callbacks_del(callbacks) }
        Self.install(callbacks!)
        var option: OpaquePointer?
        nghttp2_option_new(&option)
        defer { nghttp2_option_del(option) }
        nghttp2_option_set_peer_max_concurrent_streams(option, UInt32(assumedStreamLimit))
        var session: OpaquePointer?
        guard nghttp2_session_client_new2(&session, callbacks, Unmanaged.passUnretained(self).toOpaque(), option) == 0 else {
            Glibc.close(fd)
            throw RawHTTPClientError.malformed("nghttp2_session_client_new2 failed")
        }
        self.session = session
        var entries = settings.map { nghttp2_settings_entry(settings_id: $0.id, value: $0.value) }
        if let upgradePath {
            try upgrade(path: upgradePath, settings: &entries)
        } else {
            nghttp2_submit_settings(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), entries, entries.count)
        }
    }

    deinit {
        close()
    }

    // MARK: Requests

    /// Queues a request (sent by the next `run`/`flush`); returns its stream id. With `bodyNeverEnds`, the
    /// request's HEADERS leave the stream open and no body ever follows (a client that stalls).
    @discardableResult
    public func submit(_ method: String = "GET", _ path: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
                       bodyNeverEnds: Bool = false) throws -> Int32 {
        let body = bodyNeverEnds ? [] : body
        var fields = [(":method", method), (":scheme", "http"), (":authority", "127.0.0.1"), (":path", path)]
        fields += headers.map { ($0.0.lowercased(), $0.1) }
        let streamID = withNameValues(fields) { nameValues -> Int32 in
            guard body != nil else { return nghttp2_submit_request(session, nil, nameValues, nameValues.count, nil, nil) }
            var provider = nghttp2_data_provider()
            provider.read_callback = { _, streamID, buffer, length, flags, _, userData in
                let client = Unmanaged<HTTP2Client>.fromOpaque(userData!).takeUnretainedValue()
                return client.readBody(streamID, into: buffer!, length: length, flags: flags!)
            }
            return nghttp2_submit_request(session, nil, nameValues, nameValues.count, &provider, nil)
        }
        guard streamID > 0 else { throw RawHTTPClientError.malformed("nghttp2_submit_request failed: \(streamID)") }
        if let body, !bodyNeverEnds { bodies[streamID] = (body, 0) }
        responses[streamID] = Response()
        return streamID
    }

    /// Sends a request and runs until its stream closes.
    public func get(_ path: String, method: String = "GET", headers: [(String, String)] = [], body: [UInt8]? = nil,
                    timeout: Duration = .seconds(5)) throws -> Response {
        let id = try submit(method, path, headers: headers, body: body)
        try run(timeout: timeout) { $0.responses[id]?.isClosed == true }
        return responses[id]!
    }

    /// Queues RST_STREAM for `stream` (by default CANCEL).
    public func reset(_ stream: Int32, code: UInt32 = HTTP2ErrorCode.cancel) {
        nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), stream, code)
    }

    // MARK: I/O

    /// Writes every frame nghttp2 has queued (blocking until the socket takes them).
    public func flush() throws {
        fill()
        var sent = 0
        while sent < output.count {
            let count = output.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&poller, 1, 100)
                    continue
                }
                peerClosed = true
                output.removeAll()
                return
            }
            sent += count
        }
        output.removeAll(keepingCapacity: true)
    }

    /// Sends what is queued and reads frames until `done` says so, the server closes, or `timeout` passes
    /// (which throws).
    public func run(timeout: Duration = .seconds(5), until done: (HTTP2Client) -> Bool) throws {
        let deadline = ContinuousClock.now + timeout
        while !done(self) {
            try flush()
            if peerClosed { return }
            guard ContinuousClock.now < deadline else { throw RawHTTPClientError.malformed("HTTP/2: timed out") }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            try receiveOnce()
        }
        try flush()
    }

    /// Reads until the server closes the connection (or `timeout`); true if it did.
    public func runUntilClosed(timeout: Duration = .seconds(5)) -> Bool {
        (try? run(timeout: timeout) { $0.peerClosed }) != nil && peerClosed
    }

    private func receiveOnce() throws {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if count < 0 && (errno == EAGAIN || errno == EINTR) { return }
        guard count > 0 else {
            peerClosed = true
            return
        }
        let result = buffer.withUnsafeBufferPointer { nghttp2_session_mem_recv(session, $0.baseAddress, count) }
        if result < 0 { throw RawHTTPClientError.malformed("HTTP/2: nghttp2_session_mem_recv: \(String(cString: nghttp2_strerror(Int32(result))))") }
    }

    private func fill() {
        while true {
            var data: UnsafePointer<UInt8>?
            let count = nghttp2_session_mem_send(session, &data)
            guard count > 0, let data else { return }
            output.append(contentsOf: UnsafeBufferPointer(start: data, count: count))
        }
    }

    /// Closes the socket (idempotent).
    public func close() {
        guard let session else { return }
        nghttp2_session_del(session)
        self.session = nil
        Glibc.close(fd)
    }

    // MARK: Internals

    func setResponse(_ response: Response, for stream: Int32) {
        responses[stream] = response
    }

    func received(header name: String, value: String, stream: Int32) {
        if name == ":status" {
            responses[stream, default: Response()].status = Int(value)
        } else {
            responses[stream, default: Response()].headers.append((name, value))
        }
    }

    func received(data: UnsafeBufferPointer<UInt8>, stream: Int32) {
        responses[stream, default: Response()].body.append(contentsOf: data)
    }

    func received(frame: nghttp2_frame) {
        switch UInt32(frame.hd.type) {
        case NGHTTP2_GOAWAY.rawValue:
            goAway = GoAway(errorCode: frame.goaway.error_code, lastStreamID: frame.goaway.last_stream_id)
        case NGHTTP2_RST_STREAM.rawValue:
            responses[frame.hd.stream_id, default: Response()].resetCode = frame.rst_stream.error_code
        default:
            break
        }
    }

    func closed(stream: Int32, errorCode: UInt32) {
        responses[stream, default: Response()].isClosed = true
        if errorCode != 0, responses[stream]?.resetCode == nil { responses[stream]?.resetCode = errorCode }
    }

    private func readBody(_ stream: Int32, into buffer: UnsafeMutablePointer<UInt8>, length: Int, flags: UnsafeMutablePointer<UInt32>) -> Int {
        guard var entry = bodies[stream] else { return Int(NGHTTP2_ERR_DEFERRED.rawValue) }
        let count = min(length, entry.bytes.count - entry.offset)
        entry.bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + entry.offset, count: count) }
        entry.offset += count
        if entry.offset == entry.bytes.count {
            flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue
            bodies[stream] = nil
        } else {
            bodies[stream] = entry
        }
        return count
    }

    /// nghttp2 name/value pairs over one buffer holding every name and value (nghttp2 copies them).
    private func withNameValues<T>(_ fields: [(String, String)], _ body: ([nghttp2_nv]) -> T) -> T {
        var bytes: [UInt8] = [0]   // never empty, so an empty value still has an address
        var spans: [(Range<Int>, Range<Int>)] = []
        for (name, value) in fields {
            let nameStart = bytes.count
            bytes += name.utf8
            let valueStart = bytes.count
            bytes += value.utf8
            spans.append((nameStart..<valueStart, valueStart..<bytes.count))
        }
        return bytes.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            let nameValues = spans.map {
                nghttp2_nv(name: base + $0.0.lowerBound, value: base + $0.1.lowerBound, namelen: $0.0.count, valuelen: $0.1.count,
                           flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue))
            }
            return body(nameValues)
        }
    }
}

@available(*, unavailable)
extension HTTP2Client: Sendable {}

/// HTTP/2 error codes (RFC 9113 §7) that tests look for.
public enum HTTP2ErrorCode {
    public static let noError: UInt32 = 0
    public static let protocolError: UInt32 = 1
    public static let refusedStream: UInt32 = 7
    public static let cancel: UInt32 = 8
    public static let enhanceYourCalm: UInt32 = 11
}

/// HTTP/2 settings identifiers (RFC 9113 §6.5.2) that tests send.
public enum HTTP2Setting {
    public static let initialWindowSize: Int32 = 4
    public static let maxFrameSize: Int32 = 5
}
