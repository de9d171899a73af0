import DatelineTesting
import Foundation
import HTTPServer
import Testing

@Suite("Server: HTTP/2 (h2c)", .timeLimit(.minutes(1)))
struct HTTP2Tests {
    @Test("Prior knowledge: the preface starts HTTP/2; the request is built from the pseudo-headers")
    func priorKnowledge() async throws {
        try await withTestServer(responder: HTTP2Responder()) { _, port in
            let client = try HTTP2Client(port: port)
            let echo = try client.get("/some/path?a=1&b=2")
            #expect(echo.status == 200)
            #expect(echo.bodyText == "GET /some/path a=1&b=2 ")
            #expect(echo.header("content-type") == "text/plain")
            #expect(echo.header("content-length") == "\(echo.body.count)")
            #expect(echo.header("date") != nil)
            let version = try client.get("/version")
            #expect(version.bodyText == "HTTP/2.0 127.0.0.1")
            let post = try client.get("/p", method: "POST", body: Array("hello".utf8))
            #expect(post.bodyText == "POST /p - hello")
        }
    }

    @Test("Upgrade: h2c: 101, then the request's answer on stream 1, then more streams")
    func upgrade() async throws {
        try await withTestServer(responder: HTTP2Responder()) { _, port in
            let client = try HTTP2Client(port: port, upgradePath: "/up?x=1")
            try client.run { $0.responses[1]?.isClosed == true }
            #expect(client.responses[1]?.status == 200)
            #expect(client.responses[1]?.bodyText == "GET /up x=1 ")
            let next = try client.get("/next")
            #expect(next.bodyText == "GET /next - ")
        }
    }

    @Test("Every route answers as over HTTP/1.1: status, headers (less Date and hop-by-hop ones), bytes")
    func sameAsHTTP1() async throws {
        try await withTestServer(responder: HTTP2Responder()) { _, port in
            let client = try HTTP2Client(port: port)
            for (method, path) in [("GET", "/"), ("GET", "/a/b?c=d"), ("GET", "/no-content"), ("GET", "/not-modified"),
                                   ("GET", "/split"), ("GET", "/throw"), ("HEAD", "/x"), ("GET", "/big"), ("DELETE", "/d")] {
                let (http1, http2) = try answersOverBothVersions(port: port, client: client, method: method, path: path)
                #expect(http1 == http2, "\(method) \(path)")
            }
        }
    }

    @Test("A large response to a client with a 16 KiB window completes (flow control both ways)")
    func smallWindow() async throws {
        try await withTestServer(responder: HTTP2Responder()) { _, port in
            let client = try HTTP2Client(port: port, settings: [(HTTP2Setting.initialWindowSize, 16 * 1024)])
            let big = try client.get("/big", timeout: .seconds(20))
            #expect(big.status == 200)
            #expect(big.body.count == HTTP2Responder.big.count)
            #expect(big.body == HTTP2Responder.big)
            // A request body larger than the server's 64 KiB window arrives whole.
            let body = [UInt8](repeating: UInt8(ascii: "z"), count: 300_000)
            let echo = try client.get("/upload", method: "POST", body: body, timeout: .seconds(20))
            #expect(echo.bodyText == "POST /upload - " + String(repeating: "z", count: 300_000))
        }
    }

    @Test("Streams are multiplexed: at most 100 at once; more wait for a free one, then all are answered")
    func concurrentStreams() async throws {
        let holds = Holds()
        try await withTestServer(responder: HTTP2Responder(holds: holds)) { _, port in
            let client = try HTTP2Client(port: port)
            let ids = try (0..<150).map { _ in try client.submit("GET", "/hold") }
            let quick = try client.submit("GET", "/quick")
            // Held answers are released only once 100 are in flight (or all that are left).
            try client.run(timeout: .seconds(20)) { client in
                if holds.count == 100 || (holds.total == 150 && holds.count > 0) { holds.completeAll() }
                return ids.allSatisfy { client.responses[$0]?.isClosed == true }
            }
            #expect(holds.most == 100)
            #expect(holds.total == 150)
            #expect(ids.allSatisfy { client.responses[$0]?.bodyText == "held" })
            #expect(client.responses[quick]?.bodyText == "GET /quick - ")
        }
    }

