import Articles
import DatelineTesting
import Foundation
import Testing

@Suite("Health, readiness, HEAD, request ids, methods and the sample", .timeLimit(.minutes(2)))
struct OperationsTests {
    @Test("/health and /ready answer 200 with JSON, no-store; HEAD gives the same headers and no body")
    func healthAndReady() async throws {
        try await withAPIServer { port in
            for path in ["/health", "/ready"] {
                let response = try get(path, port: port)
                #expect(response.status == 200)
                #expect(response.header("Cache-Control") == "no-store")
                #expect(response.header("Content-Type") == "application/json; charset=utf-8")
                let client = try RawHTTPClient(port: port)
                defer { client.close() }
                try client.send("HEAD \(path) HTTP/1.1\r\nHost: test\r\n\r\n")
                let head = try client.readResponse(headRequest: true)
                #expect(head.status == 200)
                #expect(head.body.isEmpty)
                #expect(head.header("Content-Length") == String(response.body.count))
            }
            #expect(try jsonObject(try get("/health", port: port))["status"] as? String == "ok")
        }
    }

    @Test("HEAD /articles has the GET's headers and no body")
    func headList() async throws {
        try await withAPIServer { port in
            let response = try get("/articles?tag=ukraine", port: port)
            let client = try RawHTTPClient(port: port)
            defer { client.close() }
            try client.send("HEAD /articles?tag=ukraine HTTP/1.1\r\nHost: test\r\n\r\n")
            let head = try client.readResponse(headRequest: true)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(response.body.count))
            #expect(head.header("ETag") == response.header("ETag"))
            #expect(head.header("X-Total-Count") == "2")
            // The connection is still usable after a HEAD.
            try client.send("GET /health HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test("X-Request-ID is echoed when usable and generated otherwise",
          arguments: [("abc-123", true), ("!~", true), (String(repeating: "x", count: 128), true),
                      (String(repeating: "x", count: 129), false), ("has space", false), ("é", false)])
    func requestID(sent: String, echoed: Bool) async throws {
        try await withAPIServer { port in
            let response = try get("/health", port: port, headers: [("X-Request-ID", sent)])
            let id = try #require(response.header("X-Request-ID"))
            #expect((id == sent) == echoed)
            #expect(!id.isEmpty && id.utf8.count <= 128)
        }
    }

    @Test("Errors carry a request id too, and generated ids differ")
    func generatedIDs() async throws {
        try await withAPIServer { port in
            let first = try get("/articles/missing", port: port)
            let second = try get("/articles/missing", port: port)
            #expect(first.header("X-Request-ID") != nil)
            #expect(first.header("X-Request-ID") != second.header("X-Request-ID"))
        }
    }

    @Test("Methods other than GET, HEAD and OPTIONS are 405 with Allow")
    func methodNotAllowed() async throws {
        try await withAPIServer { port in
            let client = try RawHTTPClient(port: port)
            defer { client.close() }
            try client.send("DELETE /health HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n")
            let response = try client.readResponse()
            try expectProblem(response, 405)
            #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        }
    }

    @Test("Form-encoded values: + is a space, %2C and %7C are separators, a raw | works")
    func formDecoding() async throws {
        try await withAPIServer { port in
            let encoded = try ids(try get("/articles?tag=russia%7Csudan", port: port))
            let raw = try ids(try get("/articles?tag=russia|sudan", port: port))
            #expect(encoded == raw)
            #expect(encoded == ["n3", "n2"])
            try expectProblem(try get("/articles?q=%E9", port: port), 400)
        }
    }

    @Test("The bundled sample answers tag=ukraine with the seed article")
    func sample() async throws {
        try await withAPIServer(articles: SampleArticles.load()) { port in
            let response = try get("/articles?tag=ukraine", port: port)
            #expect(response.status == 200)
            let object = try jsonObject(response)
            let titles = (object["data"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            #expect(titles.contains("Putin Warns Western Troops in Ukraine Would Be Targets"))
            let sudan = try get("/articles?tag=sudan", port: port)
            #expect(try ids(sudan).count >= 1)
            let swahili = try get("/articles?lang=sw", port: port)
            #expect(try ids(swahili).count >= 1)
        }
    }
}

@Suite("Static files from Public/", .timeLimit(.minutes(1)))
struct StaticFileTests {
    @Test("/ is index.html with type, ETag, Last-Modified and no-cache; a nested file has its own type")
    func servesFiles() async throws {
        try await withAPIServer { port in
            let index = try get("/", port: port)
            #expect(index.status == 200)
            #expect(index.header("Content-Type") == "text/html; charset=utf-8")
            #expect(index.header("Cache-Control") == "no-cache")
            #expect(index.header("Last-Modified") != nil)
            #expect(index.bodyText.contains("Dateline test"))
            let tag = try #require(index.header("ETag"))
            #expect(try get("/", port: port, headers: [("If-None-Match", tag)]).status == 304)
            let css = try get("/css/site.css", port: port)
            #expect(css.status == 200)
            #expect(css.header("Content-Type") == "text/css; charset=utf-8")
        }
    }

    @Test("Nothing outside Public/ is ever served",
          arguments: ["/../secret.txt", "/%2e%2e/secret.txt", "/css/..%2f..%2fsecret.txt", "/escape.txt",
                      "/css/%2e%2e/%2e%2e/secret.txt", "/.hidden", "/nope.html", "/%00", "/..%5csecret.txt"])
    func noWayOut(path: String) async throws {
        try await withAPIServer { port in
            let response = try get(path, port: port)
            #expect(response.status == 404 || response.status == 400, "\(path) gave \(response.status)")
            #expect(!response.bodyText.contains("top secret"))
        }
    }
}
