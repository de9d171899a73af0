import Articles
import DatelineTesting
import Foundation
import PostgresStore
import Testing

@Suite("PostgreSQL outage", .timeLimit(.minutes(3)))
struct OutageTests {
    @Test("Database stopped: /ready 503, reads and writes 503 problem+json, /health 200; back: recovers without a restart")
    func outageAndRecovery() async throws {
        let cluster = try await onOwnThread { try PrivateCluster() }
        defer { cluster.remove() }
        try await TestDatabase.with(serverURL: cluster.url) { url in
            let store = try PostgresStore(url: url)
            defer { store.close() }
            try store.seedIfEmpty(with: SampleArticles.load())
            let someID = try #require(try store.allArticles().first?.id)
            try await withTestServer(responder: application(over: store)) { _, port in
                #expect(try get("/ready", port: port).status == 200)
                #expect(try get("/articles?tag=drought", port: port).status == 200)

                try await onOwnThread { try cluster.control("stop", "-m", "fast") }
                // Every request is answered (the client gives up after 5 s: a hung request fails the test).
                #expect(try get("/health", port: port).status == 200)
                try expectProblem(try get("/ready", port: port), 503)
                try expectProblem(try get("/articles?tag=election", port: port), 503)
                try expectProblem(try get("/articles?q=flood", port: port), 503)
                try expectProblem(try get("/articles/\(someID)", port: port), 503)
                try expectProblem(try get("/categories", port: port), 503)
                try expectProblem(try editorWrite("POST", "/articles", port: port, json: publishedStory("Written while down")), 503)
                #expect(try get("/health", port: port).status == 200)
                // Again, after the pool's back-off has passed: still answered, still 503.
                try await Task.sleep(for: .milliseconds(600))
                try expectProblem(try get("/articles?tag=budget", port: port), 503)

                try await onOwnThread { try cluster.control("start") }
                #expect(await eventually { (try? get("/ready", port: port).status) == 200 })
                #expect(try get("/articles?tag=election", port: port).status == 200)
                let created = try editorWrite("POST", "/articles", port: port, json: publishedStory("Written after the outage"))
                #expect(created.status == 201, "\(created.bodyText)")
                let id = try #require(try jsonObject(created)["id"] as? String)
                #expect(try get("/articles/\(id)", port: port).status == 200)

                // The listener reconnected by itself: another instance's write reaches this one.
                let other = try PostgresStore(url: url)
                defer { other.close() }
                let before = store.version
                try other.save(
                    Article(id: "fromother", slug: "from-the-other-instance", title: "From the other instance", body: "Text.",
                            category: "world", status: .published, createdAt: .now(), updatedAt: .now()),
                    expected: nil)
                #expect(await eventually { store.version > before })
                #expect(try ids(try get("/articles", port: port)).contains("fromother"))
            }
        }
    }

    @Test("Database frozen (SIGSTOP): calls give up after the statement timeout, 503 problem+json, /health 200; thawed: recovers")
    func frozenDatabase() async throws {
        let cluster = try await onOwnThread { try PrivateCluster() }
        defer {
            try? cluster.signalEveryProcess(SIGCONT)
            cluster.remove()
        }
        try await TestDatabase.with(serverURL: cluster.url) { url in
            let store = try PostgresStore(url: url, statementTimeout: .seconds(1))
            defer { store.close() }
            try store.seedIfEmpty(with: SampleArticles.load())
            let someID = try #require(try store.allArticles().first?.id)
            try await withTestServer(responder: application(over: store)) { _, port in
                #expect(try get("/articles?tag=drought", port: port).status == 200)

                try cluster.signalEveryProcess(SIGSTOP)
                // A frozen server neither answers nor closes: without a client-side bound these would hang (the
                // client gives up after 5 s, which fails the test). With it, each is answered 503 in about 2 s.
                let started = ContinuousClock.now
                try expectProblem(try get("/articles?tag=election", port: port), 503)
                try expectProblem(try get("/articles/\(someID)", port: port), 503)
                try expectProblem(try editorWrite("POST", "/articles", port: port, json: publishedStory("Written while frozen")), 503)
                #expect(try get("/health", port: port).status == 200)
                try expectProblem(try get("/ready", port: port), 503)
                let frozenFor = ContinuousClock.now - started

                try cluster.signalEveryProcess(SIGCONT)
                #expect(await eventually { (try? get("/ready", port: port).status) == 200 }, "frozen for \(frozenFor)")
                #expect(try get("/articles?tag=election", port: port).status == 200)
                let created = try editorWrite("POST", "/articles", port: port, json: publishedStory("Written after the thaw"))
                #expect(created.status == 201, "\(created.bodyText)")
            }
        }
    }
}
