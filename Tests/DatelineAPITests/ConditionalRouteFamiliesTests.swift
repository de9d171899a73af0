import Articles
import DatelineTesting
import Testing

/// Conditional GETs on every route family: the ETag revalidates to a 304 with no body, and an edit that
/// changes the representation changes the ETag (so the old tag gets the new 200).
@Suite("API: conditional requests on every route family", .timeLimit(.minutes(1)))
struct ConditionalRouteFamiliesTests {
    @Test("ETag → 304 without a body; after an edit the old tag gets a 200 with a new ETag", arguments: [
        "/articles?limit=100", "/articles/n1", "/articles/n1/related", "/categories", "/tags", "/authors",
    ])
    func revalidates(path: String) async throws {
        try await withAPIServer { port in
            let first = try get(path, port: port)
            #expect(first.status == 200)
            let tag = try #require(first.header("ETag"))
            #expect(tag.hasPrefix("\""), "a strong tag")
            let again = try get(path, port: port, headers: [("If-None-Match", tag)])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again.header("Content-Length") == nil)
            #expect(again.header("ETag") == tag)

            // An edit that shows on every one of these routes: n1 gets a new tag, category, author and title.
            let edited = try editorWrite("PATCH", "/articles/n1", port: port, json: #"""
                {"title":"A new title for n1","tags":["fresh-tag"],"category":"science","author":"New Author"}
                """#)
            #expect(edited.status == 200)
            let after = try get(path, port: port, headers: [("If-None-Match", tag)])
            #expect(after.status == 200, "\(path) still 304 after an edit")
            #expect(!after.body.isEmpty)
            let newTag = try #require(after.header("ETag"))
            #expect(newTag != tag)
            #expect(try get(path, port: port, headers: [("If-None-Match", newTag)]).status == 304)
        }
    }

    @Test("Static files: ETag and Last-Modified revalidate to a 304 without a body")
    func staticFiles() async throws {
        try await withAPIServer { port in
            let first = try get("/index.html", port: port)
            #expect(first.status == 200)
            let tag = try #require(first.header("ETag"))
            let modified = try #require(first.header("Last-Modified"))
            for headers in [[("If-None-Match", tag)], [("If-Modified-Since", modified)]] {
                let again = try get("/index.html", port: port, headers: headers)
                #expect(again.status == 304)
                #expect(again.body.isEmpty)
            }
        }
    }

    @Test("A list page's gzip body is under 35% of its identity body")
    func listCompresses() async throws {
        // Generated news: realistic titles, summaries and tags (a list page leaves bodies out).
        try await withAPIServer(articles: ArticleGenerator(seed: 5).generate(count: 200)) { port in
            let identity = try get("/articles?limit=20", port: port)
            let gzip = try get("/articles?limit=20", port: port, headers: [("Accept-Encoding", "gzip")])
            #expect(gzip.header("Content-Encoding") == "gzip")
            #expect(try SystemGzip.decompress(gzip.body) == identity.body)
            #expect(identity.body.count > 1024)
            #expect(Double(gzip.body.count) < 0.35 * Double(identity.body.count), "\(gzip.body.count) of \(identity.body.count)")
        }
    }
}
