import DatelineTesting
import Foundation
import HTTPServer
import Testing

@Suite("Static files: ETag, Last-Modified, 304, gzip", .timeLimit(.minutes(1)))
struct StaticConditionalTests {
    @Test("ETag and Last-Modified; If-None-Match and If-Modified-Since answer 304; the tag wins over the date")
    func conditionals() async throws {
        try await withAPIServer { port in
            let file = try get("/css/site.css", port: port)
            #expect(file.status == 200)
            let tag = try #require(file.header("ETag"))
            let lastModified = try #require(file.header("Last-Modified"))
            let modified = try #require(HTTPDate.parse(lastModified))

            let byTag = try get("/css/site.css", port: port, headers: [("If-None-Match", tag)])
            #expect(byTag.status == 304)
            #expect(byTag.body.isEmpty)
            #expect(byTag.header("ETag") == tag)
            #expect(byTag.header("Last-Modified") == lastModified)
            #expect(byTag.header("Cache-Control") == "no-cache")
            #expect(try get("/css/site.css", port: port, headers: [("If-None-Match", "\"other\"")]).status == 200)

            #expect(try get("/css/site.css", port: port, headers: [("If-Modified-Since", lastModified)]).status == 304)
            let before = HTTPDate.format(secondsSince1970: modified - 1)
            #expect(try get("/css/site.css", port: port, headers: [("If-Modified-Since", before)]).status == 200)
            let tagWins = try get("/css/site.css", port: port, headers: [("If-None-Match", "\"other\""), ("If-Modified-Since", lastModified)])
            #expect(tagWins.status == 200)
            #expect(try send("HEAD", "/css/site.css", port: port, headers: [("If-None-Match", tag)]).status == 304)
        }
    }

    @Test("A text file of 1 KiB or more is gzipped for clients that ask; its gzip tag is its own and also answers 304")
    func gzipped() async throws {
        try await withAPIServer { port in
            let identity = try get("/app.js", port: port)
            #expect(identity.body.count >= 1024)
            #expect(identity.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(identity.headerValues("Vary").contains("Accept-Encoding"))
            let identityTag = try #require(identity.header("ETag"))
            let gzipped = try get("/app.js", port: port, headers: [("Accept-Encoding", "gzip, deflate, br")])
            #expect(gzipped.header("Content-Encoding") == "gzip")
            #expect(gzipped.header("ETag") == String(identityTag.dropLast()) + "-gzip\"")
            #expect(try SystemGzip.decompress(gzipped.body) == identity.body)
            let again = try get("/app.js", port: port, headers: [("Accept-Encoding", "gzip")])
            #expect(again.body == gzipped.body)
            #expect(again.header("ETag") == gzipped.header("ETag"))
            #expect(again.header("Content-Length") == String(gzipped.body.count))
            for condition in [identityTag, try #require(gzipped.header("ETag"))] {
                let revalidated = try get("/app.js", port: port, headers: [("Accept-Encoding", "gzip"), ("If-None-Match", condition)])
                #expect(revalidated.status == 304)
                #expect(revalidated.header("ETag") == gzipped.header("ETag"))
                #expect(revalidated.headerValues("Vary").contains("Accept-Encoding"))
            }
            let small = try get("/css/site.css", port: port, headers: [("Accept-Encoding", "gzip")])
            #expect(small.header("Content-Encoding") == nil)
        }
    }
}
