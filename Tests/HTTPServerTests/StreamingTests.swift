import DatelineTesting
import Foundation
import HTTPServer
import Locking
import Testing

/// Hands each started stream's writer to the test, which writes from its own thread.
final class StreamTap: Sendable {
    private let writers = LockedValue<[StreamWriter]>([])

    /// Waits (at most 5 s) for the `index`th stream to start.
    func writer(_ index: Int = 0) throws -> StreamWriter {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if let writer = writers.withLock({ $0.count > index ? $0[index] : nil }) { return writer }
            usleep(2_000)
        }
        throw RawHTTPClientError.malformed("stream \(index) never started")
    }

    /// How many streams have started.
    var count: Int { writers.withLock { $0.count } }

    fileprivate func add(_ writer: StreamWriter) { writers.withLock { $0.append(writer) } }
}

/// `/stream` answers with a streamed body; anything else with a short fixed body.
struct StreamingResponder: HTTPResponder {
    struct Body: ResponseStream {
        let tap: StreamTap
        func start(writer: StreamWriter) { tap.add(writer) }
    }

    let tap: StreamTap

    func respond(to request: HTTPRequest) throws -> HTTPResponse {
        guard request.path == "/stream" else { return HTTPResponse(body: Array("plain".utf8)) }
        return HTTPResponse(headers: HTTPHeaders([("Content-Type", "text/plain")]), stream: Body(tap: tap))
    }
}

@Suite("Server: streamed responses", .timeLimit(.minutes(1)))
struct StreamingTests {
    @Test("HTTP/1.1: chunked, no Content-Length, Connection: close; each write one chunk; finish sends the last chunk and closes")
    func chunkedFraming() async throws {
        try await withStreamingServer { _, port, tap in
            let client = try RawHTTPClient(port: port)
            // A pipelined request after the stream is not answered: the stream owns the connection.
            try client.send("GET /stream HTTP/1.1\r\nHost: t\r\n\r\nGET /other HTTP/1.1\r\nHost: t\r\n\r\n")
            let head = try client.readStreamHead()
            #expect(head.status == 200)
            #expect(head.header("Transfer-Encoding") == "chunked")
            #expect(head.header("Content-Length") == nil)
            #expect(head.header("Connection") == "close")
            #expect(head.header("Content-Type") == "text/plain")
            let writer = try tap.writer()
            let sender = Thread {
                writer.write(Array("hello".utf8))
                writer.write([])
                writer.write(Array("data: 0123456789abcdef\n\n".utf8))
                writer.finish()
            }
            sender.start()
            let rest = client.readUntilClosed()
            #expect(String(decoding: rest, as: UTF8.self) == "5\r\nhello\r\n18\r\ndata: 0123456789abcdef\n\n\r\n0\r\n\r\n")
            #expect(!writer.isOpen)
            #expect(!writer.write(Array("late".utf8)))
        }
    }

    @Test("HTTP/1.0: the bytes as written, ended by the close")
    func http10() async throws {
        try await withStreamingServer { _, port, tap in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /stream HTTP/1.0\r\n\r\n")
            let head = try client.readStreamHead()
            #expect(head.header("Transfer-Encoding") == nil)
            #expect(head.header("Content-Length") == nil)
            #expect(head.header("Connection") == "close")
            let writer = try tap.writer()
            writer.write(Array("one ".utf8))
            writer.write(Array("two".utf8))
            writer.finish()
            #expect(String(decoding: client.readUntilClosed(), as: UTF8.self) == "one two")
        }
    }

