import DatelineTesting
import Foundation
import Testing

/// Starts four `dateline serve --seed FILE` on one new database at once and checks that all of them serve,
/// exactly one seeded it, and it holds the file's articles once. The seed is large enough (3,000 articles)
/// that every instance has looked at the empty database before the first import commits.
func expectExactlyOneSeeds(store: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let seed = temporaryDatabase("seed-race") + ".json"
    defer { try? FileManager.default.removeItem(atPath: seed) }
    let articles = 3000
    #expect(try runDateline(["generate", "\(articles)", "--output", seed]).status == 0, sourceLocation: sourceLocation)

    let servers = try (0..<4).map { _ in try ServerProcess(["serve", "--port", "0", "--store", store, "--seed", seed]) }
    defer {
        for server in servers {
            server.signal(SIGKILL)
            _ = server.waitForExit(timeout: .seconds(5))
        }
    }
    for server in servers {
        // Every instance starts: none fails on the articles another one imported meanwhile.
        let port = try server.waitForPort(timeout: .seconds(90))
        #expect(try get("/health", port: port).status == 200, sourceLocation: sourceLocation)
    }
    let seeded = servers.filter { $0.standardOutput.contains("seeded the empty database") }
    let ignored = servers.filter { $0.standardOutput.contains("the seed is ignored") }
    #expect(seeded.count == 1, "\(servers.map(\.standardOutput))", sourceLocation: sourceLocation)
    #expect(ignored.count == servers.count - 1, sourceLocation: sourceLocation)

    let exported = try runDateline(["export", "--store", store])
    let held = try JSONSerialization.jsonObject(with: exported.output) as? [Any]
    #expect(held?.count == articles, sourceLocation: sourceLocation)
}
