#if canImport(Glibc)
import Glibc
#endif

/// Settings of a `Server`. Every limit has a safe default; tests shrink them to hit them quickly.
public struct ServerConfiguration: Sendable {
    /// An IPv4 or IPv6 literal (`127.0.0.1`, `::1`, `0.0.0.0`, `::`) or a host name.
    public var host = "127.0.0.1"
    /// 0 asks the kernel for a free port; `Server.start()` returns the one it got.
    public var port = 8080
    /// Event loop threads, each owning its connections. Default: one per core.
    public var eventLoopCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    /// A longer request line is answered 414.
    public var maxRequestLineBytes = 8 * 1024
    /// A larger header block (request line excluded) is answered 431.
    public var maxHeaderBytes = 16 * 1024
    /// More header fields than this is answered 431.
    public var maxHeaderCount = 100
    /// A larger request body (declared or de-chunked) is answered 413.
    public var maxBodyBytes = 1024 * 1024
    /// Time to receive a request head, from accept (or the first byte after an idle keep-alive): 408 after.
    public var headerReadTimeout: Duration = .seconds(10)
    /// Time a request body may go without progress: 408 after.
    public var bodyReadTimeout: Duration = .seconds(30)
    /// An idle keep-alive connection is closed after this long; so is one whose peer reads nothing of its
    /// answers for this long (a slow reader that keeps reading is kept, however long the answer takes).
    public var idleTimeout: Duration = .seconds(75)
    /// Open connections at most; past it a new connection is accepted and closed at once (and counted).
    public var maxConnections = 10_000
    /// Output a connection may have queued before the server stops reading its further pipelined requests.
    public var maxPendingOutputBytes = 1024 * 1024
    /// Bytes a streamed response may have handed over but not yet sent; a write past it ends the stream and
    /// closes the connection (a client that does not read must not grow memory).
    public var maxStreamPendingBytes = 512 * 1024
    /// HTTP/2: streams a client may have open at once (SETTINGS_MAX_CONCURRENT_STREAMS); more are refused.
    public var http2MaxConcurrentStreams = 100
    /// HTTP/2: RST_STREAM frames a client may send in one second. Past it the connection gets GOAWAY
    /// (ENHANCE_YOUR_CALM) and is closed: opening and cancelling streams in a flood ("rapid reset",
    /// CVE-2023-44487) costs the server work that no response limit bounds.
    public var http2MaxResetsPerSecond = 100

    public init() {}
}
