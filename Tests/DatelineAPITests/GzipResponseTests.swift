import Articles
import DatelineTesting
import Foundation
import HTTPServer
import Testing

@Suite("gzip responses: negotiation, Vary, their own ETag, cached once", .timeLimit(.minutes(1)))
struct GzipResponseTests {
    private let article = "/articles/long1"

    @Test("Accept-Encoding decides, q-values honoured; the gzip body inflates to exactly the identity bytes", arguments: [
        // (Accept-Encoding or nil, gzipped)
        (String?.none, false),
        ("gzip", true),
        ("gzip, deflate, br", true),
        ("br, zstd", false),
        ("gzip;q=0", false),
        ("gzip;q=0, identity", false),
        ("*", true),
        ("*;q=0, identity", false),
        ("identity;q=0, gzip;q=0.2", true),
        ("gzip;q=0.3, identity;q=0.9", false),
        ("GZip; Q=0.7", true),
    ])
    func negotiation(acceptEncoding: String?, gzipped: Bool) async throws {
        try await withAPIServer(articles: try LongStory.articles()) { port in
            let identity = try get(article, port: port)
            #expect(identity.status == 200)
            #expect(identity.body.count >= 1024)
            let identityTag = try #require(identity.header("ETag"))
            // Twice: the first answer builds the cache entry (and its gzip form), the second is a hit.
            for _ in 0..<2 {
                let response = try get(article, port: port, headers: acceptEncoding.map { [("Accept-Encoding", $0)] } ?? [])
                #expect(response.status == 200)
                #expect(response.headerValues("Vary").contains("Accept-Encoding"))
                #expect(response.header("Cache-Control") == "public, max-age=30")
                if gzipped {
                    #expect(response.header("Content-Encoding") == "gzip")
                    #expect(response.header("ETag") == String(identityTag.dropLast()) + "-gzip\"")
                    #expect(response.body.count < identity.body.count)
                    #expect(try SystemGzip.decompress(response.body) == identity.body)
                } else {
                    #expect(response.header("Content-Encoding") == nil)
                    #expect(response.header("ETag") == identityTag)
                    #expect(response.body == identity.body)
                }
            }
        }
    }

    @Test("Lists, the rail and facets are gzipped too; the cached gzip form is the same bytes each time")
    func otherRoutes() async throws {
        let many = try LongStory.articles() + (1...30).map { index in
            Article(id: "m\(index)", slug: "more-\(index)", title: "More drought coverage, part \(index)",
                    summary: "Another summary for part \(index) of the series.", body: "Body.", category: "africa",
                    tags: ["drought", "coverage-part-\(index)"], status: .published, publishedAt: Timestamp(secondsSince1970: 1_756_000_000 + Int64(index)),
                    createdAt: Timestamp(secondsSince1970: 1_756_000_000), updatedAt: Timestamp(secondsSince1970: 1_756_000_000))
        }
        try await withAPIServer(articles: many) { port in
            for path in ["/articles?limit=30", "/articles/long1/related?limit=20", "/tags"] {
                let identity = try get(path, port: port)
                let first = try get(path, port: port, headers: [("Accept-Encoding", "gzip")])
                let second = try get(path, port: port, headers: [("Accept-Encoding", "gzip")])
                #expect(identity.body.count >= 1024, "\(path) \(identity.bodyText)")
                #expect(first.header("Content-Encoding") == "gzip", "\(path)")
                #expect(second.body == first.body, "\(path)")
                #expect(try SystemGzip.decompress(first.body) == identity.body, "\(path)")
            }
        }
    }

    @Test("Below 1 KiB nothing is compressed and nothing varies; HEAD tells the gzip length")
    func smallAndHead() async throws {
        try await withAPIServer(articles: try LongStory.articles()) { port in
            for path in ["/articles/n10", "/health", "/categories"] {
                let response = try get(path, port: port, headers: [("Accept-Encoding", "gzip")])
                #expect(response.status == 200)
                #expect(response.body.count < 1024, "\(path)")
                #expect(response.header("Content-Encoding") == nil, "\(path)")
                #expect(!response.headerValues("Vary").contains("Accept-Encoding"), "\(path)")
            }
            let gzipped = try get(article, port: port, headers: [("Accept-Encoding", "gzip")])
            let head = try send("HEAD", article, port: port, headers: [("Accept-Encoding", "gzip")])
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Encoding") == "gzip")
            #expect(head.header("Content-Length") == String(gzipped.body.count))
            #expect(head.header("ETag") == gzipped.header("ETag"))
        }
    }