    @Test("A client that opens a 101st stream before it has read the server's SETTINGS gets REFUSED_STREAM")
    func refusedStream() async throws {
        let holds = Holds()
        try await withTestServer(responder: HTTP2Responder(holds: holds)) { _, port in
            let client = try HTTP2Client(port: port, assumedStreamLimit: 1000)
            let ids = try (0..<101).map { _ in try client.submit("GET", "/hold") }
            try client.flush()
            try client.run { client in
                if holds.count == 100 { holds.completeAll() }
                return ids.allSatisfy { client.responses[$0]?.isClosed == true }
            }
            let refused = ids.filter { client.responses[$0]?.resetCode == HTTP2ErrorCode.refusedStream }
            #expect(refused == [ids.last!])
            #expect(ids.dropLast().allSatisfy { client.responses[$0]?.bodyText == "held" })
        }
    }

    @Test("A deferred answer holds its stream only: others on the connection are answered meanwhile")
    func deferredStream() async throws {
        let holds = Holds()
        try await withTestServer(responder: HTTP2Responder(holds: holds)) { _, port in
            let client = try HTTP2Client(port: port)
            let held = try client.submit("GET", "/hold")
            let other = try client.get("/other")
            #expect(other.bodyText == "GET /other - ")
            #expect(client.responses[held]?.isClosed == false)
            #expect(holds.count == 1)
            holds.completeAll()
            try client.run { $0.responses[held]?.isClosed == true }
            #expect(client.responses[held]?.status == 200)
            #expect(client.responses[held]?.bodyText == "held")
        }
    }

    @Test("A streamed response (SSE) maps to DATA frames and ends its stream, not the connection")
    func streamedResponse() async throws {
        let tap = StreamTap()
        try await withTestServer(responder: HTTP2Responder(tap: tap)) { _, port in
            let client = try HTTP2Client(port: port)
            let id = try client.submit("GET", "/stream")
            try client.run { $0.responses[id]?.status != nil }
            let response = try #require(client.responses[id])
            #expect(response.header("content-type") == "text/plain")
            #expect(response.header("content-length") == nil)
            let writer = try tap.writer()
            writer.write(Array("data: one\n\n".utf8))
            try client.run { $0.responses[id]?.bodyText == "data: one\n\n" }
            writer.write(Array("data: two\n\n".utf8))
            writer.finish()
            try client.run { $0.responses[id]?.isClosed == true }
            #expect(client.responses[id]?.bodyText == "data: one\n\ndata: two\n\n")
            #expect(client.responses[id]?.resetCode == nil)
            #expect(!writer.write(Array("late".utf8)))
            // The connection goes on.
            #expect(try client.get("/after").bodyText == "GET /after - ")
        }
    }

    @Test("A client that resets its streamed response closes that stream's writer")
    func resetStream() async throws {
        let tap = StreamTap()
        try await withTestServer(responder: HTTP2Responder(tap: tap)) { _, port in
            let client = try HTTP2Client(port: port)
            let id = try client.submit("GET", "/stream")
            try client.run { $0.responses[id]?.status != nil }
            let writer = try tap.writer()
            client.reset(id)
            try client.flush()
            let deadline = ContinuousClock.now + .seconds(5)
            while writer.isOpen && ContinuousClock.now < deadline { usleep(2_000) }
            #expect(!writer.isOpen)
            #expect(try client.get("/after").status == 200)
        }
    }

    @Test("HTTP/1 stays strict: PRI after the first request, or an HTTP/2.0 request line, is 505")
    func noPrefaceMidStream() async throws {
        try await withTestServer(responder: HTTP2Responder()) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /one HTTP/1.1\r\nHost: t\r\n\r\nPRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            #expect(try client.readResponse().status == 505)
            let other = try RawHTTPClient(port: port)
            try other.send("GET / HTTP/2.0\r\nHost: t\r\n\r\n")
            #expect(try other.readResponse().status == 505)
        }
    }
}
