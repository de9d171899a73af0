import Articles
import DatelineTesting
import Foundation
import HTTPServer
import Testing

@Suite("Dateline over HTTP/2 (h2c)", .timeLimit(.minutes(1)))
struct HTTP2APITests {
    @Test("Every kind of route answers the same bytes as over HTTP/1.1")
    func sameBytesAsHTTP1() async throws {
        try await withAPIServer { port in
            let client = try HTTP2Client(port: port)
            let etag = try #require(try client.get("/articles/n3").header("etag"))
            let requests: [(String, String, [(String, String)])] = [
                ("GET", "/articles", []), ("GET", "/articles?limit=2&tag=ukraine", []), ("GET", "/articles/n3", []),
                ("GET", "/articles/putin-warns-western-troops", []), ("GET", "/articles/n3/related", []),
                ("GET", "/categories", []), ("GET", "/tags", []), ("GET", "/authors", []), ("GET", "/health", []),
                ("GET", "/articles/nope", []), ("GET", "/articles?limit=abc", []), ("GET", "/", []),
                ("GET", "/css/site.css", []), ("HEAD", "/articles", []), ("GET", "/articles/n3", [("If-None-Match", etag)]),
                ("POST", "/articles", []), ("GET", "/escape.txt", []),
            ]
            for (method, path, headers) in requests {
                let (http1, http2) = try answersOverBothVersions(
                    port: port, client: client, method: method, path: path, headers: headers, ignoring: ["x-request-id"])
                #expect(http1 == http2, "\(method) \(path)")
            }
        }
    }

    @Test("Server-sent events arrive over an HTTP/2 stream")
    func events() async throws {
        try await withEventsServer { port, _, application, _ in
            let client = try HTTP2Client(port: port)
            let id = try client.submit("GET", "/events", headers: [("accept", "text/event-stream")])
            try client.run { $0.responses[id]?.status != nil }
            #expect(client.responses[id]?.status == 200)
            #expect(client.responses[id]?.header("content-type") == "text/event-stream")
            waitForSubscribers(1, application)
            let created = try editorWrite("POST", "/articles", port: port, json: publishedStory("Quake shakes Lima"))
            #expect(created.status == 201)
            try client.run { $0.responses[id]?.bodyText.contains("event: published\n") == true }
            #expect(client.responses[id]?.bodyText.contains("Quake shakes Lima") == true)
            // The stream stays open; other requests share the connection.
            #expect(try client.get("/health").status == 200)
            #expect(client.responses[id]?.isClosed == false)
        }
    }

    @Test("A store call answered on the pool holds its stream only; the connection's other streams go on")
    func blockingStore() async throws {
        let store = GatedStore(try MemoryStore(articles: Fixtures.articles()))
        try await withAPIServer(store: store) { port, store in
            let client = try HTTP2Client(port: port)
            store.close()
            let held = try client.submit("GET", "/articles?limit=1")
            try client.flush()
            #expect(store.waitForHeld(1))
            #expect(try client.get("/health").status == 200)
            #expect(client.responses[held]?.isClosed == false)
            store.open()
            try client.run { $0.responses[held]?.isClosed == true }
            #expect(client.responses[held]?.status == 200)
        }
    }
}
