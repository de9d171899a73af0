@testable import DatelineAPI
import Articles
import DatelineTesting
import Foundation
import HTTPServer
import Logging
import Testing

/// `/metrics` scraped before and after known traffic: exact counter deltas and histogram counts, and the
/// whole exposition read by a real Prometheus parser (prometheus-client's, through scripts/parse-prometheus.py).
@Suite("Metrics", .serialized, .timeLimit(.minutes(2)))
struct MetricsTests {
    @Test("Known traffic moves every series by exactly what it should")
    func exactDeltas() async throws {
        try await withMetricsServer { port, application in
            // An /events subscriber, open before the first scrape and through the second.
            let subscriber = try RawHTTPClient(port: port)
            defer { subscriber.close() }
            try subscriber.send("GET /events HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(try subscriber.readStreamHead().status == 200)
            for _ in 0..<500 where application.eventHub.subscriberCount == 0 { usleep(10_000) }

            let (beforeText, beforeBody) = try scrape(port)
            let before = try Exposition(beforeText)
            var connections = 0
            var bodyBytesOut = beforeBody
            func send(_ method: String, _ target: String, headers: [(String, String)] = [], body: String = "") throws -> RawHTTPResponse {
                connections += 1
                let client = try RawHTTPClient(port: port)
                defer { client.close() }
                var request = "\(method) \(target) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n"
                for (name, value) in headers { request += "\(name): \(value)\r\n" }
                if !body.isEmpty { request += "Content-Length: \(body.utf8.count)\r\n" }
                try client.send(request + "\r\n" + body)
                let response = try client.readResponse(headRequest: method == "HEAD")
                bodyBytesOut += response.body.count
                return response
            }
            for _ in 0..<3 { #expect(try send("GET", "/articles").status == 200) }
            for _ in 0..<2 { #expect(try send("GET", "/articles/no-such-article").status == 404) }
            #expect(try send("GET", "/articles/putin-warns-western-troops").status == 200)
            #expect(try send("GET", "/articles/putin-warns-western-troops").status == 200)
            #expect(try send("GET", "/articles?limit=0").status == 400)
            #expect(try send("HEAD", "/health").status == 200)
            let postBody = #"{"title":"x","body":"y","category":"world"}"#
            #expect(try send("POST", "/articles", headers: [("Content-Type", "application/json")], body: postBody).status == 401)
            // A request line the parser refuses: counted as malformed, never reaching the API.
            connections += 1
            let garbage = try RawHTTPClient(port: port)
            try garbage.send("NOT A REQUEST\r\n\r\n")
            _ = garbage.readUntilClosed()
            garbage.close()

            let (afterText, _) = try scrape(port)
            let after = try Exposition(afterText)
            func delta(_ name: String, _ labels: [String: String] = [:]) -> Double {
                after.value(name, labels) - before.value(name, labels)
            }
            #expect(delta("http_requests_total", ["method": "GET", "route": "/articles", "status": "200"]) == 3)
            #expect(delta("http_requests_total", ["method": "GET", "route": "/articles", "status": "400"]) == 1)
            #expect(delta("http_requests_total", ["method": "POST", "route": "/articles", "status": "401"]) == 1)
            #expect(delta("http_requests_total", ["method": "GET", "route": "/articles/{ref}", "status": "404"]) == 2)
            #expect(delta("http_requests_total", ["method": "GET", "route": "/articles/{ref}", "status": "200"]) == 2)
            #expect(delta("http_requests_total", ["method": "HEAD", "route": "/health", "status": "200"]) == 1)
            // The first scrape is counted once it is answered, so it shows in the second.
            #expect(delta("http_requests_total", ["method": "GET", "route": "/metrics", "status": "200"]) == 1)
            // Histograms: every request of the route in count and in the +Inf bucket, buckets cumulative.
            for (route, count) in [("/articles", 5.0), ("/articles/{ref}", 4), ("/health", 1), ("/metrics", 1)] {
                #expect(delta("http_request_duration_seconds_count", ["route": route]) == count, "\(route)")
                #expect(delta("http_request_duration_seconds_bucket", ["route": route, "le": "+Inf"]) == count, "\(route)")
                #expect(delta("http_request_duration_seconds_sum", ["route": route]) > 0, "\(route)")
            }
            let buckets = after.samples.filter { $0.name == "http_request_duration_seconds_bucket" && $0.labels["route"] == "/articles" }
            #expect(buckets.count == RequestMetrics.bucketBounds.count + 1)
            #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0.value <= $1.value })
            // Never a raw path as a route label.
            for sample in after.samples where sample.labels["route"] != nil {
                #expect(Route.templates.contains(sample.labels["route"]!), "\(sample.labels)")
            }
            // The response cache: the list twice and the article once from it.
            #expect(delta("dateline_response_cache_hits_total") == 3)
            #expect(delta("dateline_response_cache_misses_total") == 5)
            #expect(delta("http_request_body_bytes_total") == Double(postBody.utf8.count))
            #expect(delta("http_response_body_bytes_total") == Double(bodyBytesOut))
            #expect(delta("http_rejected_total", ["reason": "malformed"]) == 1)
            #expect(delta("http_rejected_total", ["reason": "limit"]) == 0)
            // Every connection made between the scrapes, and the second scrape's own.
            #expect(delta("http_connections_accepted_total") == Double(connections + 1))
            #expect(after.value("http_open_connections", ["protocol": "http1"]) >= 2)
            #expect(after.value("dateline_events_subscribers") == 1)
            #expect(after.value("dateline_articles", ["status": "published"]) == 8)
            #expect(after.value("dateline_articles", ["status": "draft"]) == 1)
            #expect(after.value("dateline_articles", ["status": "archived"]) == 1)
            // One list query reached the store; its latency is in the store histogram.
            #expect(delta("dateline_store_operation_duration_seconds_count", ["operation": "articles"]) == 1)
            #expect(after.samples.contains { $0.family == "dateline_store_operation_duration_seconds" && $0.type == "histogram" })
        }
    }

    @Test("/metrics is text/plain 0.0.4, no-store; with metrics turned off it is a 404 problem")
    func formatAndOff() async throws {
        try await withMetricsServer { port, _ in
            let response = try get("/metrics", port: port)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
            #expect(response.header("Cache-Control") == "no-store")
        }
        try await withAPIServer(configure: { $0.metricsEnabled = false }) { port in
            let response = try get("/metrics", port: port)
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "application/problem+json")
        }
    }

    @Test("An HTTP/2 connection is counted under protocol http2 while open; its requests count like any other")
    func http2Connections() async throws {
        try await withMetricsServer { port, _ in
            let before = try Exposition(try scrape(port).text)
            let client = try HTTP2Client(port: port)
            for _ in 0..<3 { #expect(try client.get("/articles/n3").status == 200) }
            let during = try Exposition(try scrape(port).text)
            #expect(during.value("http_open_connections", ["protocol": "http2"]) == 1)
            #expect(during.value("http_requests_total", ["method": "GET", "route": "/articles/{ref}", "status": "200"])
                - before.value("http_requests_total", ["method": "GET", "route": "/articles/{ref}", "status": "200"]) == 3)
        }
    }

    @Test("Counters striped over threads add up exactly")
    func stripedCounters() async {
        let counters = StripedCounters(width: 3)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { for _ in 0..<10_000 { counters.add(1); counters.add(2, 3) } }
            }
        }
        #expect(counters.sum(0) == 0)
        #expect(counters.sum(1) == 80_000)
        #expect(counters.sum(2) == 240_000)
    }

