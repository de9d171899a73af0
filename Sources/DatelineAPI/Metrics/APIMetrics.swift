public import HTTPServer
import Locking
import Metrics
public import Prometheus

/// Everything `/metrics` reports, in Prometheus text format.
///
/// Per-request series (`http_requests_total`, `http_request_duration_seconds`, bytes, cache hits and misses)
/// are striped atomics, rendered at scrape time. The rest goes through swift-metrics into a swift-prometheus
/// registry: store operation latency as it happens, and the server's, store's and event hub's own counts
/// read at scrape time.
public final class APIMetrics: Sendable {
    /// The registry behind `/metrics`. Bootstrap swift-metrics with `PrometheusMetricsFactory(registry:)` over
    /// it, and what other libraries record through swift-metrics is exposed too.
    public let registry: PrometheusCollectorRegistry
    /// A swift-metrics factory over `registry`, with buckets sized for store calls.
    public let factory: PrometheusMetricsFactory

    let requests = RequestMetrics(routes: Route.everyKind.count)
    /// Response cache lookups: [hits, misses].
    let cacheLookups = StripedCounters(width: 2)
    /// The server whose counts are reported. Weak: the server holds the application, which holds these
    /// metrics, so a strong reference (it was a closure over the server) made a cycle that kept a stopped
    /// server, its loops and the whole application alive (LeakSanitizer, in every test that attached one).
    private let statisticsSource = LockedValue<WeakServer>(WeakServer())
    /// One scrape at a time: counters taken from snapshots are reset and set whole.
    private let scrapeLock = LockedValue<Void>(())

    static let storeOperationMetric = "dateline_store_operation_duration_seconds"

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[Self.storeOperationMetric] = [
            .microseconds(10), .microseconds(25), .microseconds(50), .microseconds(100), .microseconds(250),
            .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2.5),
        ]
        self.factory = factory
    }

    /// The server whose connection and rejection counts are reported (`Server.statistics`). Until one is
    /// attached, and once it is gone, those series read 0. The server is not retained.
    public func attach(_ server: Server) {
        statisticsSource.withLock { $0.server = server }
    }

    /// Counts one answer.
    @inline(__always)
    func record(route: Route, request: HTTPRequest, response: HTTPResponse) {
        requests.record(
            route: route.index, method: request.method, status: response.status.code,
            duration: ContinuousClock.now - request.receivedAt,
            bytesIn: request.body.count, bytesOut: request.method == "HEAD" ? 0 : response.body.count)
    }

    @inline(__always)
    func cacheHit() { cacheLookups.add(0) }

    @inline(__always)
    func cacheMiss() { cacheLookups.add(1) }

    /// The whole exposition. `articles` are the store's counts by status and `subscribers` the open `/events`
    /// streams, read by the caller.
    func render(articles: [(status: String, count: Int)], subscribers: Int) -> [UInt8] {
        scrapeLock.withLock { _ in
            let statistics = statisticsSource.withLock { $0.server }?.statistics
            setCounter("http_connections_accepted_total", "Connections accepted.", statistics?.acceptedConnections ?? 0)
            let open = statistics?.openConnections ?? 0
            let openHTTP2 = statistics?.openHTTP2Connections ?? 0
            setGauge("http_open_connections", "Open client connections, by protocol.", open - openHTTP2, labels: [("protocol", "http1")])
            setGauge("http_open_connections", "Open client connections, by protocol.", openHTTP2, labels: [("protocol", "http2")])
            for (loop, count) in (statistics?.openConnectionsByLoop ?? []).enumerated() {
                setGauge("http_event_loop_connections", "Open connections owned by each event loop.", count, labels: [("loop", String(loop))])
            }
            for (reason, value) in [
                ("limit", statistics?.rejectedConnections ?? 0),
                ("timeout", statistics?.timedOut ?? 0),
                ("malformed", statistics?.malformedRequests ?? 0),
            ] {
                setCounter(
                    "http_rejected_total",
                    "Refused by the server, by reason: limit (a connection past max-connections), timeout (header or body), malformed (a request the parser refused).",
                    value, labels: [("reason", reason)])
            }
            let bodyBytes = requests.bytes
            setCounter("http_request_body_bytes_total", "Request body bytes received.", bodyBytes.in)
            setCounter("http_response_body_bytes_total", "Response body bytes sent (as encoded; HEAD sends none).", bodyBytes.out)
            setCounter("dateline_response_cache_hits_total", "Reader GETs answered from the response cache.", cacheLookups.sum(0))
            setCounter("dateline_response_cache_misses_total", "Reader GETs the response cache could not answer.", cacheLookups.sum(1))
            for (status, count) in articles {
                setGauge("dateline_articles", "Articles in the store, by status.", count, labels: [("status", status)])
            }
            setGauge("dateline_events_subscribers", "Open /events streams.", subscribers)

            var text = ""
            requests.render(into: &text, routeNames: Route.templates)
            var bytes = Array(text.utf8)
            registry.emit(into: &bytes)
            return bytes
        }
    }

    private static func descriptor(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    private func setGauge(_ name: String, _ help: String, _ value: Int, labels: [(String, String)] = []) {
        registry.makeGauge(descriptor: Self.descriptor(name, help), labels: labels).set(Int64(value))
    }

    /// A counter whose value is a count kept elsewhere: set whole at each scrape (under the scrape lock).
    private func setCounter(_ name: String, _ help: String, _ value: Int, labels: [(String, String)] = []) {
        let counter = registry.makeCounter(descriptor: Self.descriptor(name, help), labels: labels)
        counter.reset()
        counter.increment(by: Int64(value))
    }
}

/// A server not retained (see `APIMetrics.attach`).
private struct WeakServer {
    weak var server: Server?
}
