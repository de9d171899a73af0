import Foundation
@testable import PostgresStore
import Testing

/// Why a PostgreSQL test cannot run: it FAILS with this rather than skip.
struct MissingPostgres: Error, CustomStringConvertible {
    var description: String {
        "DATELINE_TEST_POSTGRES_URL is not set: run the tests with `make test`, which starts a throwaway PostgreSQL "
            + "on loopback (scripts/test-postgres.sh) and sets it."
    }
}

/// A fresh database, with a random name, on the test PostgreSQL; dropped when the test ends, so tests run in
/// parallel without seeing each other's articles.
enum TestDatabase {
    /// The test server's URL (its `postgres` database), from `make test`.
    static func serverURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["DATELINE_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw MissingPostgres()
        }
        return url
    }

    /// Runs `body` with the URL of a new, empty database on the server at `serverURL` (the test server by
    /// default), dropping it afterwards whatever happens.
    static func with<T>(serverURL given: String? = nil, _ body: (String) async throws -> T) async throws -> T {
        let server = try given ?? serverURL()
        let name = "dateline_test_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let admin = try PGConnection(url: server)
        try admin.execute("CREATE DATABASE \(name)")
        defer { _ = try? PGConnection(url: server).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        return try await body(url(of: name, on: server))
    }

    /// `server` with its database name replaced by `database`.
    static func url(of database: String, on server: String) -> String {
        let query = server.firstIndex(of: "?").map { String(server[$0...]) } ?? ""
        let base = server.firstIndex(of: "?").map { String(server[..<$0]) } ?? server
        let slash = base.range(of: "/", options: .backwards, range: base.range(of: "//")!.upperBound..<base.endIndex)
        let root = slash.map { String(base[..<$0.lowerBound]) } ?? base
        return root + "/" + database + query
    }
}

/// Waits (bounded, polling) until `condition` holds; returns whether it did. Sleeps between looks without
/// holding one of the test runner's few threads.
func eventually(within limit: Duration = .seconds(10), _ condition: () throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return try condition()
}

/// Runs blocking work (a process, a long wait) on a thread of its own, so it does not hold one of the test
/// runner's few cooperative threads. `body` records no issues: it returns or throws, and the test checks.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
