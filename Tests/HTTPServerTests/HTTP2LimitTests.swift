import DatelineTesting
import Foundation
import HTTPServer
import Testing

@Suite("Server: HTTP/2 limits, drain and abuse", .timeLimit(.minutes(1)))
struct HTTP2LimitTests {
    @Test("A body over the limit is 413, declared or not; the connection goes on")
    func bodyTooLarge() async throws {
        var configuration = ServerConfiguration()
        configuration.maxBodyBytes = 64 * 1024
        try await withTestServer(configuration: configuration, responder: HTTP2Responder()) { _, port in
            let client = try HTTP2Client(port: port)
            let body = [UInt8](repeating: 1, count: 200_000)
            let undeclared = try client.get("/up", method: "POST", body: body)
            #expect(undeclared.status == 413)
            #expect(undeclared.header("content-type") == "application/problem+json")
            let declared = try client.get("/up", method: "POST", headers: [("content-length", "200000")], body: body)
            #expect(declared.status == 413)
            let fits = try client.get("/up", method: "POST", body: [UInt8](repeating: UInt8(ascii: "k"), count: 64 * 1024))
            #expect(fits.status == 200)
        }
    }

    @Test("A header list over maxHeaderBytes is refused with 431; the connection goes on")
    func headersTooLarge() async throws {
        try await withTestServer(responder: HTTP2Responder()) { _, port in
            let client = try HTTP2Client(port: port)
            let large = try client.get("/h", headers: [("x-large", String(repeating: "v", count: 20 * 1024))])
            #expect(large.status == 431)
            let many = try client.get("/h", headers: (0..<200).map { ("x-h\($0)", "v") })
            #expect(many.status == 431)
            #expect(try client.get("/h").status == 200)
        }
    }

    @Test("Rapid reset: a client opening and cancelling streams in a flood gets GOAWAY and is closed; others are served")
    func rapidReset() async throws {
        try await withTestServer(responder: HTTP2Responder()) { _, port in
            let bystander = try HTTP2Client(port: port)
            #expect(try bystander.get("/before").status == 200)
            let attacker = try HTTP2Client(port: port)
            for _ in 0..<1000 where !attacker.peerClosed {
                let id = try attacker.submit("GET", "/")
                try attacker.flush()
                attacker.reset(id)
                try attacker.flush()
            }
            #expect(attacker.runUntilClosed())
            #expect(attacker.goAway?.errorCode == HTTP2ErrorCode.enhanceYourCalm)
            #expect(try bystander.get("/after").bodyText == "GET /after - ")
        }
    }

    @Test("Drain: GOAWAY (NO_ERROR), the stream in flight is answered, then the connection closes")
    func drain() async throws {
        let holds = Holds()
        try await withTestServer(responder: HTTP2Responder(holds: holds)) { server, port in
            let client = try HTTP2Client(port: port)
            let id = try client.submit("GET", "/hold")
            try client.run { _ in holds.count == 1 }
            let stopper = Thread { server.stop(deadline: .seconds(10)) }
            stopper.start()
            try client.run { $0.goAway != nil }
            #expect(client.goAway?.errorCode == HTTP2ErrorCode.noError)
            #expect(client.goAway?.lastStreamID == id)
            holds.completeAll()
            try client.run { $0.responses[id]?.isClosed == true }
            #expect(client.responses[id]?.bodyText == "held")
            #expect(client.runUntilClosed())
        }
    }

    @Test("Drain ends a streamed response's stream cleanly")
    func drainStream() async throws {
        let tap = StreamTap()
        try await withTestServer(responder: HTTP2Responder(tap: tap)) { server, port in
            let client = try HTTP2Client(port: port)
            let id = try client.submit("GET", "/stream")
            try client.run { $0.responses[id]?.status != nil }
            let writer = try tap.writer()
            writer.write(Array("data: one\n\n".utf8))
            let stopper = Thread { server.stop(deadline: .seconds(10)) }
            stopper.start()
            try client.run { $0.responses[id]?.isClosed == true }
            #expect(client.responses[id]?.resetCode == nil)
            #expect(client.responses[id]?.bodyText == "data: one\n\n")
            #expect(client.runUntilClosed())
            #expect(!writer.isOpen)
        }
    }

