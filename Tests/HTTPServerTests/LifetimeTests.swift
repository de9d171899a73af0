import DatelineTesting
import Foundation
import HTTPServer
import Locking
import Testing

/// A responder that keeps every stream writer and deferred completion it hands out, as the event hub keeps
/// its subscribers' writers: the writers and completions then live as long as the responder does.
final class KeepingResponder: HTTPResponder {
    struct Body: ResponseStream {
        let responder: KeepingResponder
        func start(writer: StreamWriter) { responder.writers.withLock { $0.append(writer) } }
    }

    let writers = LockedValue<[StreamWriter]>([])
    let completions = LockedValue<[ResponseCompletion]>([])

    func respond(to request: HTTPRequest) throws -> HTTPResponse {
        if request.path == "/stream" { return HTTPResponse(stream: Body(responder: self)) }
        return .deferred { [self] completion in completions.withLock { $0.append(completion) } }
    }

    /// Waits (at most 5 s) until a writer and a completion have been handed out.
    func waitForBoth() throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if writers.withLock({ !$0.isEmpty }) && completions.withLock({ !$0.isEmpty }) { return }
            usleep(2_000)
        }
        throw RawHTTPClientError.malformed("no stream or no deferred request arrived")
    }
}

@Suite("Server: what outlives a stopped server", .timeLimit(.minutes(1)))
struct LifetimeTests {
    @Test("A stream writer or deferred completion kept after stop does not keep the server's loops and responder alive")
    func keptWritersReleaseTheServer() async throws {
        weak var released: KeepingResponder?
        do {
            let responder = KeepingResponder()
            released = responder
            try await withTestServer(responder: responder) { _, port in
                let streamClient = try RawHTTPClient(port: port)
                try streamClient.send("GET /stream HTTP/1.1\r\nHost: t\r\n\r\n")
                let deferredClient = try RawHTTPClient(port: port)
                try deferredClient.send("GET /held HTTP/1.1\r\nHost: t\r\n\r\n")
                try responder.waitForBoth()
                // Both answers are given in full, so the server stops at once; the responder still holds the
                // writer and the completion afterwards.
                responder.writers.withLock { $0[0].finish() }
                _ = responder.completions.withLock { $0[0].complete(HTTPResponse(body: Array("done".utf8))) }
                #expect(try deferredClient.readResponse().bodyText == "done")
                _ = streamClient.readUntilClosed()
            }
        }
        // The loop threads let go of their loops just after `stop` returns: wait for it, bounded.
        let deadline = ContinuousClock.now + .seconds(5)
        while released != nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(released == nil, "the kept writer or completion still holds the server's event loop")
    }
}
