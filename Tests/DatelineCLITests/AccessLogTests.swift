import DatelineTesting
import Foundation
import Testing

@Suite("Access log", .serialized, .timeLimit(.minutes(2)))
struct AccessLogTests {
    @Test("--log-format json: one JSON access line per request, with its X-Request-ID, and no token anywhere")
    func jsonAccessLine() throws {
        let token = "s3cret-editor-token-9d2e"
        let server = try ServerProcess(["serve", "--port", "0", "--log-format", "json"], environment: ["DATELINE_EDITOR_TOKENS": token])
        let port = try server.waitForPort()
        defer { server.signal(SIGKILL) }
        let response = try get("/articles?status=draft&limit=1", port: port, headers: [
            ("X-Request-ID", "log-test-77"), ("Authorization", "Bearer \(token)"),
        ])
        #expect(response.status == 200)
        // A wrong token is refused, and is not logged either.
        #expect(try get("/articles", port: port, headers: [("X-Request-ID", "log-test-78"), ("Authorization", "Bearer wrong-\(token)")]).status == 401)
        // A balancer's probe logs at debug only.
        #expect(try get("/health", port: port, headers: [("X-Request-ID", "probe-79")]).status == 200)
        let http2 = try HTTP2Client(port: port)
        #expect(try http2.get("/categories", headers: [("x-request-id", "h2-81")]).status == 200)
        #expect(try get("/articles/x", port: port, headers: [("X-Request-ID", "last-80")]).status == 404)

        let deadline = ContinuousClock.now + .seconds(5)
        while !server.standardOutput.contains("last-80"), ContinuousClock.now < deadline { usleep(20_000) }
        let lines = server.standardOutput.split(separator: "\n")
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any], "not a JSON object: \(line)")
        }
        let access = try #require(lines.first { $0.contains("log-test-77") })
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(access.utf8)) as? [String: String])
        #expect(fields["request_id"] == "log-test-77")
        #expect(fields["level"] == "info")
        #expect(fields["method"] == "GET")
        #expect(fields["route"] == "/articles")
        #expect(fields["path"] == "/articles")
        #expect(fields["status"] == "200")
        #expect(fields["bytes"] == String(response.body.count))
        #expect(fields["protocol"] == "HTTP/1.1")
        #expect(fields["remote"]?.hasPrefix("127.0.0.1:") == true)
        #expect(fields["duration_ms"].flatMap(Double.init) != nil)
        #expect(fields["time"]?.hasSuffix("Z") == true)
        #expect(lines.contains { $0.contains("log-test-78") && $0.contains("\"status\":\"401\"") })
        #expect(!lines.contains { $0.contains("probe-79") })
        #expect(lines.contains { $0.contains("\"request_id\":\"h2-81\"") && $0.contains("\"protocol\":\"HTTP/2\"") })
        #expect(!server.standardOutput.contains(token))
        #expect(!server.standardOutput.contains("Bearer"))
    }

    @Test("--log-level debug logs the probes too; a bad --log-format is refused naming it")
    func levelsAndBadFormat() throws {
        let server = try ServerProcess(["serve", "--port", "0", "--log-level", "debug"])
        let port = try server.waitForPort()
        defer { server.signal(SIGKILL) }
        #expect(try get("/ready", port: port, headers: [("X-Request-ID", "probe-81")]).status == 200)
        let deadline = ContinuousClock.now + .seconds(5)
        while !server.standardOutput.contains("probe-81"), ContinuousClock.now < deadline { usleep(20_000) }
        #expect(server.standardOutput.split(separator: "\n").contains { $0.contains("debug") && $0.contains("request_id=probe-81") })

        let refused = try ServerProcess(["serve", "--port", "0", "--log-format", "xml"])
        #expect(refused.waitForExit(timeout: .seconds(10)) != 0)
        #expect(refused.standardError.contains("log-format cannot be 'xml'"))
    }
}
