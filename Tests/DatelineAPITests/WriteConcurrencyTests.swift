import Articles
import DatelineTesting
import Foundation
import Locking
import Testing

/// Runs `count` blocking workers on their own threads (the raw client blocks, so not on the cooperative pool)
/// and returns when all have finished.
func runOnThreads(_ count: Int, _ work: @escaping @Sendable (Int) -> Void) async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let group = DispatchGroup()
        for worker in 0..<count {
            group.enter()
            let thread = Thread {
                work(worker)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.notify(queue: .global()) { continuation.resume() }
    }
}

@Suite("Writers and readers at once", .timeLimit(.minutes(2)))
struct WriteConcurrencyTests {
    @Test("8 writers and 64 readers for 10 s: no half-written article, no lost write, the server answers throughout")
    func hammer() async throws {
        try await withWriteServer { port, store in
            let writers = 8
            let readers = 64
            // Each writer owns one published article whose title and body always carry the same version.
            var owned: [String] = []
            for writer in 0..<writers {
                let created = try editorWrite("POST", "/articles", port: port,
                                              json: #"{"title":"w\#(writer) v0","body":"w\#(writer) v0","category":"world","status":"published","publishedAt":"2025-01-01T00:00:00Z"}"#)
                owned.append(try #require(try jsonObject(created)["id"] as? String))
            }
            let ids = owned
            let deadline = ContinuousClock.now + .seconds(10)
            let lastAcknowledged = LockedValue<[Int: Int]>([:])
            let createdIDs = LockedValue<[String]>([])
            let failures = LockedValue<[String]>([])
            let reads = LockedValue(0)

            await runOnThreads(writers + readers) { worker in
                if worker < writers { write(worker) } else { read(worker - writers) }
            }

            @Sendable func write(_ writer: Int) {
                var version = 0
                while ContinuousClock.now < deadline {
                    version += 1
                    let text = "w\(writer) v\(version)"
                    do {
                        let response = try editorWrite("PATCH", "/articles/\(ids[writer])", port: port, json: #"{"title":"\#(text)","body":"\#(text)"}"#)
                        guard response.status == 200 else { throw RawHTTPClientError.malformed("PATCH \(response.status)") }
                        lastAcknowledged.withLock { $0[writer] = version }
                        if version % 10 == 0 {
                            let post = try editorWrite("POST", "/articles", port: port, json: #"{"title":"extra \#(text)","body":"b","category":"world"}"#)
                            guard post.status == 201, let location = post.header("Location") else { throw RawHTTPClientError.malformed("POST \(post.status)") }
                            createdIDs.withLock { $0.append(String(location.dropFirst("/articles/".count))) }
                        }
                    } catch {
                        failures.withLock { $0.append("writer \(writer): \(error)") }
                    }
                }
            }
            @Sendable func read(_ reader: Int) {
                var round = 0
                while ContinuousClock.now < deadline {
                    round += 1
                    let id = ids[(reader + round) % ids.count]
                    do {
                        // Readers through the cache, editors around it, and lists.
                        let path = round % 3 == 2 ? "/articles?fields=id,title,body&limit=100" : "/articles/\(id)"
                        let headers = round % 2 == 0 ? [editorAuthorization] : []
                        let response = try get(path, port: port, headers: headers)
                        guard response.status == 200 else { throw RawHTTPClientError.malformed("GET \(path) \(response.status)") }
                        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] ?? [:]
                        let articles = object["data"] as? [[String: Any]] ?? [object]
                        for article in articles where article["title"] as? String != article["body"] as? String {
                            if (article["title"] as? String)?.hasPrefix("w") == true {
                                failures.withLock { $0.append("half-written: \(article)") }
                            }
                        }
                        reads.withLock { $0 += 1 }
                    } catch {
                        failures.withLock { $0.append("reader \(reader): \(error)") }
                    }
                }
            }

            #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { Array($0.prefix(5)) })")
            #expect(reads.withLock { $0 } > 0)
            for (writer, version) in lastAcknowledged.withLock({ $0 }) {
                let article = try #require(try store.article(ref: ids[writer]))
                #expect(article.title == "w\(writer) v\(version)" && article.body == article.title)
                let shown = try jsonObject(try get("/articles/\(ids[writer])", port: port))
                #expect(shown["title"] as? String == "w\(writer) v\(version)")
            }
            for id in createdIDs.withLock({ $0 }) {
                #expect(try editorGet("/articles/\(id)", port: port).status == 200, "\(id)")
            }
            #expect(try get("/health", port: port).status == 200)
        }
    }
}
