import Articles
import DatelineTesting
import Foundation
import Testing

@Suite("Readers' responses come from a cache that is never stale", .timeLimit(.minutes(1)))
struct ResponseCacheTests {
    private func story(_ id: String, tags: [String], publishedAt: Timestamp, title: String = "Fresh story") -> Article {
        Article(
            id: id, slug: "story-\(id)", title: title, body: "Body.", category: "world", tags: tags,
            status: .published, publishedAt: publishedAt, createdAt: publishedAt, updatedAt: publishedAt
        )
    }

    @Test("A write shows in the next answer of every cached route")
    func writesInvalidate() async throws {
        try await withAPIServer(store: try MemoryStore(articles: Fixtures.articles())) { port, store in
            let before = try get("/articles?tag=ukraine", port: port)
            #expect(try ids(before) == ["n3", "n4"])
            #expect(try get("/articles?tag=ukraine", port: port).body == before.body, "served again, same bytes")
            #expect(try get("/articles/n4", port: port).status == 200)
            let tagsBefore = try get("/tags?q=ukr", port: port)

            let now = Timestamp.now()
            try store.save(story("n11", tags: ["ukraine"], publishedAt: Timestamp(secondsSince1970: now.secondsSince1970 - 60)), expected: nil)
            #expect(try ids(try get("/articles?tag=ukraine", port: port)) == ["n11", "n3", "n4"])
            #expect(try get("/tags?q=ukr", port: port).body != tagsBefore.body)

            var changed = try #require(try store.article(ref: "n4"))
            changed.title = "Ukraine grain exports rise again"
            try store.save(changed, expected: changed.version)
            #expect(try jsonObject(try get("/articles/n4", port: port))["title"] as? String == "Ukraine grain exports rise again")

            try store.delete(id: "n4", expected: nil)
            try expectProblem(try get("/articles/n4", port: port), 404)
        }
    }

    @Test("An article's cached answer follows its own writes, also when its slug passes to another article")
    func perArticleValidity() async throws {
        try await withAPIServer(store: try MemoryStore(articles: Fixtures.articles())) { port, store in
            #expect(try jsonObject(try get("/articles/landslide-in-sudan", port: port))["id"] as? String == "n2")
            #expect(try jsonObject(try get("/articles/n1", port: port))["title"] as? String == "Drought aid reaches Ethiopia")

            // A write to another article leaves n1's answer as it was (and correct).
            var other = try #require(try store.article(ref: "n10"))
            other.title = "Champions win the league final again"
            try store.save(other, expected: other.version)
            #expect(try jsonObject(try get("/articles/n1", port: port))["title"] as? String == "Drought aid reaches Ethiopia")

            // n2 gives up its slug and n1 takes it: the slug now names n1.
            var first = try #require(try store.article(ref: "n2"))
            first.slug = "landslide-in-sudan-buries-village"
            try store.save(first, expected: first.version)
            var second = try #require(try store.article(ref: "n1"))
            second.slug = "landslide-in-sudan"
            try store.save(second, expected: second.version)
            #expect(try jsonObject(try get("/articles/landslide-in-sudan", port: port))["id"] as? String == "n1")
            #expect(try jsonObject(try get("/articles/landslide-in-sudan-buries-village", port: port))["id"] as? String == "n2")
        }
    }

    @Test("A scheduled article appears when its time comes, without a write")
    func scheduledArticlesAppear() async throws {
        try await withAPIServer(store: try MemoryStore(articles: Fixtures.articles())) { port, store in
            let soon = Timestamp(secondsSince1970: Timestamp.now().secondsSince1970 + 2)
            try store.save(story("n12", tags: ["ukraine"], publishedAt: soon), expected: nil)
            #expect(try ids(try get("/articles?tag=ukraine", port: port)) == ["n3", "n4"])
            try expectProblem(try get("/articles/n12", port: port), 404)
            var appeared = false
            let deadline = ContinuousClock.now + .seconds(6)
            while !appeared, ContinuousClock.now < deadline {
                appeared = try ids(try get("/articles?tag=ukraine", port: port)).first == "n12"
                if !appeared { usleep(100_000) }
            }
            #expect(appeared)
            #expect(try get("/articles/n12", port: port).status == 200)
        }
    }

    @Test("Cached answers still get their own request id and honour If-None-Match")
    func cachedAnswersArePerRequest() async throws {
        try await withAPIServer { port in
            let first = try get("/articles/n1", port: port)
            let second = try get("/articles/n1", port: port)
            #expect(first.body == second.body)
            #expect(first.header("ETag") == second.header("ETag"))
            #expect(first.header("X-Request-ID") != second.header("X-Request-ID"))
            let tag = try #require(second.header("ETag"))
            let conditional = try get("/articles/n1", port: port, headers: [("If-None-Match", tag)])
            #expect(conditional.status == 304)
            #expect(conditional.body.isEmpty)
            let modified = try get("/articles/n1", port: port, headers: [("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT")])
            #expect(modified.status == 304)
        }
    }

    @Test("Editors never get a reader's cached answer, and theirs are not kept")
    func editorsBypassTheCache() async throws {
        try await withAPIServer { port in
            try expectProblem(try get("/articles/n7", port: port), 404)
            let editor = try get("/articles/n7", port: port, headers: [("Authorization", "Bearer \(Fixtures.editorToken)")])
            #expect(editor.status == 200)
            #expect(editor.header("Cache-Control") == "no-store")
            _ = try get("/articles/n1", port: port)
            let editorView = try get("/articles/n1", port: port, headers: [("Authorization", "Bearer \(Fixtures.editorToken)")])
            #expect(editorView.header("Cache-Control") == "no-store")
            #expect(try get("/articles/n1", port: port).header("Cache-Control") == "public, max-age=30")
        }
    }
}