    @Test("Idle timeout: a connection with no streams gets GOAWAY and is closed")
    func idleTimeout() async throws {
        var configuration = ServerConfiguration()
        configuration.idleTimeout = .milliseconds(300)
        try await withTestServer(configuration: configuration, responder: HTTP2Responder()) { _, port in
            let client = try HTTP2Client(port: port)
            #expect(try client.get("/x").status == 200)
            #expect(client.runUntilClosed(timeout: .seconds(5)))
            #expect(client.goAway?.errorCode == HTTP2ErrorCode.noError)
        }
    }

    @Test("A request body that stops coming is answered 408 on its stream; the connection goes on")
    func bodyTimeout() async throws {
        var configuration = ServerConfiguration()
        configuration.bodyReadTimeout = .milliseconds(300)
        try await withTestServer(configuration: configuration, responder: HTTP2Responder()) { server, port in
            let client = try HTTP2Client(port: port)
            let stalled = try client.submit("POST", "/up", bodyNeverEnds: true)
            try client.run { $0.responses[stalled]?.isClosed == true }
            #expect(client.responses[stalled]?.status == 408)
            #expect(server.statistics.timedOut >= 1)
            #expect(try client.get("/after").status == 200)
        }
    }

    @Test("A streamed response the client's window holds back is reset past its bound; the connection goes on")
    func streamBound() async throws {
        let tap = StreamTap()
        var configuration = ServerConfiguration()
        configuration.maxStreamPendingBytes = 64 * 1024
        try await withTestServer(configuration: configuration, responder: HTTP2Responder(tap: tap)) { _, port in
            let client = try HTTP2Client(port: port, settings: [(HTTP2Setting.initialWindowSize, 0)])
            let id = try client.submit("GET", "/stream")
            try client.run { $0.responses[id]?.status != nil }
            let writer = try tap.writer()
            var accepted = 0
            while accepted < 100, writer.write([UInt8](repeating: 7, count: 4096)) { accepted += 1 }
            #expect(accepted < 100)
            try client.run { $0.responses[id]?.isClosed == true }
            #expect(client.responses[id]?.resetCode == 2)   // INTERNAL_ERROR
            // A body-less answer needs no window: the connection still serves.
            #expect(try client.get("/no-content").status == 204)
        }
    }

    @Test("A protocol violation after the preface gets GOAWAY (PROTOCOL_ERROR) and the connection closes")
    func protocolError() async throws {
        try await withTestServer(responder: HTTP2Responder()) { _, port in
            let client = try RawHTTPClient(port: port)
            // SETTINGS, then a request on an even (server-initiated) stream id.
            let settings: [UInt8] = [0, 0, 0, 4, 0, 0, 0, 0, 0]
            let headers: [UInt8] = [0, 0, 1, 1, 5, 0, 0, 0, 2, 0x82]
            try client.send(Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + settings + headers)
            let frames = Self.frames(client.readUntilClosed())
            let goAway = try #require(frames.first { $0.type == 7 })
            #expect(goAway.payload.count >= 8)
            #expect(Array(goAway.payload).dropFirst(4).prefix(4).elementsEqual([0, 0, 0, 1]))
        }
    }

    /// Splits raw HTTP/2 bytes into (type, payload) frames.
    private static func frames(_ bytes: [UInt8]) -> [(type: UInt8, payload: ArraySlice<UInt8>)] {
        var frames: [(type: UInt8, payload: ArraySlice<UInt8>)] = []
        var index = 0
        while index + 9 <= bytes.count {
            let length = Int(bytes[index]) << 16 | Int(bytes[index + 1]) << 8 | Int(bytes[index + 2])
            guard index + 9 + length <= bytes.count else { break }
            frames.append((bytes[index + 3], bytes[(index + 9)..<(index + 9 + length)]))
            index += 9 + length
        }
        return frames
    }
}