    @Test("Metrics attached to a server keep neither it nor the application alive once it has stopped")
    func attachedServerIsReleased() async throws {
        weak var released: DatelineApplication?
        try await withMetricsServer { port, application in
            released = application
            let exposition = try Exposition(try scrape(port).text)
            #expect(exposition.value("http_connections_accepted_total") >= 1)
        }
        // The loop threads let go of their loops just after `stop` returns: wait for it, bounded.
        let deadline = ContinuousClock.now + .seconds(5)
        while released != nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(released == nil, "something still holds the stopped server's application")
    }

    private func scrape(_ port: Int) throws -> (text: String, bodyBytes: Int) {
        let response = try get("/metrics", port: port)
        try #require(response.status == 200)
        return (response.bodyText, response.body.count)
    }
}

/// A server over the fixtures whose metrics know the server's connection counts.
func withMetricsServer<T>(_ body: (Int, DatelineApplication) async throws -> T) async throws -> T {
    var configuration = APIConfiguration()
    configuration.editorTokens = [Fixtures.editorToken]
    configuration.publicDirectory = testPublicDirectory
    var logger = Logger(label: "dateline-metrics-tests")
    logger.logLevel = .critical
    let application = DatelineApplication(store: try MemoryStore(articles: Fixtures.articles()), configuration: configuration, logger: logger)
    return try await withTestServer(responder: application) { server, port in
        application.metrics?.attach(server)
        return try await body(port, application)
    }
}

/// An exposition as prometheus-client's parser reads it: it throws when the text does not parse.
struct Exposition {
    struct Sample: Decodable {
        var family: String
        var type: String
        var name: String
        var labels: [String: String]
        var value: Double
    }

    let samples: [Sample]

    init(_ text: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/parse-prometheus.py").path]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the Prometheus parser refused the exposition: \(problem)\n\(text)")
        samples = try JSONDecoder().decode([Sample].self, from: json)
    }

    /// The sample with exactly these labels (0 when absent, as for a series not yet counted).
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double {
        samples.first { $0.name == name && $0.labels == labels }?.value ?? 0
    }
}
