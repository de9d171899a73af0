import DatelineTesting
import Foundation
import Testing

@Suite("GET /articles/{ref}, /related and the facets", .timeLimit(.minutes(2)))
struct ArticleRoutesTests {
    @Test("An article by id and by slug: the whole article, ETag and Last-Modified")
    func byIdAndSlug() async throws {
        try await withAPIServer { port in
            let byID = try get("/articles/n3", port: port)
            let bySlug = try get("/articles/putin-warns-western-troops", port: port)
            #expect(byID.status == 200)
            #expect(byID.body == bySlug.body)
            let article = try jsonObject(byID)
            #expect(article["id"] as? String == "n3")
            #expect(article["body"] as? String == "Russian President Vladimir Putin warned that foreign troops would be targets.\n\nThe remarks came in Vladivostok.")
            #expect(article["related"] as? [String] == ["n2", "n9", "n1"])
            #expect(article["status"] as? String == "published")
            #expect(article["createdAt"] as? String == "2025-09-06T06:40:00Z")
            #expect(article["updatedAt"] as? String == "2025-09-06T07:05:00Z")
            #expect(article["breaking"] as? Bool == true)
            #expect(Set(article.keys).count == 15)
            #expect(byID.header("ETag") != nil)
            #expect(byID.header("ETag") == bySlug.header("ETag"))
            #expect(byID.header("Last-Modified") == "Sat, 06 Sep 2025 07:05:00 GMT")
        }
    }

    @Test("fields works on one article; a missing one is a 404 problem")
    func fieldsAndMissing() async throws {
        try await withAPIServer { port in
            let sparse = try jsonObject(try get("/articles/n1?fields=id,slug", port: port))
            #expect(Set(sparse.keys) == ["id", "slug"])
            let missing = try get("/articles/no-such-story", port: port)
            try expectProblem(missing, 404)
            #expect((try jsonObject(missing)["detail"] as? String)?.contains("no-such-story") == true)
            try expectProblem(try get("/articles/n1?fields=nope", port: port), 400)
            try expectProblem(try get("/articles/n1?limit=3", port: port), 400)
        }
    }

    @Test("Editors can read any article; readers cannot")
    func editorsSeeDrafts() async throws {
        try await withAPIServer { port in
            let draft = try get("/articles/n7", port: port, headers: [("Authorization", "Bearer \(Fixtures.editorToken)")])
            #expect(draft.status == 200)
            #expect(draft.header("Cache-Control") == "no-store")
            try expectProblem(try get("/articles/n7", port: port), 404)
        }
    }

    @Test("If-None-Match and If-Modified-Since answer 304 without a body")
    func conditional() async throws {
        try await withAPIServer { port in
            let first = try get("/articles/n2", port: port)
            let tag = try #require(first.header("ETag"))
            let again = try get("/articles/n2", port: port, headers: [("If-None-Match", tag)])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again.header("ETag") == tag)
            let stale = try get("/articles/n2", port: port, headers: [("If-None-Match", "\"other\"")])
            #expect(stale.status == 200)
            let since = try get("/articles/n2", port: port, headers: [("If-Modified-Since", "Sat, 06 Sep 2025 00:00:00 GMT")])
            #expect(since.status == 304)
            let before = try get("/articles/n2", port: port, headers: [("If-Modified-Since", "Thu, 04 Sep 2025 00:00:00 GMT")])
            #expect(before.status == 200)
            let list = try get("/articles", port: port)
            let listAgain = try get("/articles", port: port, headers: [("If-None-Match", try #require(list.header("ETag")))])
            #expect(listAgain.status == 304)
        }
    }

    @Test("related: the editor's choices first (visible only), never itself, limit bounds")
    func related() async throws {
        try await withAPIServer { port in
            let response = try get("/articles/n3/related", port: port)
            #expect(response.status == 200)
            let related = try ids(response)
            // n9 is scheduled, so the editor's list shows n2 and n1 in their order.
            #expect(Array(related.prefix(2)) == ["n2", "n1"])
            #expect(!related.contains("n3"))
            #expect(!related.contains("n9"))
            #expect(!related.contains("n7"))
            #expect(related.count == 5)
            let meta = try #require(try jsonObject(response)["meta"] as? [String: Any])
            #expect(meta["total"] as? Int == 5)
            // Then by shared tags: n4 shares "ukraine".
            #expect(related[2] == "n4")
            #expect(try ids(try get("/articles/putin-warns-western-troops/related?limit=1", port: port)) == ["n2"])
            try expectProblem(try get("/articles/n3/related?limit=21", port: port), 400)
            try expectProblem(try get("/articles/n3/related?limit=0", port: port), 400)
            try expectProblem(try get("/articles/n7/related", port: port), 404)
        }
    }

    @Test("Facets count what readers see, most first then by name")
    func facets() async throws {
        try await withAPIServer { port in
            let categories = try jsonObject(try get("/categories", port: port))["data"] as? [[String: Any]]
            let pairs = try #require(categories).map { ($0["name"] as? String ?? "", $0["count"] as? Int ?? 0) }
            #expect(pairs.map(\.0) == ["africa", "business", "sport", "world"])
            #expect(pairs.map(\.1) == [4, 1, 1, 1])

            let tags = try #require(try jsonObject(try get("/tags", port: port))["data"] as? [[String: Any]])
            #expect(tags.first?["name"] as? String == "drought")
            #expect(tags.first?["count"] as? Int == 3)
            #expect(!tags.contains { $0["name"] as? String == "budget" }, "drafts are not counted")
            #expect(!tags.contains { $0["name"] as? String == "summit" }, "scheduled articles are not counted")

            let prefixed = try #require(try jsonObject(try get("/tags?q=u", port: port))["data"] as? [[String: Any]])
            #expect(prefixed.map { $0["name"] as? String } == ["ukraine"])
            let limited = try #require(try jsonObject(try get("/tags?limit=2", port: port))["data"] as? [[String: Any]])
            #expect(limited.count == 2)
            try expectProblem(try get("/tags?limit=0", port: port), 400)
            try expectProblem(try get("/categories?limit=2", port: port), 400)

            let authors = try #require(try jsonObject(try get("/authors", port: port))["data"] as? [[String: Any]])
            #expect(authors.first?["name"] as? String == "Staff Reporter")
            #expect(authors.first?["count"] as? Int == 2)
        }
    }
}
