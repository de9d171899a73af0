import DatelineTesting
import Foundation
import HTTPServer
import Testing

@Suite("Server: keep-alive, pipelining, bodies, HEAD", .timeLimit(.minutes(2)))
struct ServerTests {
    @Test("Keep-alive by default; every response has Date and Content-Length")
    func keepAlive() async throws {
        try await withTestServer(responder: EchoResponder()) { _, port in
            let client = try RawHTTPClient(port: port)
            for index in 0..<3 {
                try client.send("GET /n\(index) HTTP/1.1\r\nHost: t\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.bodyText == "GET /n\(index) - ")
                #expect(response.header("Date")?.hasSuffix(" GMT") == true)
                #expect(response.header("Content-Length") == String(response.body.count))
                #expect(response.header("Connection") == nil)
            }
        }
    }

    @Test("10 pipelined requests in one write are answered in order")
    func pipelining() async throws {
        try await withTestServer(responder: EchoResponder()) { _, port in
            let client = try RawHTTPClient(port: port)
            let batch = (0..<10).map { "GET /p\($0)?i=\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined()
            try client.send(batch)
            for index in 0..<10 {
                let response = try client.readResponse()
                #expect(response.bodyText == "GET /p\(index) i=\(index) ")
            }
        }
    }

    @Test("Pipelined requests whose answers pass the pending-output bound are all answered, in order")
    func pipeliningPastOutputBound() async throws {
        var configuration = ServerConfiguration()
        configuration.maxPendingOutputBytes = 64
        try await withTestServer(configuration: configuration, responder: EchoResponder()) { _, port in
            let client = try RawHTTPClient(port: port)
            let body = String(repeating: "x", count: 100)
            let batch = (0..<10).map {
                "POST /p\($0) HTTP/1.1\r\nHost: t\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            }.joined()
            try client.send(batch)
            for index in 0..<10 {
                let response = try client.readResponse()
                #expect(response.bodyText == "POST /p\(index) - \(body)")
            }
        }
    }

    @Test("Connection: close and HTTP/1.0 close after the response; 1.0 keep-alive stays open")
    func connectionHandling() async throws {
        try await withTestServer(responder: EchoResponder()) { _, port in
            let closing = try RawHTTPClient(port: port)
            try closing.send("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            #expect(try closing.readResponse().header("Connection") == "close")
            #expect(closing.isClosed(within: .seconds(2)))

            let old = try RawHTTPClient(port: port)
            try old.send("GET / HTTP/1.0\r\n\r\n")
            #expect(try old.readResponse().header("Connection") == "close")
            #expect(old.isClosed(within: .seconds(2)))

            let oldKept = try RawHTTPClient(port: port)
            try oldKept.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try oldKept.readResponse().header("Connection") == "keep-alive")
            try oldKept.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try oldKept.readResponse().bodyText == "GET /b - ")
        }
    }

    @Test("Content-Length and chunked request bodies")
    func bodies() async throws {
        try await withTestServer(responder: EchoResponder()) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("POST /e HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\nhello world")
            #expect(try client.readResponse().bodyText == "POST /e - hello world")
            try client.send("POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: y\r\n\r\n")
            #expect(try client.readResponse().bodyText == "POST /c - hello world")
        }
    }

    @Test("Expect: 100-continue gets 100 Continue before the body is sent")
    func expectContinue() async throws {
        try await withTestServer(responder: EchoResponder()) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("PUT /x HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.status == 100)
            try client.send("data")
            #expect(try client.readResponse().bodyText == "PUT /x - data")
        }
    }

    @Test("HEAD has the GET's headers and no body; 204 and 304 have no Content-Length or body")
    func bodilessResponses() async throws {
        try await withTestServer(responder: EchoResponder()) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("HEAD /h HTTP/1.1\r\nHost: t\r\n\r\n")
            let head = try client.readResponse(headRequest: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == String("HEAD /h - ".utf8.count))
            try client.send("GET /no-content HTTP/1.1\r\nHost: t\r\n\r\n")
            let noContent = try client.readResponse()
            #expect(noContent.status == 204)
            #expect(noContent.header("Content-Length") == nil)
            try client.send("GET /not-modified HTTP/1.1\r\nHost: t\r\n\r\n")
            let notModified = try client.readResponse()
            #expect(notModified.status == 304)
            #expect(notModified.header("Content-Length") == nil)
            #expect(notModified.header("ETag") == "\"v1\"")
            // Had any body bytes leaked, this response would not parse.
            try client.send("GET /after HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().bodyText == "GET /after - ")
        }
    }

    @Test("A responder that throws gives that request a 500; the connection and server go on")
    func throwingResponder() async throws {
        try await withTestServer(responder: EchoResponder()) { server, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /throw HTTP/1.1\r\nHost: t\r\n\r\n")
            let failed = try client.readResponse()
            #expect(failed.status == 500)
            #expect(failed.header("Content-Type") == "application/problem+json")
            try client.send("GET /fine HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            #expect(server.statistics.requests >= 2)
        }
    }

    @Test("A header value with CR or LF is never written (no response splitting)")
    func responseSplitting() async throws {
        try await withTestServer(responder: EchoResponder()) { _, port in
            let response = try get("/split", port: port)
            #expect(response.header("X-Evil") == nil)
            #expect(response.header("Set-Cookie") == nil)
            #expect(response.header("X-Fine") == "ok")
        }
    }

    @Test("A responder's Content-Length, Date, Connection or Transfer-Encoding (any case) and bad names are not written")
    func reservedHeaders() async throws {
        try await withTestServer(responder: EchoResponder()) { _, port in
            let response = try get("/reserved", port: port)
            #expect(response.headerValues("Content-Length") == ["4"])
            #expect(response.bodyText == "four")
            #expect(response.headerValues("Date").count == 1)
            #expect(response.header("Date") != "yesterday")
            #expect(response.header("Connection") != "upgrade")
            #expect(response.header("Transfer-Encoding") == nil)
            #expect(response.header("Bad Name") == nil)
            #expect(response.header("X-Nul") == nil)
            #expect(response.header("X-Dated") == "kept")
            #expect(response.header("ETag") == "\"same length as date\"")
            #expect(response.header("Connectionx") == "kept")
        }
    }

    @Test("Listens on IPv6 loopback too")
    func ipv6() async throws {
        var configuration = ServerConfiguration()
        configuration.host = "::1"
        try await withTestServer(configuration: configuration, responder: EchoResponder()) { _, port in
            let client = try RawHTTPClient(port: port, host: "::1")
            try client.send("GET /six HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().bodyText == "GET /six - ")
        }
    }
}
