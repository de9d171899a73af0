import DatelineTesting
import Foundation
import Testing

@Suite("dateline serve", .serialized, .timeLimit(.minutes(3)))
struct ServeCommandTests {
    @Test("Serves the bundled sample by default and logs where it listens and what it loaded")
    func servesSample() throws {
        let server = try ServerProcess(["serve", "--port", "0"])
        let port = try server.waitForPort()
        let response = try get("/articles?tag=ukraine", port: port)
        #expect(response.status == 200)
        #expect(response.bodyText.contains("Putin Warns Western Troops in Ukraine Would Be Targets"))
        server.signal(SIGKILL)
        _ = server.waitForExit(timeout: .seconds(5))
        #expect(server.standardOutput.contains("articles="))
    }

    @Test("One access line per request: method, path, status, bytes, duration, request id")
    func accessLog() throws {
        let server = try ServerProcess(["serve", "--port", "0"])
        let port = try server.waitForPort()
        _ = try get("/articles/nope?fields=id", port: port, headers: [("X-Request-ID", "trace-me-42")])
        let deadline = ContinuousClock.now + .seconds(5)
        while !server.standardOutput.contains("trace-me-42"), ContinuousClock.now < deadline { usleep(20_000) }
        let line = try #require(server.standardOutput.split(separator: "\n").first { $0.contains("trace-me-42") })
        #expect(line.contains("GET /articles/nope?fields=id 404"))
        #expect(line.contains("bytes="))
        #expect(line.contains("duration_ms="))
        #expect(line.contains("request_id=trace-me-42"))
        server.signal(SIGKILL)
    }

    @Test("SIGTERM: /ready turns 503 at once, an in-flight request finishes with Connection: close, exit 0")
    func gracefulDrain() throws {
        let server = try ServerProcess(["serve", "--port", "0", "--grace-period", "1", "--drain-deadline", "5"])
        let port = try server.waitForPort()
        #expect(try get("/ready", port: port).status == 200)

        // A request whose body is still arriving when the signal comes: it is in flight.
        let inFlight = try RawHTTPClient(port: port)
        defer { inFlight.close() }
        try inFlight.send("GET /health HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\n12345")
        // An idle keep-alive connection, which the drain closes.
        let idle = try RawHTTPClient(port: port)
        defer { idle.close() }
        try idle.send("GET /health HTTP/1.1\r\nHost: test\r\n\r\n")
        #expect(try idle.readResponse().status == 200)

        server.signal(SIGTERM)
        var readyStatus = 0
        let deadline = ContinuousClock.now + .seconds(1)
        while ContinuousClock.now < deadline {
            readyStatus = try get("/ready", port: port).status
            if readyStatus == 503 { break }
            usleep(20_000)
        }
        #expect(readyStatus == 503, "/ready must say 503 during the grace period")
        #expect(try get("/health", port: port).status == 200, "serving goes on during the grace period")

        // Past the grace period the drain begins; the log says so just before the server stops accepting.
        let drainDeadline = ContinuousClock.now + .seconds(10)
        while !server.standardOutput.contains("grace period over"), ContinuousClock.now < drainDeadline { usleep(20_000) }
        #expect(server.standardOutput.contains("grace period over"))
        usleep(200_000)
        try inFlight.send("67890")
        let finished = try inFlight.readResponse()
        #expect(finished.status == 200)
        #expect(finished.header("Connection")?.lowercased() == "close")
        #expect(idle.isClosed(within: .seconds(3)))

        #expect(server.waitForExit(timeout: .seconds(8)) == 0)
        #expect(server.standardOutput.contains("draining"))
    }

    @Test("A bad seed file is a clear error naming the article and field, and starts nothing")
    func badSeed() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-seed-\(getpid()).json")
        try Data(#"[{"id":"ok1","title":"Fine","body":"Text.","category":"world","status":"published","publishedAt":"2025-01-01T00:00:00Z"},{"id":"bad2","title":"","body":"x","category":"world"}]"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let server = try ServerProcess(["serve", "--port", "0", "--seed", file.path])
        let status = server.waitForExit(timeout: .seconds(20))
        #expect(status != nil && status != 0)
        let message = server.standardError + server.standardOutput
        #expect(message.contains("bad2") || message.contains("[1]"), "names the article: \(message)")
        #expect(message.contains("title"), "names the field: \(message)")
        #expect(!message.contains("listening on"))
    }

