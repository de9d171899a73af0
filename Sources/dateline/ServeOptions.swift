import ArgumentParser

/// The flags of `dateline serve`. Each has an environment fallback, resolved in `Settings.resolve`.
struct ServeOptions: ParsableArguments {
    @Option(help: "Address to listen on: an IPv4 or IPv6 literal or a host name. (env DATELINE_HOST; default 127.0.0.1)")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one. (env DATELINE_PORT, then PORT; default 8080)")
    var port: Int?

    @Option(help: "Article store: 'memory' or 'sqlite:PATH'. (env DATELINE_STORE, then DATABASE_URL; default memory)")
    var store: String?

    @Option(help: "Articles to start with: a JSON file, 'sample' (the bundled set) or 'none'. A durable store takes them only when empty. (env DATELINE_SEED; default: sample for memory, none for a durable store)")
    var seed: String?

    @Option(name: .customLong("public"), help: "Folder of static files served for other GET paths. (env DATELINE_PUBLIC; default ./Public)")
    var publicDirectory: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical. (env DATELINE_LOG_LEVEL; default info)")
    var logLevel: String?

    @Option(help: "Log format: text or json (one object per line). (env DATELINE_LOG_FORMAT; default text)")
    var logFormat: String?

    @Option(help: "Measure requests and serve /metrics: true or false. (env DATELINE_METRICS; default true)")
    var metrics: String?

    @Option(help: "Event loop threads. (env DATELINE_EVENT_LOOPS; default: one per core)")
    var eventLoops: Int?

    @Option(help: "Open connections at most; past it a new connection is closed at once. (env DATELINE_MAX_CONNECTIONS; default 10000)")
    var maxConnections: Int?

    @Option(help: "Request body size limit in bytes (413 above). (env DATELINE_MAX_BODY_BYTES; default 1048576)")
    var maxBodyBytes: Int?

    @Option(help: "Request header block limit in bytes (431 above). (env DATELINE_MAX_HEADER_BYTES; default 16384)")
    var maxHeaderBytes: Int?

    @Option(help: "Request header fields at most (431 above). (env DATELINE_MAX_HEADER_COUNT; default 100)")
    var maxHeaderCount: Int?

    @Option(help: "Request line limit in bytes (414 above). (env DATELINE_MAX_REQUEST_LINE_BYTES; default 8192)")
    var maxRequestLineBytes: Int?

    @Option(help: "Seconds a client has to send a request head (408 after). (env DATELINE_HEADER_TIMEOUT; default 10)")
    var headerTimeout: Double?

    @Option(help: "Seconds a request body may stall (408 after). (env DATELINE_BODY_TIMEOUT; default 30)")
    var bodyTimeout: Double?

    @Option(help: "Seconds an idle keep-alive connection is kept. (env DATELINE_IDLE_TIMEOUT; default 75)")
    var idleTimeout: Double?

    @Option(help: "Seconds to keep serving after SIGTERM/SIGINT while /ready says 503. (env DATELINE_GRACE_PERIOD; default 5)")
    var gracePeriod: Double?

    @Option(help: "Seconds after the grace period by which in-flight requests must finish. (env DATELINE_DRAIN_DEADLINE; default 10)")
    var drainDeadline: Double?

    @Option(help: "max-age in seconds of article, list and facet responses. (env DATELINE_CACHE_MAX_AGE; default 30)")
    var cacheMaxAge: Int?

    @Option(help: "Bytes of encoded answers kept for readers' GETs; size it for the hot articles and lists, above all with a database store. (env DATELINE_RESPONSE_CACHE_BYTES; default 67108864)")
    var responseCacheBytes: Int?

    @Option(help: "Events kept for Last-Event-ID resume on /events. (env DATELINE_EVENT_BACKLOG; default 1000)")
    var eventBacklog: Int?

    @Option(help: "Seconds between the comment lines that keep idle /events streams open. (env DATELINE_EVENT_HEARTBEAT; default 15)")
    var eventHeartbeat: Double?

    @Option(help: "Origin whose pages may call the API (CORS), e.g. https://news.example; repeat it or give a comma-separated list; '*' for any origin, without credentials. (env DATELINE_CORS_ORIGINS; default *)")
    var corsOrigin: [String] = []

    @Option(help: "File of editor tokens, one per line. (env DATELINE_EDITOR_TOKENS: comma-separated tokens)")
    var editorTokenFile: String?
}
