import DatelineTesting
import Foundation
import HTTPServer
import Testing

@Suite("Server: connections are spread evenly over the event loops", .timeLimit(.minutes(1)))
struct LoopBalanceTests {
    /// The kernel's SO_REUSEPORT spread is a hash of addresses: 100 connections land within 2 of an even
    /// split only about one time in six. The loops hand connections to the least-loaded sibling, so every
    /// round must be within 2 (three rounds: an unbalanced server passes all by chance about once in 200).
    @Test("100 connections split within 2 of even over 2 loops, three rounds; each connection is served")
    func evenSplit() async throws {
        var configuration = ServerConfiguration()
        configuration.eventLoopCount = 2
        try await withTestServer(configuration: configuration, responder: EchoResponder()) { server, port in
            for round in 0..<3 {
                var clients: [RawHTTPClient] = []
                for index in 0..<100 {
                    let client = try RawHTTPClient(port: port)
                    try client.send("GET /\(round)/\(index) HTTP/1.1\r\nHost: t\r\n\r\n")
                    clients.append(client)
                }
                for (index, client) in clients.enumerated() {
                    #expect(try client.readResponse().bodyText == "GET /\(round)/\(index) - ")
                }
                let split = server.statistics.openConnectionsByLoop
                #expect(split.count == 2)
                #expect(split.reduce(0, +) == 100, "round \(round): \(split)")
                #expect((split.max() ?? 0) - (split.min() ?? 0) <= 2, "round \(round): \(split)")
                clients.forEach { $0.close() }
                var closed = false
                for _ in 0..<200 where !closed {
                    closed = server.statistics.openConnections == 0
                    if !closed { usleep(10_000) }
                }
                #expect(closed, "round \(round): \(server.statistics.openConnectionsByLoop) still open")
                #expect(server.statistics.openConnectionsByLoop == [0, 0])
            }
        }
    }
}
