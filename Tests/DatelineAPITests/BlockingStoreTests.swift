import Articles
import DatelineAPI
import DatelineTesting
import Foundation
import Locking
import Testing

/// A store whose calls block is called on the store's pool, never on an event loop; hot answers come from
/// the cache without a store call.
@Suite("API: a store whose calls block", .timeLimit(.minutes(1)))
struct BlockingStoreTests {
    @Test("While store calls are held, the event loops go on: /health, static files and cached articles answer")
    func loopsNotBlocked() async throws {
        let store = GatedStore(try MemoryStore(articles: Fixtures.articles()))
        try await withAPIServer(store: store, configure: { $0.storeThreads = 2 }) { port, store in
            #expect(try get("/articles/n1", port: port).status == 200)  // now cached
            store.close()
            // More held requests than store threads: all of them wait, none blocks a loop.
            let waiting = try (0..<4).map { index in
                let client = try RawHTTPClient(port: port)
                try client.send("GET /articles?limit=\(index + 1) HTTP/1.1\r\nHost: t\r\n\r\n")
                return client
            }
            #expect(store.waitForHeld(2))
            for _ in 0..<10 {
                #expect(try get("/health", port: port).status == 200)
                #expect(try get("/articles/n1", port: port).status == 200)
                #expect(try get("/", port: port).status == 200)
            }
            store.open()
            for (index, client) in waiting.enumerated() {
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(try ids(response).count == min(index + 1, try Fixtures.articles().filter { $0.status == .published }.count))
            }
        }
    }

    @Test("A cached article is answered without calling the store; a write to it drops the entry")
    func hitsMakeNoStoreCall() async throws {
        let store = GatedStore(try MemoryStore(articles: Fixtures.articles()))
        try await withAPIServer(store: store) { port, store in
            let first = try get("/articles/n1", port: port)
            let calls = store.calls
            for _ in 0..<5 { #expect(try get("/articles/n1", port: port).body == first.body) }
            #expect(store.calls == calls)

            let patched = try editorWrite("PATCH", "/articles/n1", port: port, json: #"{"title":"Aid reaches the north"}"#)
            #expect(patched.status == 200)
            #expect(try jsonObject(try get("/articles/n1", port: port))["title"] as? String == "Aid reaches the north")
        }
    }

    @Test("Past the pool's queue, a request is answered 503 with Retry-After at once, and the rest are served")
    func fullQueueIs503() async throws {
        let store = GatedStore(try MemoryStore(articles: Fixtures.articles()))
        try await withAPIServer(store: store, configure: { $0.storeThreads = 1; $0.storeQueueLimit = 1 }) { port, store in
            store.close()
            let running = try RawHTTPClient(port: port)
            try running.send("GET /articles?limit=1 HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(store.waitForHeld(1))
            // Two more: whichever reaches the pool first takes the one queue place, the other is refused at once.
            // (Which one is first cannot be observed from here, so neither is assumed.)
            let second = try RawHTTPClient(port: port)
            try second.send("GET /articles?limit=2 HTTP/1.1\r\nHost: t\r\n\r\n")
            let third = try RawHTTPClient(port: port)
            try third.send("GET /articles?limit=3 HTTP/1.1\r\nHost: t\r\n\r\n")
            // Both are read at once; the refused one's 503 opens the gate, so then the queued one is answered too.
            // Had neither been refused, the gate would stay shut and both reads time out: the test fails.
            nonisolated(unsafe) let clients = [second, third]
            let received = LockedValue<[RawHTTPResponse]>([])
            DispatchQueue.concurrentPerform(iterations: clients.count) { index in
                guard let response = try? clients[index].readResponse() else { return }
                if response.status == 503 { store.open() }
                received.withLock { $0.append(response) }
            }
            let answers = received.withLock { $0 }
            #expect(answers.map(\.status).sorted() == [200, 503])
            if let refused = answers.first(where: { $0.status == 503 }) {
                try expectProblem(refused, 503)
                #expect(refused.header("Retry-After") == "1")
            }
            #expect(try running.readResponse().status == 200)
            #expect(try get("/articles?limit=3", port: port).status == 200)
        }
    }

    @Test("Writes go through the pool too, and readers see them at once")
    func writesThroughThePool() async throws {
        let store = GatedStore(try MemoryStore(articles: Fixtures.articles()))
        try await withAPIServer(store: store) { port, _ in
            let before = try ids(try get("/articles?limit=100", port: port))
            let created = try editorWrite("POST", "/articles", port: port, json: #"{"title":"Floods in Kisumu","body":"Rivers rose.","category":"africa","status":"published"}"#)
            #expect(created.status == 201)
            let id = try #require(try jsonObject(created)["id"] as? String)
            let after = try ids(try get("/articles?limit=100", port: port))
            #expect(after.count == before.count + 1)
            #expect(after.first == id)
        }
    }
}
