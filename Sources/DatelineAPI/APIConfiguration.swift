/// Settings of the API layer; the CLI fills them from flags and the environment.
public struct APIConfiguration: Sendable {
    /// The folder of the reader frontend; nothing outside it is ever served.
    public var publicDirectory = "./Public"
    /// `max-age` of article, list, related and facet responses, in seconds: short, so breaking news is not
    /// stale for long.
    public var cacheMaxAge = 30
    /// Bytes of encoded answers the server keeps for readers' GETs (bodies and their gzip forms). A database
    /// store answers what it holds without a store call, so sizing it for the hot articles and lists is what
    /// keeps reads fast; the memory store saves only the encoding.
    public var responseCacheBytes = 64 * 1024 * 1024
    /// Bearer tokens that make a request an editor's. Empty: every presented token is wrong.
    public var editorTokens: [String] = []
    /// How many recent events `/events` keeps for clients resuming with `Last-Event-ID`.
    public var eventBacklog = 1000
    /// How often `/events` writes a comment line to every subscriber, so idle proxies keep the stream open.
    public var eventHeartbeatInterval: Duration = .seconds(15)

    /// Threads that make a blocking store's calls (a database's), off the event loops.
    public var storeThreads = 8
    /// Requests waiting for a store thread at most; past it, a request is answered 503 at once.
    public var storeQueueLimit = 4096

    /// Origins whose pages may read answers (CORS): `["*"]` for any origin (without credentials), or a list
    /// such as `["https://news.example"]` (echoed back, with credentials allowed).
    public var corsOrigins = ["*"]
    /// The largest request body in bytes once its `Content-Encoding` is decoded: a gzip body that inflates
    /// past it is a 413. Keep it equal to the server's `maxBodyBytes`.
    public var maxBodyBytes = 1024 * 1024

    /// Whether requests, store calls and the server's counts are measured and `/metrics` answers.
    public var metricsEnabled = true

    public init() {}
}

extension APIConfiguration {
    /// Whether `--cors-origin` takes `text`: `*`, or an origin as browsers send it (`scheme://host[:port]`,
    /// with no path and no trailing slash).
    public static func isValidCORSOrigin(_ text: String) -> Bool {
        CORSPolicy.isValidOrigin(text)
    }
}
