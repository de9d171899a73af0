import DatelineTesting
import Foundation
import HTTPServer
import Testing

/// `/big` answers with a large body (`size` bytes, default and at most 16 MiB); anything else is echoed.
private struct BigResponder: HTTPResponder {
    static let body = [UInt8](repeating: UInt8(ascii: "b"), count: 16 * 1024 * 1024)

    func respond(to request: HTTPRequest) throws -> HTTPResponse {
        guard request.path == "/big" else { return try EchoResponder().respond(to: request) }
        let size = request.query.flatMap { Int($0.dropFirst("size=".count)) } ?? Self.body.count
        return HTTPResponse(headers: HTTPHeaders([("Content-Type", "application/octet-stream")]), body: Array(Self.body.prefix(size)))
    }
}

/// Waits (bounded, 5 s) until the server has no open connection; true if it got there.
private func allClosed(_ server: Server) -> Bool {
    let deadline = ContinuousClock.now + .seconds(5)
    while server.statistics.openConnections > 0, ContinuousClock.now < deadline { usleep(5_000) }
    return server.statistics.openConnections == 0
}

/// A fresh client must be served after each fault.
private func expectServed(port: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    let response = try? get("/after", port: port)
    #expect(response?.status == 200, sourceLocation: sourceLocation)
    #expect(response?.bodyText == "GET /after - ", sourceLocation: sourceLocation)
}

@Suite("Server: clients that vanish or never read", .timeLimit(.minutes(2)))
struct FaultTests {
    /// Requests cut off part-way: half a head, half a declared body, half a chunked body.
    static let partialRequests = [
        "GET /half-a-head HTTP/1.1\r\nHost: t\r\nAccept: te",
        "POST /half-a-body HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly some of it",
        "POST /half-chunked HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n40\r\nnot all sixty-four",
    ]

    @Test("A client that vanishes mid-request (EOF or reset) is closed at once, unanswered; others are served",
          arguments: partialRequests, [false, true])
    func vanishMidRequest(_ partial: String, _ reset: Bool) async throws {
        // Long timeouts: the connection must go because the client left, not because a timer fired.
        var configuration = ServerConfiguration()
        configuration.headerReadTimeout = .seconds(60)
        configuration.bodyReadTimeout = .seconds(60)
        try await withTestServer(configuration: configuration, responder: EchoResponder()) { server, port in
            let client = try RawHTTPClient(port: port)
            try client.send(partial)
            usleep(50_000)   // let the server read the fragment before the client goes
            if reset { client.reset() } else { client.close() }
            #expect(allClosed(server))
            #expect(server.statistics.requests == 0)
            #expect(server.statistics.timedOut == 0)
            expectServed(port: port)
        }
    }

    @Test("A client that vanishes mid-response (closes or resets after reading a little of 16 MiB) is dropped; others are served",
          arguments: [false, true])
    func vanishMidResponse(_ reset: Bool) async throws {
        try await withTestServer(responder: BigResponder()) { server, port in
            let client = try RawHTTPClient(port: port, receiveBufferSize: 16 * 1024)
            try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(client.readBytes(atLeast: 32 * 1024) >= 32 * 1024)
            if reset { client.reset() } else { client.close() }
            #expect(allClosed(server))
            expectServed(port: port)
        }
    }

    @Test("A client that pipelines requests for big answers and never reads: the server stops reading, queues a bounded amount, and drops it after the idle timeout")
    func neverReads() async throws {
        var configuration = ServerConfiguration()
        configuration.maxPendingOutputBytes = 64 * 1024
        configuration.idleTimeout = .seconds(2)
        try await withTestServer(configuration: configuration, responder: BigResponder()) { server, port in
            let client = try RawHTTPClient(port: port, receiveBufferSize: 4096)
            let request = Array("GET /big?size=262144 HTTP/1.1\r\nHost: t\r\n\r\n".utf8)
            // Up to 64 MiB of pipelined requests (asking for 400 GiB of answers): the server must stop
            // reading long before, so the kernel's buffers fill and sending would block.
            let batch = Array([[UInt8]](repeating: request, count: 1_000).joined())
            var sent = 0
            var blocked = false
            for _ in 0..<(64 * 1024 * 1024 / batch.count) where !blocked {
                do {
                    let taken = try client.sendWithoutBlocking(batch)
                    sent += taken
                    if taken < batch.count {
                        // Give the server a moment to read what it will, then see whether it takes more.
                        usleep(200_000)
                        let more = try client.sendWithoutBlocking(batch)
                        sent += more
                        blocked = more == 0
                    }
                } catch {
                    // On a slow machine the idle timeout may already have dropped it: it stopped reading too.
                    blocked = true
                }
            }
            #expect(blocked, "the server kept reading: \(sent) bytes of requests taken")
            let requestsSent = sent / request.count
            // It answered only what fits in its output bound and the socket, not every request it was sent.
            #expect(server.statistics.requests < 64, "\(server.statistics.requests) of \(requestsSent) requests answered")
            // The peer that stopped reading is dropped after the idle timeout (bounded wait).
            #expect(allClosed(server))
            client.close()
            expectServed(port: port)
        }
    }

    @Test("A slow reader of a large answer is kept while it makes progress: the limit is on time without progress")
    func slowReaderKept() async throws {
        var configuration = ServerConfiguration()
        configuration.idleTimeout = .seconds(1)
        try await withTestServer(configuration: configuration, responder: BigResponder()) { _, port in
            let client = try RawHTTPClient(port: port, receiveBufferSize: 16 * 1024)
            try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
            // 16 MiB, 64 KiB at a time with a pause after each: longer in all than the idle timeout, but
            // never a second without progress.
            let size = BigResponder.body.count
            var received = 0
            var target = 64 * 1024
            while received < size {
                received = client.readBytes(atLeast: target)
                if received < target { break }   // the server closed it
                target = min(target + 64 * 1024, size)
                usleep(10_000)
            }
            #expect(received >= BigResponder.body.count, "closed after \(received) bytes")
        }
    }

    @Test("A body slower than the body timeout (declared or chunked, stalled part-way) gets 408 and is closed; others are served",
          arguments: [
              "POST /slow HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nthe first part",
              "POST /slow HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nfirst\r\n40\r\npart of a chunk",
          ])
    func bodySlowerThanTimeout(_ partial: String) async throws {
        var configuration = ServerConfiguration()
        configuration.bodyReadTimeout = .milliseconds(400)
        try await withTestServer(configuration: configuration, responder: EchoResponder()) { server, port in
            let client = try RawHTTPClient(port: port)
            try client.send(partial)
            expectServed(port: port)
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(client.isClosed(within: .seconds(3)))
            #expect(server.statistics.timedOut == 1)
            #expect(allClosed(server))
            expectServed(port: port)
        }
    }
}
