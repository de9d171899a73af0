import Articles
import DatelineTesting
import Foundation
import Testing

/// One request with raw body bytes on a fresh connection.
private func sendBytes(_ method: String, _ path: String, port: Int, headers: [(String, String)], body: [UInt8]) throws -> RawHTTPResponse {
    let client = try RawHTTPClient(port: port)
    defer { client.close() }
    var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
    try client.send(Array(head.utf8) + body)
    return try client.readResponse()
}

@Suite("gzip request bodies on writes: inflated, held to the body limit, other codings refused", .timeLimit(.minutes(1)))
struct GzipWriteTests {
    private let gzipJSON = [editorAuthorization, ("Content-Type", "application/json"), ("Content-Encoding", "gzip")]

    @Test("POST and PATCH with Content-Encoding: gzip are read as the JSON inside")
    func accepted() async throws {
        try await withWriteServer { port, store in
            let created = try sendBytes("POST", "/articles", port: port, headers: gzipJSON, body: try SystemGzip.compress(Array(floodsStory.utf8)))
            #expect(created.status == 201, "\(created.bodyText)")
            let id = try #require(try jsonObject(created)["id"] as? String)
            #expect(try store.article(ref: id)?.title == "Floods hit Lagos")

            let patch = try sendBytes(
                "PATCH", "/articles/\(id)", port: port,
                headers: [editorAuthorization, ("Content-Type", "application/merge-patch+json"), ("Content-Encoding", "x-gzip")],
                body: try SystemGzip.compress(Array(#"{"summary":"Roads closed."}"#.utf8)))
            #expect(patch.status == 200, "\(patch.bodyText)")
            #expect(try store.article(ref: id)?.summary == "Roads closed.")

            let identity = try sendBytes(
                "PATCH", "/articles/\(id)", port: port, headers: [editorAuthorization, ("Content-Type", "application/json"), ("Content-Encoding", "identity")],
                body: Array(#"{"breaking":true}"#.utf8))
            #expect(identity.status == 200, "\(identity.bodyText)")
        }
    }

    @Test("A retried POST is recognised by its JSON, whether it came gzipped or not")
    func idempotencyOnInflatedBody() async throws {
        try await withWriteServer { port, _ in
            let key = ("Idempotency-Key", "gzip-retry-1")
            let first = try sendBytes("POST", "/articles", port: port, headers: gzipJSON + [key], body: try SystemGzip.compress(Array(floodsStory.utf8)))
            #expect(first.status == 201)
            let retry = try editorWrite("POST", "/articles", port: port, json: floodsStory, headers: [key])
            #expect(retry.status == 201)
            #expect(retry.header("Idempotent-Replayed") == "true")
            #expect(retry.header("Location") == first.header("Location"))
        }
    }

    @Test("A gzip bomb (10 MiB of zeros) is a 413, and the server goes on serving")
    func bomb() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            let bomb = try SystemGzip.compress([UInt8](repeating: 0, count: 10 * 1024 * 1024))
            #expect(bomb.count < 64 * 1024)
            let response = try sendBytes("POST", "/articles", port: port, headers: gzipJSON, body: bomb)
            try expectProblem(response, 413)
            #expect(try jsonObject(response)["detail"] as? String == "The gzip body inflates to more than 1048576 bytes, the limit for a request body.")
            #expect(try store.allArticles() == before)
            #expect(try get("/health", port: port).status == 200)
            #expect(try editorWrite("POST", "/articles", port: port, json: floodsStory).status == 201)
        }
    }

    @Test("The limit applies to the inflated size: just under passes the size check, just over is 413")
    func limitIsInflatedSize() async throws {
        try await withAPIServer(store: try MemoryStore(articles: Fixtures.articles()), configure: { $0.maxBodyBytes = 2048 }) { port, _ in
            // A valid article padded with spaces to exactly the limit, then one byte more.
            let padded = Array(floodsStory.utf8) + [UInt8](repeating: 0x20, count: 2048 - floodsStory.utf8.count)
            let fits = try sendBytes("POST", "/articles", port: port, headers: gzipJSON, body: try SystemGzip.compress(padded))
            #expect(fits.status == 201, "\(fits.bodyText)")
            let over = try sendBytes("POST", "/articles", port: port, headers: gzipJSON, body: try SystemGzip.compress(padded + [0x20]))
            try expectProblem(over, 413)
        }
    }

    @Test("A body that is not gzip, or is cut short, is a 400; another coding is a 415 naming gzip")
    func refused() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            let whole = try SystemGzip.compress(Array(floodsStory.utf8))
            for bad in [Array(floodsStory.utf8), Array(whole.prefix(whole.count / 2)), Array(whole.dropLast(3))] {
                let response = try sendBytes("POST", "/articles", port: port, headers: gzipJSON, body: bad)
                try expectProblem(response, 400)
                #expect((try jsonObject(response)["detail"] as? String)?.contains("not valid gzip") == true)
            }
            for coding in ["br", "deflate", "gzip, br", "gzip, gzip"] {
                let response = try sendBytes(
                    "PUT", "/articles/n1", port: port,
                    headers: [editorAuthorization, ("Content-Type", "application/json"), ("Content-Encoding", coding)],
                    body: Array(floodsStory.utf8))
                try expectProblem(response, 415)
                #expect(response.header("Accept-Encoding") == "gzip", "\(coding)")
            }
            #expect(try store.allArticles() == before)
        }
    }

    @Test("If-Match takes the tag of either form of the article")
    func ifMatchEitherForm() async throws {
        try await withWriteServer { port, store in
            let long = try editorWrite("POST", "/articles", port: port, json: #"{"title":"Long","body":"\#(String(repeating: "Words and more words. ", count: 100))","category":"africa"}"#)
            let id = try #require(try jsonObject(long)["id"] as? String)
            let gzipped = try get("/articles/\(id)", port: port, headers: [editorAuthorization, ("Accept-Encoding", "gzip")])
            let gzipTag = try #require(gzipped.header("ETag"))
            #expect(gzipTag.hasSuffix("-gzip\""))
            let patched = try editorWrite("PATCH", "/articles/\(id)", port: port, json: #"{"breaking":true}"#, headers: [("If-Match", gzipTag)])
            #expect(patched.status == 200, "\(patched.bodyText)")
            #expect(try store.article(ref: id)?.breaking == true)
            let stale = try editorWrite("PATCH", "/articles/\(id)", port: port, json: #"{"breaking":false}"#, headers: [("If-Match", gzipTag)])
            try expectProblem(stale, 412)
        }
    }
}
