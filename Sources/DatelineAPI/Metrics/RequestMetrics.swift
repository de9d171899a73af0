import HTTPServer

/// Requests by method, route and status, their durations by route, and body bytes in and out: recorded once
/// per answer on striped atomics, rendered in Prometheus text format at scrape time.
final class RequestMetrics: Sendable {
    /// Upper bounds of the duration buckets, in nanoseconds (0.1 ms to 10 s).
    static let bucketBounds: [Int] = [
        100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000,
        100_000_000, 250_000_000, 500_000_000, 1_000_000_000, 2_500_000_000, 5_000_000_000, 10_000_000_000,
    ]
    static let methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "other"]
    /// Statuses with a counter each; any other is counted under its class (`2xx`, …, `5xx`).
    static let statuses = [
        200, 201, 204, 206, 301, 302, 304, 400, 401, 403, 404, 405, 406, 408, 409, 410, 411, 412, 413, 414, 415,
        416, 417, 422, 428, 429, 431, 500, 501, 502, 503, 504, 505, 507,
    ]
    private static let statusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"]
    private static let statusLabels = statuses.map(String.init) + statusClasses
    /// Slot of each code from 100 to 599.
    private static let statusSlots: [UInt8] = (100...599).map { code in
        UInt8(statuses.firstIndex(of: code) ?? statuses.count + code / 100 - 1)
    }

    private let routes: Int
    private let requestCounters: StripedCounters
    /// Per route: one count per bucket (not cumulative), then count, sum of nanoseconds, bytes in, bytes out.
    private let routeCounters: StripedCounters
    private var routeWidth: Int { Self.bucketBounds.count + 4 }

    init(routes: Int) {
        self.routes = routes
        requestCounters = StripedCounters(width: routes * Self.methods.count * Self.statusLabels.count)
        routeCounters = StripedCounters(width: routes * (Self.bucketBounds.count + 4))
    }

    /// Counts one answer. `route` is the route's index, `duration` from the request head to the answer.
    func record(route: Int, method: String, status: Int, duration: Duration, bytesIn: Int, bytesOut: Int) {
        let thread = StripedCounters.threadNumber()
        let methodSlot = Self.methodSlot(method)
        let statusSlot = (100...599).contains(status) ? Int(Self.statusSlots[status - 100]) : Self.statusLabels.count - 1
        requestCounters.add((route * Self.methods.count + methodSlot) * Self.statusLabels.count + statusSlot, thread: thread)

        let (seconds, attoseconds) = duration.components
        let nanoseconds = max(0, Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
        var bucket = 0
        while bucket < Self.bucketBounds.count, nanoseconds > Self.bucketBounds[bucket] { bucket += 1 }
        let base = route * routeWidth
        if bucket < Self.bucketBounds.count { routeCounters.add(base + bucket, thread: thread) }
        routeCounters.add(base + Self.bucketBounds.count, thread: thread)
        routeCounters.add(base + Self.bucketBounds.count + 1, nanoseconds, thread: thread)
        if bytesIn > 0 { routeCounters.add(base + Self.bucketBounds.count + 2, bytesIn, thread: thread) }
        if bytesOut > 0 { routeCounters.add(base + Self.bucketBounds.count + 3, bytesOut, thread: thread) }
    }

    @inline(__always)
    private static func methodSlot(_ method: String) -> Int {
        switch method {
        case "GET": 0
        case "HEAD": 1
        case "POST": 2
        case "PUT": 3
        case "PATCH": 4
        case "DELETE": 5
        case "OPTIONS": 6
        default: 7
        }
    }

    /// Body bytes received and sent, over every route.
    var bytes: (in: Int, out: Int) {
        var totals = (in: 0, out: 0)
        for route in 0..<routes {
            let base = route * routeWidth + Self.bucketBounds.count
            totals.in += routeCounters.sum(base + 2)
            totals.out += routeCounters.sum(base + 3)
        }
        return totals
    }

    /// `http_requests_total` and `http_request_duration_seconds` in Prometheus text format; series that never
    /// counted anything are left out.
    func render(into text: inout String, routeNames: [String]) {
        text += "# HELP http_requests_total Requests answered, by method, route template and status.\n"
        text += "# TYPE http_requests_total counter\n"
        for route in 0..<routes {
            for (methodSlot, method) in Self.methods.enumerated() {
                for (statusSlot, status) in Self.statusLabels.enumerated() {
                    let count = requestCounters.sum((route * Self.methods.count + methodSlot) * Self.statusLabels.count + statusSlot)
                    guard count > 0 else { continue }
                    text += "http_requests_total{method=\"\(method)\",route=\"\(routeNames[route])\",status=\"\(status)\"} \(count)\n"
                }
            }
        }
        text += "# HELP http_request_duration_seconds Time from a request's complete head to its answer, by route template.\n"
        text += "# TYPE http_request_duration_seconds histogram\n"
        for route in 0..<routes {
            let base = route * routeWidth
            let count = routeCounters.sum(base + Self.bucketBounds.count)
            guard count > 0 else { continue }
            let label = "route=\"\(routeNames[route])\""
            var cumulative = 0
            for (bucket, bound) in Self.bucketBounds.enumerated() {
                cumulative += routeCounters.sum(base + bucket)
                text += "http_request_duration_seconds_bucket{\(label),le=\"\(Self.seconds(bound))\"} \(cumulative)\n"
            }
            text += "http_request_duration_seconds_bucket{\(label),le=\"+Inf\"} \(count)\n"
            text += "http_request_duration_seconds_sum{\(label)} \(Self.seconds(routeCounters.sum(base + Self.bucketBounds.count + 1)))\n"
            text += "http_request_duration_seconds_count{\(label)} \(count)\n"
        }
    }

    /// Nanoseconds as seconds, without float noise in bucket bounds (`0.0001`, `2.5`, `10`).
    static func seconds(_ nanoseconds: Int) -> String {
        let whole = nanoseconds / 1_000_000_000
        var fraction = String(nanoseconds % 1_000_000_000)
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }
}
