import Articles
import DatelineTesting
import Foundation
import Testing

/// A minimal valid article body.
let floodsStory = #"{"title":"Floods hit Lagos","body":"Heavy rain flooded Lagos.","category":"africa"}"#

/// Matches the contract's timestamps: UTC, whole seconds, a `Z`.
func isWholeSecondUTC(_ value: Any?) -> Bool {
    guard let text = value as? String else { return false }
    return text.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil
}

/// A JSON timestamp value, parsed.
func timestamp(_ value: Any?) -> Timestamp? {
    (value as? String).flatMap { Timestamp(rfc3339: $0) }
}

/// Runs `body` against a server over the fixtures whose store the test can read back.
func withWriteServer<T>(_ body: (Int, MemoryStore) async throws -> T) async throws -> T {
    try await withAPIServer(store: try MemoryStore(articles: Fixtures.articles()), body)
}

@Suite("POST /articles, editor auth and methods", .timeLimit(.minutes(1)))
struct WriteCreateTests {
    @Test("POST: 201, Location, the whole article with defaults, an ETag that GET agrees with, no-store")
    func create() async throws {
        try await withWriteServer { port, store in
            let before = Timestamp.now().secondsSince1970
            let created = try editorWrite("POST", "/articles", port: port, json: floodsStory)
            let after = Timestamp.now().secondsSince1970
            #expect(created.status == 201, "\(created.bodyText)")
            #expect(created.header("Content-Type") == "application/json; charset=utf-8")
            #expect(created.header("Cache-Control") == "no-store")
            let article = try jsonObject(created)
            let id = try #require(article["id"] as? String)
            #expect(ArticleID.isValid(id))
            #expect(created.header("Location") == "/articles/\(id)")
            #expect(Set(article.keys).count == 15)
            #expect(article["slug"] as? String == "floods-hit-lagos")
            #expect(article["title"] as? String == "Floods hit Lagos")
            #expect(article["summary"] is NSNull)
            #expect(article["author"] is NSNull)
            #expect(article["publishedAt"] is NSNull)
            #expect(article["tags"] as? [String] == [])
            #expect(article["related"] as? [String] == [])
            #expect(article["language"] as? String == "en")
            #expect(article["breaking"] as? Bool == false)
            #expect(article["status"] as? String == "draft")
            #expect(isWholeSecondUTC(article["createdAt"]))
            #expect(article["createdAt"] as? String == article["updatedAt"] as? String)
            let createdAt = try #require(timestamp(article["createdAt"]))
            #expect((before...after).contains(createdAt.secondsSince1970))

            let read = try editorGet("/articles/\(id)", port: port)
            #expect(read.body == created.body)
            #expect(read.header("ETag") == created.header("ETag"))
            #expect(try store.article(ref: id)?.title == "Floods hit Lagos")
            // A draft: readers do not see it.
            try expectProblem(try get("/articles/\(id)", port: port), 404)
        }
    }