    @Test("If-None-Match with either form's tag is a 304 carrying the tag of the form the client would get")
    func notModifiedForEitherTag() async throws {
        try await withAPIServer(articles: try LongStory.articles()) { port in
            let identityTag = try #require(try get(article, port: port).header("ETag"))
            let gzipTag = try #require(try get(article, port: port, headers: [("Accept-Encoding", "gzip")]).header("ETag"))
            #expect(gzipTag != identityTag)
            for (condition, acceptEncoding, expectedTag) in [
                (identityTag, "gzip", gzipTag), (gzipTag, "gzip", gzipTag),
                (identityTag, "identity", identityTag), (gzipTag, "identity", identityTag),
                ("\"nope\", \(gzipTag)", "gzip", gzipTag), ("*", "gzip", gzipTag),
            ] {
                let response = try get(article, port: port, headers: [("If-None-Match", condition), ("Accept-Encoding", acceptEncoding)])
                #expect(response.status == 304, "\(condition) \(acceptEncoding)")
                #expect(response.body.isEmpty)
                #expect(response.header("ETag") == expectedTag, "\(condition) \(acceptEncoding)")
                #expect(response.headerValues("Vary").contains("Accept-Encoding"))
                #expect(response.header("Content-Length") == nil)
            }
            let miss = try get(article, port: port, headers: [("If-None-Match", "\"0000000000000000-gzip\""), ("Accept-Encoding", "gzip")])
            #expect(miss.status == 200)
            // Editors are answered outside the cache: the same rules hold there.
            let editor = try get(article, port: port, headers: [editorAuthorization, ("If-None-Match", gzipTag)])
            #expect(editor.status == 304)
            #expect(editor.header("ETag") == identityTag)
            #expect(editor.header("Cache-Control") == "no-store")
            let editorGzip = try get(article, port: port, headers: [editorAuthorization, ("Accept-Encoding", "gzip")])
            #expect(editorGzip.header("ETag") == gzipTag)
            #expect(try SystemGzip.decompress(editorGzip.body) == (try get(article, port: port)).body)
        }
    }

    @Test("If-Modified-Since on articles: 304 from Last-Modified on; If-None-Match wins over it")
    func ifModifiedSince() async throws {
        try await withAPIServer(articles: try LongStory.articles()) { port in
            let response = try get(article, port: port)
            let lastModified = try #require(response.header("Last-Modified"))
            #expect(lastModified == HTTPDate.format(secondsSince1970: LongStory.article.updatedAt.secondsSince1970))
            let later = HTTPDate.format(secondsSince1970: LongStory.article.updatedAt.secondsSince1970 + 3600)
            let earlier = HTTPDate.format(secondsSince1970: LongStory.article.updatedAt.secondsSince1970 - 1)
            for headers in [[editorAuthorization], []] {
                #expect(try get(article, port: port, headers: headers + [("If-Modified-Since", lastModified)]).status == 304)
                #expect(try get(article, port: port, headers: headers + [("If-Modified-Since", later)]).status == 304)
                #expect(try get(article, port: port, headers: headers + [("If-Modified-Since", earlier)]).status == 200)
                #expect(try get(article, port: port, headers: headers + [("If-Modified-Since", "yesterday")]).status == 200)
                let tagWins = try get(article, port: port, headers: headers + [("If-None-Match", "\"other\""), ("If-Modified-Since", later)])
                #expect(tagWins.status == 200)
            }
        }
    }

    @Test("Cache-Control per route: public max-age (configurable) for article routes, no-cache for files, no-store for the rest")
    func cacheControl() async throws {
        try await withAPIServer(articles: try LongStory.articles(), configure: { $0.cacheMaxAge = 7 }) { port in
            for path in ["/articles", article, "/articles/long1/related", "/categories", "/tags", "/authors"] {
                #expect(try get(path, port: port).header("Cache-Control") == "public, max-age=7", "\(path)")
                #expect(try get(path, port: port, headers: [editorAuthorization]).header("Cache-Control") == "no-store", "\(path)")
            }
            #expect(try get("/", port: port).header("Cache-Control") == "no-cache")
            #expect(try get("/health", port: port).header("Cache-Control") == "no-store")
            #expect(try get("/ready", port: port).header("Cache-Control") == "no-store")
            #expect(try get("/articles/missing", port: port).header("Cache-Control") == "no-store")
            let created = try editorWrite("POST", "/articles", port: port, json: floodsStory)
            #expect(created.header("Cache-Control") == "no-store")
            let client = try RawHTTPClient(port: port)
            defer { client.close() }
            try client.send("GET /events HTTP/1.1\r\nHost: test\r\nAccept-Encoding: gzip\r\n\r\n")
            let events = try client.readStreamHead()
            #expect(events.header("Cache-Control") == "no-store")
            #expect(events.header("Content-Encoding") == nil)
            #expect(events.header("ETag") == nil)
        }
    }
}
