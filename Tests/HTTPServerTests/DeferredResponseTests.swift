import DatelineTesting
import Dispatch
import Foundation
import HTTPServer
import Locking
import Testing

/// Completions the test holds, so it decides when (and whether) each deferred answer is given.
final class CompletionTap: Sendable {
    private let held = LockedValue<[ResponseCompletion]>([])

    /// Waits (at most 5 s) for the `index`th deferred request to arrive.
    func completion(_ index: Int = 0) throws -> ResponseCompletion {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if let completion = held.withLock({ $0.count > index ? $0[index] : nil }) { return completion }
            usleep(2_000)
        }
        throw RawHTTPClientError.malformed("deferred request \(index) never arrived")
    }

    /// Forgets every held completion (dropping one answers 500).
    func dropAll() { held.withLock { $0.removeAll() } }

    fileprivate func add(_ completion: ResponseCompletion) { held.withLock { $0.append(completion) } }
}

/// `/held` is answered when the test says; `/later/N` after N ms on another thread; `/dropped` never (the
/// completion is let go); anything else at once with its path as the body.
struct DeferringResponder: HTTPResponder {
    let tap: CompletionTap

    func respond(to request: HTTPRequest) throws -> HTTPResponse {
        if request.path == "/held" {
            return .deferred { completion in tap.add(completion) }
        }
        if request.path == "/dropped" {
            return .deferred { _ in }
        }
        if request.path.hasPrefix("/later/"), let delay = Int(request.path.dropFirst("/later/".count)) {
            let body = Array(request.path.utf8)
            return .deferred { completion in
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(delay)) {
                    completion.complete(HTTPResponse(body: body))
                }
            }
        }
        return HTTPResponse(body: Array(request.path.utf8))
    }
}

@Suite("Server: deferred responses", .timeLimit(.minutes(1)))
struct DeferredResponseTests {
    @Test("A deferred answer completed on another thread reaches the client; keep-alive goes on")
    func completedElsewhere() async throws {
        try await withTestServer(responder: DeferringResponder(tap: CompletionTap())) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /later/20 HTTP/1.1\r\nHost: t\r\n\r\n")
            let first = try client.readResponse()
            #expect(first.status == 200)
            #expect(String(decoding: first.body, as: UTF8.self) == "/later/20")
            #expect(first.header("Connection") == nil)
            try client.send("GET /now HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(String(decoding: try client.readResponse().body, as: UTF8.self) == "/now")
        }
    }

    @Test("Pipelined requests are answered in order, deferred or not, whatever order the answers come in")
    func pipelinedInOrder() async throws {
        try await withTestServer(responder: DeferringResponder(tap: CompletionTap())) { _, port in
            let client = try RawHTTPClient(port: port)
            let paths = ["/later/60", "/a", "/later/1", "/later/30", "/b", "/later/0"]
            try client.send(paths.map { "GET \($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
            for path in paths {
                let response = try client.readResponse()
                #expect(String(decoding: response.body, as: UTF8.self) == path)
            }
        }
    }

    @Test("While one answer is held, other connections are served")
    func othersServedMeanwhile() async throws {
        let tap = CompletionTap()
        try await withTestServer(responder: DeferringResponder(tap: tap)) { _, port in
            let waiting = try RawHTTPClient(port: port)
            try waiting.send("GET /held HTTP/1.1\r\nHost: t\r\n\r\n")
            let completion = try tap.completion()
            for index in 0..<20 {
                let response = try get("/other/\(index)", port: port)
                #expect(response.status == 200)
            }
            #expect(completion.complete(HTTPResponse(status: .accepted, body: Array("done".utf8))))
            #expect(!completion.complete(HTTPResponse(body: [])), "a second completion is ignored")
            let answer = try waiting.readResponse()
            #expect(answer.status == 202)
            #expect(String(decoding: answer.body, as: UTF8.self) == "done")
        }
    }

    @Test("A completion let go without an answer gives the client a 500, not a hang")
    func droppedCompletionIs500() async throws {
        try await withTestServer(responder: DeferringResponder(tap: CompletionTap())) { _, port in
            let response = try get("/dropped", port: port)
            #expect(response.status == 500)
            #expect(response.header("Content-Type") == "application/problem+json")
        }
    }

    @Test("A client that leaves while its answer is held costs nothing when the answer comes late")
    func clientLeavesWhileWaiting() async throws {
        let tap = CompletionTap()
        try await withTestServer(responder: DeferringResponder(tap: tap)) { server, port in
            do {
                let leaving = try RawHTTPClient(port: port)
                try leaving.send("GET /held HTTP/1.1\r\nHost: t\r\n\r\n")
                _ = try tap.completion()
                leaving.close()
            }
            // The server does not read a waiting connection, so it learns of the close when it answers.
            let completion = try tap.completion()
            completion.complete(HTTPResponse(body: Array(repeating: 0x61, count: 100_000)))
            tap.dropAll()
            let deadline = ContinuousClock.now + .seconds(5)
            while server.statistics.openConnections > 0 && ContinuousClock.now < deadline { usleep(5_000) }
            #expect(server.statistics.openConnections == 0)
            #expect(try get("/after", port: port).status == 200)
        }
    }

    @Test("A client that half-closes after its request still gets the deferred answer, then the close")
    func halfClosedClientGetsAnswer() async throws {
        try await withTestServer(responder: DeferringResponder(tap: CompletionTap())) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /later/30 HTTP/1.1\r\nHost: t\r\n\r\n")
            client.shutdownWrite()
            let response = try client.readResponse()
            #expect(String(decoding: response.body, as: UTF8.self) == "/later/30")
            // Not read while waiting, the EOF is noticed after the answer: then the server closes too.
            #expect(client.isClosed(within: .seconds(2)))
        }
    }

    @Test("Drain waits for a held answer, which then goes out with Connection: close")
    func drainWaitsForHeldAnswer() async throws {
        let tap = CompletionTap()
        try await withTestServer(responder: DeferringResponder(tap: tap)) { server, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /held HTTP/1.1\r\nHost: t\r\n\r\n")
            let completion = try tap.completion()
            let stopper = Thread { server.stop(deadline: .seconds(5)) }
            stopper.start()
            let deadline = ContinuousClock.now + .seconds(5)
            while !server.isStopping && ContinuousClock.now < deadline { usleep(2_000) }
            completion.complete(HTTPResponse(body: Array("last".utf8)))
            let response = try client.readResponse()
            #expect(String(decoding: response.body, as: UTF8.self) == "last")
            #expect(response.header("Connection") == "close")
        }
    }
}