    @Test("Publishing: no publishedAt means now, an offset is normalised to UTC, a future one is hidden from readers")
    func publishing() async throws {
        try await withWriteServer { port, _ in
            let readerListBefore = try ids(try get("/articles", port: port))
            let now = try jsonObject(try editorWrite("POST", "/articles", port: port, json: #"{"title":"Live now","body":"b","category":"world","status":"published"}"#))
            #expect(isWholeSecondUTC(now["publishedAt"]))
            let nowID = try #require(now["id"] as? String)
            #expect(try get("/articles/\(nowID)", port: port).status == 200)
            // The readers' cached list sees the write at once.
            #expect(try ids(try get("/articles", port: port)) == [nowID] + readerListBefore)

            let offset = try jsonObject(try editorWrite("POST", "/articles", port: port, json: #"{"title":"Offset","body":"b","category":"world","status":"published","publishedAt":"2025-09-06T10:30:00.250+02:00"}"#))
            #expect(offset["publishedAt"] as? String == "2025-09-06T08:30:00Z")

            let future = try jsonObject(try editorWrite("POST", "/articles", port: port, json: #"{"title":"Later","body":"b","category":"world","status":"published","publishedAt":"2099-05-01T00:00:00Z"}"#))
            let futureID = try #require(future["id"] as? String)
            try expectProblem(try get("/articles/\(futureID)", port: port), 404)
            #expect(try editorGet("/articles/\(futureID)", port: port).status == 200)
        }
    }

    @Test("Slugs: derived and folded, de-duplicated with -2, the title stored trimmed; no Latin letters gets the id")
    func derivedSlugs() async throws {
        try await withWriteServer { port, _ in
            func post(_ title: String) throws -> [String: Any] {
                let body = try String(decoding: JSONSerialization.data(withJSONObject: ["title": title, "body": "b", "category": "world"]), as: UTF8.self)
                let response = try editorWrite("POST", "/articles", port: port, json: body)
                #expect(response.status == 201, "\(response.bodyText)")
                return try jsonObject(response)
            }
            let folded = try post("  Don’t Miss: Ærø Straße  ")
            #expect(folded["slug"] as? String == "dont-miss-aero-strasse")
            #expect(folded["title"] as? String == "Don’t Miss: Ærø Straße")
            #expect(try post("Don't miss: Aero Strasse")["slug"] as? String == "dont-miss-aero-strasse-2")
            #expect(try post("Drought aid reaches Ethiopia")["slug"] as? String == "drought-aid-reaches-ethiopia-2")
            let long = try post(String(repeating: "word ", count: 40))
            let longSlug = try #require(long["slug"] as? String)
            #expect(longSlug.count <= 120 && !longSlug.hasSuffix("-") && longSlug.hasPrefix("word-word"))
            let longAgain = try #require(try post(String(repeating: "word ", count: 40))["slug"] as? String)
            #expect(longAgain.count <= 120 && longAgain.hasSuffix("-2"))
            let kanji = try post("東京")
            #expect(kanji["slug"] as? String == kanji["id"] as? String)
        }
    }

    @Test("A given slug is kept; one that clashes is a 422 and nothing is written")
    func givenSlugs() async throws {
        try await withWriteServer { port, store in
            let given = try editorWrite("POST", "/articles", port: port, json: #"{"slug":"my-own-slug","title":"Whatever","body":"b","category":"world"}"#)
            #expect(try jsonObject(given)["slug"] as? String == "my-own-slug")
            let before = try store.allArticles()
            let clash = try editorWrite("POST", "/articles", port: port, json: #"{"slug":"landslide-in-sudan","title":"Another","body":"b","category":"world"}"#)
            try expectProblem(clash, 422)
            #expect(try problemEntries(clash).map(\.name) == ["slug"])
            #expect(try store.allArticles() == before)
        }
    }

    @Test("related: existing ids are kept in order; an unknown one is a 422 naming its position")
    func related() async throws {
        try await withWriteServer { port, store in
            let good = try editorWrite("POST", "/articles", port: port, json: #"{"title":"R","body":"b","category":"world","related":["n3","n1"]}"#)
            #expect(try jsonObject(good)["related"] as? [String] == ["n3", "n1"])
            let before = try store.allArticles()
            let bad = try editorWrite("POST", "/articles", port: port, json: #"{"title":"R2","body":"b","category":"world","related":["n1","nosuchid","drought-aid-reaches-ethiopia"]}"#)
            try expectProblem(bad, 422)
            #expect(try problemEntries(bad).map(\.name) == ["related[1]", "related[2]"])
            #expect(try store.allArticles() == before)
        }
    }

    @Test("Every write needs a valid editor token: none or a wrong one is 401 with WWW-Authenticate: Bearer")
    func authentication() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            let writes: [(String, String)] = [("POST", "/articles"), ("PUT", "/articles/n1"), ("PATCH", "/articles/n1"), ("DELETE", "/articles/n1")]
            for (method, path) in writes {
                for credentials in [[], [("Authorization", "Bearer wrong-token")], [("Authorization", "Basic abc")]] {
                    let response = try send(method, path, port: port, headers: credentials + [("Content-Type", "application/json")], body: floodsStory)
                    try expectProblem(response, 401)
                    #expect(response.header("WWW-Authenticate") == "Bearer", "\(method) \(path)")
                }
            }
            #expect(try store.allArticles() == before)
        }
    }

    @Test("With no editor tokens configured, every write is 401")
    func writesDisabled() async throws {
        try await withAPIServer(configure: { $0.editorTokens = [] }) { port in
            let response = try editorWrite("POST", "/articles", port: port, json: floodsStory)
            try expectProblem(response, 401)
            #expect(response.header("WWW-Authenticate") == "Bearer")
            #expect(try ids(try get("/articles?limit=100", port: port)) == Fixtures.visibleNewestFirst)
        }
    }

    @Test("Other methods are 405 with the route's Allow")
    func methods() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            let cases: [(String, String, String)] = [
                ("PUT", "/articles", "GET, HEAD, POST, OPTIONS"),
                ("DELETE", "/articles", "GET, HEAD, POST, OPTIONS"),
                ("POST", "/articles/n1", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS"),
                ("PATCH", "/articles/n1/related", "GET, HEAD, OPTIONS"),
                ("DELETE", "/categories", "GET, HEAD, OPTIONS"),
                ("POST", "/health", "GET, HEAD, OPTIONS"),
            ]
            for (method, path, allow) in cases {
                let response = try send(method, path, port: port, headers: [editorAuthorization, ("Content-Type", "application/json")], body: floodsStory)
                try expectProblem(response, 405)
                #expect(response.header("Allow") == allow, "\(method) \(path)")
            }
            #expect(try store.allArticles() == before)
        }
    }
}
