import DatelineTesting
import Foundation
import HTTPServer
import Testing

/// Sends `raw` on a new connection; returns the response and whether the server then closed.
private func exchange(_ raw: String, port: Int) throws -> (RawHTTPResponse, closed: Bool) {
    let client = try RawHTTPClient(port: port)
    try client.send(raw)
    let response = try client.readResponse()
    return (response, client.isClosed(within: .seconds(3)))
}

/// A second client that must keep being served while the first one misbehaves.
private func expectOthersServed(port: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let response = try get("/other", port: port)
    #expect(response.status == 200, sourceLocation: sourceLocation)
    #expect(response.bodyText == "GET /other - ", sourceLocation: sourceLocation)
}

@Suite("Server: strict parsing, limits and timeouts end to end", .timeLimit(.minutes(2)))
struct EdgeTests {
    static let smuggling: [(String, Int)] = [
        ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde", 400),
        ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;bad ext\r\nabc\r\n0\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: t\r\nX: a\r\n b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: t\r\nX: a\u{00}b\r\n\r\n", 400),
        ("GET /  HTTP/1.1\r\nHost: t\r\n\r\n", 400),
        ("GARBAGE\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
        ("GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505),
    ]

    @Test("Each smuggling case gets its status and the connection closes; others are still served",
          arguments: smuggling)
    func smugglingRejected(_ raw: String, _ status: Int) async throws {
        try await withTestServer(responder: EchoResponder()) { server, port in
            let (response, closed) = try exchange(raw, port: port)
            #expect(response.status == status)
            #expect(response.header("Connection") == "close")
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(closed)
            #expect(server.statistics.malformedRequests == 1)
            try expectOthersServed(port: port)
        }
    }

    @Test("A smuggled second request after a rejected one is never answered")
    func noSecondRequest() async throws {
        try await withTestServer(responder: EchoResponder()) { server, port in
            let client = try RawHTTPClient(port: port)
            try client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 400)
            let rest = client.readUntilClosed()
            #expect(!String(decoding: rest, as: UTF8.self).contains("smuggled"))
            #expect(server.statistics.requests == 0)
        }
    }

    @Test("Limits: 414, 431 (size and count), 413 (declared and chunked), each while another client is served")
    func limits() async throws {
        var configuration = ServerConfiguration()
        configuration.maxRequestLineBytes = 100
        configuration.maxHeaderBytes = 200
        configuration.maxHeaderCount = 5
        configuration.maxBodyBytes = 50
        try await withTestServer(configuration: configuration, responder: EchoResponder()) { _, port in
            let cases: [(String, Int)] = [
                ("GET /\(String(repeating: "a", count: 200)) HTTP/1.1\r\nHost: t\r\n\r\n", 414),
                ("GET / HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "b", count: 300))\r\n\r\n", 431),
                ("GET / HTTP/1.1\r\nHost: t\r\n" + (1...6).map { "X-\($0): v\r\n" }.joined() + "\r\n", 431),
                ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 51\r\n\r\n" + String(repeating: "c", count: 51), 413),
                ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n\(String(repeating: "d", count: 32))\r\n20\r\n\(String(repeating: "d", count: 32))\r\n0\r\n\r\n", 413),
            ]
            for (raw, status) in cases {
                let (response, closed) = try exchange(raw, port: port)
                #expect(response.status == status, "\(raw.prefix(60))")
                #expect(closed)
                try expectOthersServed(port: port)
            }
            // Right at the limits is fine.
            let (fits, _) = try exchange("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 50\r\nConnection: close\r\n\r\n" + String(repeating: "e", count: 50), port: port)
            #expect(fits.status == 200)
        }
    }

    @Test("A declared body over the limit is refused before it is read, even with Expect: 100-continue")
    func earlyRefusal() async throws {
        var configuration = ServerConfiguration()
        configuration.maxBodyBytes = 10
        try await withTestServer(configuration: configuration, responder: EchoResponder()) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("PUT / HTTP/1.1\r\nHost: t\r\nContent-Length: 1000000\r\nExpect: 100-continue\r\n\r\n")
            #expect(try client.readResponse().status == 413)
        }
    }

    @Test("Header timeout: a slow client gets 408 and is closed; a silent one is closed; others are served")
    func headerTimeout() async throws {
        var configuration = ServerConfiguration()
        configuration.headerReadTimeout = .milliseconds(400)
        try await withTestServer(configuration: configuration, responder: EchoResponder()) { server, port in
            let slowloris = try RawHTTPClient(port: port)
            let silent = try RawHTTPClient(port: port)
            try slowloris.send("GET / HTTP/1.1\r\nHost: t\r\n")
            try expectOthersServed(port: port)
            let response = try slowloris.readResponse()
            #expect(response.status == 408)
            #expect(slowloris.isClosed(within: .seconds(3)))
            #expect(silent.isClosed(within: .seconds(3)))
            #expect(server.statistics.timedOut >= 1)
            try expectOthersServed(port: port)
        }
    }

