import DatelineTesting
import Foundation
import Testing

/// Connections this test holds at once.
private let connectionCount = 10_000

/// Opens `count` keep-alive connections to `port`.
private func connectAll(_ count: Int, port: Int) throws -> [RawHTTPClient] {
    var clients: [RawHTTPClient] = []
    clients.reserveCapacity(count)
    for _ in 0..<count { clients.append(try RawHTTPClient(port: port, timeout: .seconds(20))) }
    return clients
}

/// Sends one keep-alive request on every client first, then reads every answer: all of them are open at once.
private func requestOnEach(_ clients: [RawHTTPClient], path: String, port: Int) throws -> [Int: Int] {
    let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
    for client in clients { try client.send(request) }
    var statuses: [Int: Int] = [:]
    for client in clients {
        let response = try client.readResponse()
        let kept = response.header("Connection")?.lowercased() != "close"
        statuses[kept ? response.status : -response.status, default: 0] += 1
    }
    return statuses
}

/// The server process in a separate process: its memory and descriptors are its own, not the test runner's.
@Suite("Load: many connections against a dateline process", .serialized, .timeLimit(.minutes(3)))
struct LoadTests {
    @Test("10,000 concurrent keep-alive connections: every one answered, peak RSS growth under 300 MB, nothing leaks")
    func tenThousandConnections() throws {
        // Both ends are descriptors: the clients here, the accepted sockets in the child (which inherits the
        // limit). 10,000 each plus room for what the runner and the server already hold.
        try raiseDescriptorLimit(to: connectionCount + 1_000)
        let server = try ServerProcess([
            "serve", "--port", "0", "--log-level", "notice", "--max-connections", "\(connectionCount + 10)",
            "--idle-timeout", "120", "--header-timeout", "60",
        ])
        let port = try server.waitForPort()
        let pid = server.process.processIdentifier
        defer { server.signal(SIGKILL) }
        #expect(try get("/health", port: port).status == 200)
        // Counted once the count holds still for half a second after that first answer: Dispatch opens the
        // signal sources' descriptors on its own thread, which on a slow run (a sanitizer) can be after the
        // "listening" line; and a connection just closed may still hold a descriptor for a moment.
        let baselineDescriptors = ProcessFigures.settledDescriptorCount(pid)
        let baselineRSS = try #require(ProcessFigures.status(pid, "VmRSS"))

        var clients = try connectAll(connectionCount, port: port)
        let statuses = try requestOnEach(clients, path: "/health", port: port)
        #expect(statuses == [200: connectionCount], "status (negative: closed after it) → connections")

        let scrape = try get("/metrics", port: port).bodyText
        #expect(metricValue(#"http_open_connections{protocol="http1"}"#, in: scrape) == Double(connectionCount + 1))
        #expect(metricValue(#"http_rejected_total{reason="limit"}"#, in: scrape) == 0)
        #expect(ProcessFigures.descriptorCount(pid) >= baselineDescriptors + connectionCount)
        let peakRSS = try #require(ProcessFigures.status(pid, "VmHWM"))
        let growth = peakRSS - baselineRSS
        #expect(growth < 300 * 1024 * 1024, "peak RSS \(peakRSS >> 20) MB, \(growth >> 20) MB over the \(baselineRSS >> 20) MB at start")

        // A second round on the same connections: still open, still answered.
        let again = try requestOnEach(Array(clients.prefix(1_000)), path: "/articles?limit=1&fields=id", port: port)
        #expect(again == [200: 1_000])

        // Once the clients leave, the server lets go of every descriptor (bounded wait).
        clients.forEach { $0.close() }
        clients.removeAll()
        let deadline = ContinuousClock.now + .seconds(20)
        while ProcessFigures.descriptorCount(pid) > baselineDescriptors, ContinuousClock.now < deadline { usleep(20_000) }
        #expect(ProcessFigures.descriptorCount(pid) <= baselineDescriptors)
        #expect(try get("/health", port: port).status == 200)
    }

    @Test("Past --max-connections a new connection is closed at once, unanswered, counted in /metrics; the others are served")
    func connectionLimit() throws {
        let limit = 200
        let server = try ServerProcess(["serve", "--port", "0", "--log-level", "notice", "--max-connections", "\(limit)"])
        let port = try server.waitForPort()
        defer { server.signal(SIGKILL) }
        var clients = try connectAll(limit, port: port)
        // Every one answered: all `limit` were accepted before any extra one arrives.
        #expect(try requestOnEach(clients, path: "/health", port: port) == [200: limit])

        let extraCount = 20
        for _ in 0..<extraCount {
            let extra = try RawHTTPClient(port: port)
            try? extra.send("GET /health HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(extra.isClosed(within: .seconds(3)))
            #expect(extra.readUntilClosed().isEmpty, "a refused connection gets no bytes")
        }
        // The connections already open go on being served.
        #expect(try requestOnEach(clients, path: "/articles?limit=1&fields=id", port: port) == [200: limit])

        // One leaves; a scrape gets its place (tries refused while the server has not yet seen it leave are
        // rejections too, and counted as such).
        clients.removeLast().close()
        var refusedTries = 0
        var scrape: String?
        for _ in 0..<100 where scrape == nil {
            if let response = try? get("/metrics", port: port), response.status == 200 {
                scrape = response.bodyText
            } else {
                refusedTries += 1
                usleep(20_000)
            }
        }
        let text = try #require(scrape)
        #expect(metricValue(#"http_rejected_total{reason="limit"}"#, in: text) == Double(extraCount + refusedTries))
        #expect(metricValue(#"http_open_connections{protocol="http1"}"#, in: text) == Double(limit))
        #expect(try requestOnEach(clients, path: "/health", port: port) == [200: limit - 1])
    }
}