    @Test("Settings come from the environment, and a bad value names the variable",
          arguments: [("DATELINE_PORT", "eighty"), ("PORT", "99999"), ("DATELINE_HEADER_TIMEOUT", "-1"),
                      ("DATELINE_LOG_LEVEL", "loud"), ("DATELINE_STORE", "mongodb://x"),
                      ("DATELINE_EVENT_HEARTBEAT", "never"), ("DATELINE_CORS_ORIGINS", "news.example/"),
                      ("DATELINE_CORS_ORIGINS", "*,https://news.example"), ("DATELINE_MAX_CONNECTIONS", "0"),
                      ("DATELINE_EVENT_BACKLOG", "lots"), ("DATELINE_METRICS", "maybe"), ("DATELINE_LOG_FORMAT", "xml"),
                      ("DATELINE_GRACE_PERIOD", "-2.5"), ("DATELINE_CACHE_MAX_AGE", "-1"),
                      ("DATELINE_RESPONSE_CACHE_BYTES", "64MB")])
    func badEnvironment(name: String, value: String) throws {
        let server = try ServerProcess(["serve"], environment: [name: value])
        let status = server.waitForExit(timeout: .seconds(20))
        #expect(status != nil && status != 0)
        // The pipe's reader may not have appended the last words yet when the exit is seen.
        let deadline = ContinuousClock.now + .seconds(5)
        while !server.standardError.contains(value) && ContinuousClock.now < deadline { usleep(10_000) }
        #expect(server.standardError.contains(value), "stderr: \(server.standardError)")
    }

    @Test("--cors-origin, repeated or a comma list, allows exactly those origins")
    func corsOrigins() throws {
        let server = try ServerProcess([
            "serve", "--port", "0", "--seed", "none",
            "--cors-origin", "https://news.example", "--cors-origin", "http://localhost:3000,https://app.example",
        ])
        defer {
            server.signal(SIGKILL)
            _ = server.waitForExit(timeout: .seconds(5))
        }
        let port = try server.waitForPort()
        for origin in ["https://news.example", "http://localhost:3000", "https://app.example"] {
            let response = try get("/health", port: port, headers: [("Origin", origin)])
            #expect(response.header("Access-Control-Allow-Origin") == origin)
        }
        #expect(try get("/health", port: port, headers: [("Origin", "https://evil.example")]).header("Access-Control-Allow-Origin") == nil)
    }

    @Test("PORT from the environment is honoured")
    func portFromEnvironment() throws {
        // Find a free port by binding one ourselves, then let it go.
        let probe = try ServerProcess(["serve", "--port", "0", "--seed", "none"])
        let freePort = try probe.waitForPort()
        probe.signal(SIGKILL)
        _ = probe.waitForExit(timeout: .seconds(5))
        let server = try ServerProcess(["serve", "--seed", "none"], environment: ["PORT": String(freePort)])
        let deadline = ContinuousClock.now + .seconds(20)
        while !server.standardOutput.contains("listening on http://127.0.0.1:\(freePort)"), ContinuousClock.now < deadline, server.process.isRunning {
            usleep(20_000)
        }
        #expect(server.standardOutput.contains("listening on http://127.0.0.1:\(freePort)"), "\(server.standardOutput) \(server.standardError)")
        server.signal(SIGKILL)
    }

    @Test("--help explains the options and their environment variables")
    func help() throws {
        let server = try ServerProcess(["serve", "--help"])
        #expect(server.waitForExit(timeout: .seconds(20)) == 0)
        let text = server.standardOutput
        for flag in ["--host", "--port", "--store", "--seed", "--public", "DATELINE_PORT", "PORT", "--max-body-bytes", "--header-timeout", "--response-cache-bytes"] {
            #expect(text.contains(flag), "help mentions \(flag)")
        }
    }

    @Test("generate writes the same articles for the same count and seed, and serve imports them")
    func generateAndServe() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("generated-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let first = try ServerProcess(["generate", "200", "--output", file.path])
        #expect(first.waitForExit(timeout: .seconds(30)) == 0)
        let bytes = try Data(contentsOf: file)
        let again = FileManager.default.temporaryDirectory.appendingPathComponent("generated-again-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: again) }
        let second = try ServerProcess(["generate", "200", "-o", again.path])
        #expect(second.waitForExit(timeout: .seconds(30)) == 0)
        let same = try Data(contentsOf: again) == bytes
        #expect(same, "the same count and seed give the same bytes")
        let other = try ServerProcess(["generate", "200", "--random-seed", "7", "-o", again.path])
        #expect(other.waitForExit(timeout: .seconds(30)) == 0)
        let differs = try Data(contentsOf: again) != bytes
        #expect(differs, "another seed gives other articles")
        let array = try #require(try JSONSerialization.jsonObject(with: bytes) as? [[String: Any]])
        #expect(array.count == 200)

        let server = try ServerProcess(["serve", "--port", "0", "--seed", file.path])
        let port = try server.waitForPort()
        let response = try get("/articles?limit=1", port: port)
        #expect(response.status == 200)
        #expect(response.header("X-Total-Count").flatMap(Int.init) ?? 0 > 150)
        server.signal(SIGKILL)
    }

    @Test("generate without --output writes the JSON to standard output")
    func generateToStandardOutput() throws {
        let process = try ServerProcess(["generate", "3"])
        #expect(process.waitForExit(timeout: .seconds(30)) == 0)
        let array = (try? JSONSerialization.jsonObject(with: Data(process.standardOutput.utf8))) as? [[String: Any]]
        #expect(array?.count == 3)
    }
}
