import DatelineTesting
import Foundation
import Locking
@testable import PostgresStore
import Synchronization
import Testing

private let token = "pg-durability-editor-token"

/// A new database with a random name on the test PostgreSQL that `make test` starts; dropped by `drop`.
/// Without DATELINE_TEST_POSTGRES_URL this throws, saying to run `make test` (the test fails, never skips).
private func newDatabase() throws -> (url: String, drop: () -> Void) {
    guard let server = ProcessInfo.processInfo.environment["DATELINE_TEST_POSTGRES_URL"], !server.isEmpty else {
        throw ProcessFailure(message: "DATELINE_TEST_POSTGRES_URL is not set: run the tests with `make test`, which starts a throwaway PostgreSQL.")
    }
    let name = "dateline_cli_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    try PGConnection(url: server).execute("CREATE DATABASE \(name)")
    let root = server[..<(server.lastIndex(of: "/") ?? server.endIndex)]
    return (root + "/" + name, { _ = try? PGConnection(url: server).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") })
}

/// POSTs one article; returns its id when the server acknowledged it (201), nil for any other answer.
private func postArticle(port: Int, marker: String, tag: String) throws -> String? {
    let body = #"{"title":"Durable \#(marker)","body":"Written before the crash: \#(marker).","category":"world","tags":["\#(tag)"],"status":"published"}"#
    let client = try RawHTTPClient(port: port)
    defer { client.close() }
    let head = "POST /articles HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(token)\r\n"
        + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
    try client.send(head + body)
    let response = try client.readResponse()
    guard response.status == 201, let range = response.bodyText.range(of: #""id":""#) else { return nil }
    return String(response.bodyText[range.upperBound...].prefix { $0 != "\"" })
}

@Suite("PostgreSQL durability", .serialized, .timeLimit(.minutes(3)))
struct PostgresDurabilityTests {
    @Test("SIGKILL of `dateline serve --store postgres://…` mid-stream: after a restart every acknowledged write is there, none half-written")
    func killedMidStream() throws {
        let (url, drop) = try newDatabase()
        defer { drop() }
        let environment = ["DATELINE_EDITOR_TOKENS": token]
        let server = try ServerProcess(["serve", "--port", "0", "--store", url, "--seed", "none"], environment: environment)
        let port = try server.waitForPort()

        // Four writers post until the server dies under them; each remembers what was acknowledged.
        let acknowledged = LockedValue<[(id: String, marker: String, tag: String)]>([])
        let attempted = Atomic<Int>(0)
        let group = DispatchGroup()
        for writer in 0..<4 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                for number in 0..<2_000 {
                    let marker = "m\(writer)k\(number)"
                    let tag = "t\(writer)-\(number)"
                    attempted.add(1, ordering: .relaxed)
                    guard let id = try? postArticle(port: port, marker: marker, tag: tag) else { return }
                    acknowledged.withLock { $0.append((id, marker, tag)) }
                }
            }
        }
        let deadline = ContinuousClock.now + .seconds(60)
        while acknowledged.withLock({ $0.count }) < 80, ContinuousClock.now < deadline { usleep(5_000) }
        server.signal(SIGKILL)
        #expect(server.waitForExit(timeout: .seconds(10)) != nil)
        #expect(group.wait(timeout: .now() + 30) == .success)
        let acked = acknowledged.withLock { $0 }
        #expect(acked.count >= 80)
        #expect(attempted.load(ordering: .relaxed) > acked.count, "the kill landed while writes were in flight")

        let restarted = try ServerProcess(["serve", "--port", "0", "--store", url], environment: environment)
        let newPort = try restarted.waitForPort()
        defer { restarted.signal(SIGKILL) }
        let editor = [("Authorization", "Bearer \(token)")]
        for write in acked {
            let response = try get("/articles/\(write.id)", port: newPort, headers: editor)
            #expect(response.status == 200, "acknowledged \(write.id) is missing after the restart")
            #expect(response.bodyText.contains(write.marker))
        }
        // Everything there is whole: a write in flight at the kill may have committed, but then completely:
        // its row, its tag and its search entry together.
        let exported = try runDateline(["export", "--store", url])
        #expect(exported.status == 0, "\(exported.errors)")
        let articles = try #require(try JSONSerialization.jsonObject(with: exported.output) as? [[String: Any]])
        #expect(articles.count >= acked.count && articles.count <= acked.count + 4)
        for article in articles {
            let id = try #require(article["id"] as? String)
            let tag = try #require((article["tags"] as? [String])?.first)
            let marker = String(tag.dropFirst()).replacingOccurrences(of: "-", with: "k")
            let byTag = try get("/articles?status=any&fields=id&tag=\(tag)", port: newPort, headers: editor)
            #expect(byTag.bodyText.contains(#""id":"\#(id)""#), "\(id) is not under its tag \(tag)")
            let bySearch = try get("/articles?status=any&fields=id&q=m\(marker)", port: newPort, headers: editor)
            #expect(bySearch.bodyText.contains(#""id":"\#(id)""#), "\(id) is not found by its word m\(marker)")
        }
    }

    @Test("Four instances started at once with a seed on one new database: all serve, exactly one seeds it")
    func seedRace() throws {
        let database = try newDatabase()
        defer { database.drop() }
        try expectExactlyOneSeeds(store: database.url)
    }
}