    @Test("Part of a pipelined head left after a response gets the header timeout, not the idle one")
    func pipelinedPartialHeadTimeout() async throws {
        var configuration = ServerConfiguration()
        configuration.headerReadTimeout = .milliseconds(400)
        configuration.idleTimeout = .seconds(30)
        try await withTestServer(configuration: configuration, responder: EchoResponder()) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /first HTTP/1.1\r\nHost: t\r\n\r\nGET /second HTTP/1.1\r\nHo")
            #expect(try client.readResponse().status == 200)
            #expect(try client.readResponse().status == 408)
            #expect(client.isClosed(within: .seconds(3)))
        }
    }

    @Test("Body timeout: a body that stops arriving gets 408")
    func bodyTimeout() async throws {
        var configuration = ServerConfiguration()
        configuration.bodyReadTimeout = .milliseconds(400)
        try await withTestServer(configuration: configuration, responder: EchoResponder()) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly a little")
            try expectOthersServed(port: port)
            #expect(try client.readResponse().status == 408)
            #expect(client.isClosed(within: .seconds(3)))
        }
    }

    @Test("Idle keep-alive connections are closed after the idle timeout")
    func idleTimeout() async throws {
        var configuration = ServerConfiguration()
        configuration.idleTimeout = .milliseconds(400)
        try await withTestServer(configuration: configuration, responder: EchoResponder()) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            #expect(client.isClosed(within: .seconds(3)))
        }
    }

    @Test("Past maxConnections a new connection is closed at once and counted; the others are served")
    func connectionCap() async throws {
        var configuration = ServerConfiguration()
        configuration.maxConnections = 2
        try await withTestServer(configuration: configuration, responder: EchoResponder()) { server, port in
            let first = try RawHTTPClient(port: port)
            let second = try RawHTTPClient(port: port)
            try first.send("GET /1 HTTP/1.1\r\nHost: t\r\n\r\n")
            try second.send("GET /2 HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try first.readResponse().status == 200)
            #expect(try second.readResponse().status == 200)
            let third = try RawHTTPClient(port: port)
            #expect(third.isClosed(within: .seconds(3)))
            #expect(server.statistics.rejectedConnections == 1)
            try first.send("GET /again HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try first.readResponse().bodyText == "GET /again - ")
            first.close()
            // Once one leaves, a new client gets in again.
            var served = false
            for _ in 0..<50 where !served {
                served = (try? get("/later", port: port).status) == 200
                if !served { usleep(20_000) }
            }
            #expect(served)
        }
    }
}

@Suite("Server: graceful stop", .timeLimit(.minutes(1)))
struct StopTests {
    @Test("stop() lets an in-flight request finish with Connection: close, closes idle ones, leaks no descriptor")
    func gracefulStop() throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.eventLoopCount = 2
        let gate = StopGate()
        let server = Server(configuration: configuration, responder: EchoResponder(gate: gate), logger: .init(label: "stop-test"))
        gate.server = server
        let port = try server.start()
        #expect(serverSocketCount(port: port) == 2, "one listening socket per loop")
        let idle = try RawHTTPClient(port: port)
        try idle.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try idle.readResponse().status == 200)
        let busy = try RawHTTPClient(port: port)
        // The slow request is held in its handler until stop() has begun.
        try busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        gate.waitForHeldRequest()

        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            server.stop(deadline: .seconds(5))
            stopped.signal()
        }
        let response = try busy.readResponse()
        #expect(response.bodyText == "slow done")
        #expect(response.header("Connection") == "close")
        #expect(idle.isClosed(within: .seconds(3)))
        #expect(stopped.wait(timeout: .now() + 5) == .success)
        #expect((try? RawHTTPClient(port: port)) == nil, "nothing listens after stop")
        idle.close()
        busy.close()
        #expect(serverSocketCount(port: port) == 0, "every listening and accepted socket is closed")
    }

    @Test("A second start() fails, and the running server goes on serving")
    func secondStart() throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.eventLoopCount = 2
        let server = Server(configuration: configuration, responder: EchoResponder(), logger: .init(label: "start-test"))
        let port = try server.start()
        #expect(throws: SystemError.self) { try server.start() }
        #expect(serverSocketCount(port: port) == 2, "the first start's listeners are untouched")
        #expect(try get("/still", port: port).bodyText == "GET /still - ")
        server.stop(deadline: .seconds(1))
    }

    @Test("stop() force-closes what is still open at the deadline")
    func deadline() throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        let server = Server(configuration: configuration, responder: EchoResponder(), logger: .init(label: "stop-test"))
        let port = try server.start()
        let stuck = try RawHTTPClient(port: port)
        try stuck.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nab")
        usleep(50_000)
        let start = ContinuousClock.now
        server.stop(deadline: .milliseconds(300))
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(stuck.isClosed(within: .seconds(2)))
        server.stop(deadline: .seconds(1))   // a second stop is harmless
    }
}