    @Test("HEAD of a stream: the head only; the connection goes on")
    func head() async throws {
        try await withStreamingServer { _, port, tap in
            let client = try RawHTTPClient(port: port)
            try client.send("HEAD /stream HTTP/1.1\r\nHost: t\r\n\r\n")
            let head = try client.readResponse(headRequest: true)
            #expect(head.status == 200)
            #expect(head.header("Transfer-Encoding") == "chunked")
            #expect(head.header("Connection") == nil)
            try client.send("GET /plain HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().bodyText == "plain")
            #expect(tap.count == 0)
        }
    }

    @Test("Writes from several threads at once all arrive, each chunk whole")
    func concurrentWriters() async throws {
        try await withStreamingServer { _, port, tap in
            let (client, writer) = try openStream(port: port, tap: tap)
            let done = DispatchGroup()
            for thread in 0..<4 {
                done.enter()
                Thread {
                    for index in 0..<100 { writer.write(Array(": t\(thread)-\(index)\n\n".utf8)) }
                    done.leave()
                }.start()
            }
            var received: [String] = []
            while received.count < 400, let event = try client.nextEvent(within: .seconds(5)) {
                received.append(event.comments.first ?? "")
            }
            done.wait()
            writer.finish()
            #expect(received.count == 400)
            for thread in 0..<4 {
                // Each thread's writes keep their order.
                let mine = received.filter { $0.hasPrefix("t\(thread)-") }
                #expect(mine == (0..<100).map { "t\(thread)-\($0)" })
            }
        }
    }

    @Test("A quiet stream outlives the idle timeout")
    func quietStreamLives() async throws {
        var configuration = ServerConfiguration()
        configuration.idleTimeout = .milliseconds(200)
        try await withStreamingServer(configuration: configuration) { _, port, tap in
            let (client, writer) = try openStream(port: port, tap: tap)
            try await Task.sleep(for: .milliseconds(700))
            #expect(writer.write(Array(": still here\n\n".utf8)))
            let event = try client.nextEvent(within: .seconds(5))
            #expect(event?.comments == ["still here"])
            writer.finish()
        }
    }

    @Test("A client that never reads: past the bound the stream ends and the connection closes; memory stays bounded")
    func boundedForSlowClient() async throws {
        var configuration = ServerConfiguration()
        configuration.maxStreamPendingBytes = 64 * 1024
        try await withStreamingServer(configuration: configuration) { server, port, tap in
            let client = try RawHTTPClient(port: port, receiveBufferSize: 4096)
            try client.send("GET /stream HTTP/1.1\r\nHost: t\r\n\r\n")
            let writer = try tap.writer()
            let block = [UInt8](repeating: UInt8(ascii: "x"), count: 16 * 1024)
            var accepted = 0
            // Bounded: the kernel's buffers take a few MiB at most before the server's bound is reached.
            while accepted < 4096, writer.write(block) { accepted += 1 }
            #expect(accepted < 4096)
            #expect(!writer.isOpen)
            // The server closed it: the open-connection count drops to zero (bounded wait).
            let deadline = ContinuousClock.now + .seconds(5)
            while server.statistics.openConnections > 0, ContinuousClock.now < deadline { usleep(5_000) }
            #expect(server.statistics.openConnections == 0)
            client.close()
        }
    }

    @Test("A client that leaves: later writes return false")
    func clientLeaves() async throws {
        try await withStreamingServer { _, port, tap in
            let (client, writer) = try openStream(port: port, tap: tap)
            client.close()
            var open = true
            for _ in 0..<500 where open {
                open = writer.write(Array(": ping\n\n".utf8))
                usleep(10_000)
            }
            #expect(!open)
        }
    }

    @Test("stop() ends open streams with the last chunk (drain), not by the deadline")
    func stopFinishesStreams() async throws {
        try await withStreamingServer { server, port, tap in
            let clients = try (0..<3).map { index in try openStream(port: port, tap: tap, index: index).client }
            let stopped = Thread { server.stop(deadline: .seconds(30)) }
            stopped.start()
            for client in clients {
                #expect(String(decoding: client.readUntilClosed(), as: UTF8.self) == "0\r\n\r\n")
            }
            for index in 0..<3 { #expect(try !tap.writer(index).isOpen) }
        }
    }

    /// Runs `body` against a server whose `/stream` answers hand their writers to the tap it is given.
    private func withStreamingServer(
        configuration: ServerConfiguration = .init(), _ body: (Server, Int, StreamTap) async throws -> Void
    ) async throws {
        let tap = StreamTap()
        try await withTestServer(configuration: configuration, responder: StreamingResponder(tap: tap)) { server, port in
            try await body(server, port, tap)
        }
    }

    /// A fresh connection that has sent `GET /stream` (HTTP/1.1) and read the head, and the writer of that
    /// stream, the `index`th to start.
    private func openStream(port: Int, tap: StreamTap, index: Int = 0) throws -> (client: RawHTTPClient, writer: StreamWriter) {
        let client = try RawHTTPClient(port: port)
        try client.send("GET /stream HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try client.readStreamHead()
        return (client, try tap.writer(index))
    }
}
