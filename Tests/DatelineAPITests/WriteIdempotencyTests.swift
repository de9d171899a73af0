import Articles
@testable import DatelineAPI
import DatelineTesting
import Foundation
import HTTPServer
import Locking
import Testing

@Suite("Idempotency-Key on POST", .timeLimit(.minutes(1)))
struct WriteIdempotencyTests {
    @Test("A retry with the same key and body gets the first response; nothing is created twice")
    func replay() async throws {
        try await withWriteServer { port, store in
            let count = try store.allArticles().count
            let key = [("Idempotency-Key", "6f1c2a9e-retry-1")]
            let first = try editorWrite("POST", "/articles", port: port, json: floodsStory, headers: key)
            #expect(first.status == 201)
            let retry = try editorWrite("POST", "/articles", port: port, json: floodsStory, headers: key)
            #expect(retry.status == 201)
            #expect(retry.body == first.body)
            #expect(retry.header("Location") == first.header("Location"))
            #expect(retry.header("ETag") == first.header("ETag"))
            #expect(retry.header("Idempotent-Replayed") == "true")
            #expect(try store.allArticles().count == count + 1)
            // Without a key, or with another one, the same body is a new article.
            let other = try editorWrite("POST", "/articles", port: port, json: floodsStory, headers: [("Idempotency-Key", "another")])
            #expect(other.status == 201 && other.header("Location") != first.header("Location"))
            #expect(try jsonObject(other)["slug"] as? String == "floods-hit-lagos-2")
            #expect(try store.allArticles().count == count + 2)
        }
    }

    @Test("The same key with a different body is a 422 and creates nothing")
    func differentBody() async throws {
        try await withWriteServer { port, store in
            let key = [("Idempotency-Key", "k-1")]
            #expect(try editorWrite("POST", "/articles", port: port, json: floodsStory, headers: key).status == 201)
            let before = try store.allArticles()
            let other = try editorWrite("POST", "/articles", port: port, json: #"{"title":"Other","body":"b","category":"world"}"#, headers: key)
            try expectProblem(other, 422)
            #expect(try store.allArticles() == before)
        }
    }

    @Test("A refused first request leaves the key free for the corrected retry; a malformed key is a 400")
    func refusedFirst() async throws {
        try await withWriteServer { port, store in
            let key = [("Idempotency-Key", "k-2")]
            try expectProblem(try editorWrite("POST", "/articles", port: port, json: #"{"title":""}"#, headers: key), 422)
            #expect(try editorWrite("POST", "/articles", port: port, json: floodsStory, headers: key).status == 201)
            let before = try store.allArticles()
            try expectProblem(try editorWrite("POST", "/articles", port: port, json: floodsStory,
                                              headers: [("Idempotency-Key", String(repeating: "k", count: 256))]), 400)
            #expect(try store.allArticles() == before)
        }
    }

    @Test("Concurrent POSTs with one key create one article; each gets that article or a 409")
    func concurrentSameKey() async throws {
        try await withWriteServer { port, store in
            let count = try store.allArticles().count
            let responses = LockedValue<[RawHTTPResponse]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                if let response = try? editorWrite("POST", "/articles", port: port, json: floodsStory, headers: [("Idempotency-Key", "same")]) {
                    responses.withLock { $0.append(response) }
                }
            }
            let all = responses.withLock { $0 }
            #expect(all.count == 8)
            let created = all.filter { $0.status == 201 }
            #expect(!created.isEmpty)
            #expect(Set(created.map { $0.header("Location") ?? "" }).count == 1)
            #expect(all.allSatisfy { $0.status == 201 || $0.status == 409 })
            #expect(try store.allArticles().count == count + 1)
        }
    }

    @Test("The key store is bounded by count and by age, and thread-safe")
    func keyStoreBounds() {
        let response = HTTPResponse(status: .created, body: Array("x".utf8))
        let keys = IdempotencyKeys(capacity: 3, lifetime: 100)
        for name in ["a", "b", "c"] {
            guard case .proceed = keys.begin(name, fingerprint: "f", now: 0) else { Issue.record("\(name) not new"); return }
            keys.finish(name, fingerprint: "f", response: response)
        }
        guard case .replay = keys.begin("a", fingerprint: "f", now: 1) else { Issue.record("a forgotten"); return }
        guard case .mismatch = keys.begin("a", fingerprint: "g", now: 1) else { Issue.record("a's body not compared"); return }
        // A fourth key pushes out the oldest.
        guard case .proceed = keys.begin("d", fingerprint: "f", now: 2) else { Issue.record("d not new"); return }
        guard case .inProgress = keys.begin("d", fingerprint: "f", now: 2) else { Issue.record("d not pending"); return }
        keys.abandon("d")
        #expect(keys.count == 2)
        guard case .proceed = keys.begin("a", fingerprint: "f", now: 3) else { Issue.record("a kept past capacity"); return }
        keys.finish("a", fingerprint: "f", response: response)
        guard case .replay = keys.begin("b", fingerprint: "f", now: 99) else { Issue.record("b forgotten early"); return }
        // Past its lifetime a key is forgotten.
        guard case .proceed = keys.begin("b", fingerprint: "f", now: 100) else { Issue.record("b kept too long"); return }
        #expect(keys.count <= 3)

        let shared = IdempotencyKeys(capacity: 10_000)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for number in 0..<2_000 {
                let key = "\(worker)-\(number)"
                if case .proceed = shared.begin(key, fingerprint: "f", now: 0) {
                    shared.finish(key, fingerprint: "f", response: response)
                }
            }
        }
        #expect(shared.count == 10_000)
    }

    @Test("The default bounds: at least 24 hours and 10,000 keys")
    func defaults() {
        let keys = IdempotencyKeys()
        #expect(keys.capacity >= 10_000)
        #expect(keys.lifetime >= 24 * 60 * 60)
    }
}
