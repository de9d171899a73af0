import DatelineAPI
import DatelineTesting
import Foundation
import Testing

@Suite("CORS: any origin by default, or a list with credentials; preflight", .timeLimit(.minutes(1)))
struct CORSTests {
    private let origin = "https://news.example"
    private let listed: (inout APIConfiguration) -> Void = { $0.corsOrigins = ["https://news.example", "http://localhost:3000"] }

    private func preflight(_ path: String, port: Int, origin: String?, method: String = "PATCH") throws -> RawHTTPResponse {
        var headers = [("Access-Control-Request-Method", method), ("Access-Control-Request-Headers", "authorization, content-type, if-match")]
        if let origin { headers.append(("Origin", origin)) }
        return try send("OPTIONS", path, port: port, headers: headers)
    }

    @Test("Default '*': every origin may read, Expose-Headers lists what scripts need, never credentials")
    func anyOrigin() async throws {
        try await withAPIServer { port in
            for _ in 0..<2 {  // a miss, then a cache hit
                let response = try get("/articles/n1", port: port, headers: [("Origin", origin)])
                #expect(response.status == 200)
                #expect(response.header("Access-Control-Allow-Origin") == "*")
                let exposed = try #require(response.header("Access-Control-Expose-Headers"))
                for name in ["ETag", "Link", "Location", "X-Total-Count", "X-Request-ID", "Idempotent-Replayed"] {
                    #expect(exposed.contains(name), "\(name)")
                }
                #expect(response.header("Access-Control-Allow-Credentials") == nil)
                #expect(!response.headerValues("Vary").contains("Origin"))
            }
            // Errors and writes carry it too, so a page can read what went wrong.
            #expect(try get("/articles/missing", port: port, headers: [("Origin", origin)]).header("Access-Control-Allow-Origin") == "*")
            let created = try editorWrite("POST", "/articles", port: port, json: floodsStory, headers: [("Origin", origin)])
            #expect(created.header("Access-Control-Allow-Origin") == "*")
            // No Origin, no CORS headers.
            let plain = try get("/articles/n1", port: port)
            #expect(plain.header("Access-Control-Allow-Origin") == nil)
            #expect(plain.header("Access-Control-Expose-Headers") == nil)
        }
    }

    @Test("Preflight with '*': 204 with methods, headers and max-age, and no credentials")
    func preflightAny() async throws {
        try await withAPIServer { port in
            for path in ["/articles/n1", "/articles", "/events", "/health"] {
                let response = try preflight(path, port: port, origin: origin)
                #expect(response.status == 204, "\(path)")
                #expect(response.body.isEmpty)
                #expect(response.header("Access-Control-Allow-Origin") == "*")
                #expect(response.header("Access-Control-Allow-Methods") == "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
                let allowed = try #require(response.header("Access-Control-Allow-Headers"))
                for name in ["Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", "Last-Event-ID", "X-Request-ID"] {
                    #expect(allowed.contains(name), "\(name)")
                }
                #expect(response.header("Access-Control-Max-Age") == "600")
                #expect(response.header("Access-Control-Allow-Credentials") == nil)
                #expect(response.header("X-Request-ID") != nil)
            }
            // A plain OPTIONS (not a preflight) says which methods the route takes.
            let plain = try send("OPTIONS", "/articles/n1", port: port)
            #expect(plain.status == 204)
            #expect(plain.header("Allow") == "GET, HEAD, PUT, PATCH, DELETE, OPTIONS")
            #expect(plain.header("Access-Control-Allow-Origin") == nil)
            #expect(try send("OPTIONS", "*", port: port).status == 204)
        }
    }

    @Test("A list: an allowed origin is echoed with credentials and Vary: Origin; any other gets no CORS headers")
    func originList() async throws {
        try await withAPIServer(configure: listed) { port in
            for allowed in [origin, "http://localhost:3000"] {
                for _ in 0..<2 {
                    let response = try get("/articles?limit=2", port: port, headers: [("Origin", allowed)])
                    #expect(response.status == 200)
                    #expect(response.header("Access-Control-Allow-Origin") == allowed)
                    #expect(response.header("Access-Control-Allow-Credentials") == "true")
                    #expect(response.headerValues("Vary").contains("Origin"))
                    #expect(response.header("Access-Control-Expose-Headers") != nil)
                }
            }
            for stranger in ["https://evil.example", "https://news.example.evil", "http://news.example", "null"] {
                let response = try get("/articles?limit=2", port: port, headers: [("Origin", stranger)])
                #expect(response.status == 200)
                #expect(response.header("Access-Control-Allow-Origin") == nil, "\(stranger)")
                #expect(response.header("Access-Control-Allow-Credentials") == nil)
                #expect(response.header("Access-Control-Expose-Headers") == nil)
                // The answer still varies by Origin, so a shared cache keeps the two apart.
                #expect(response.headerValues("Vary").contains("Origin"))
            }
            #expect(try get("/articles?limit=2", port: port).headerValues("Vary").contains("Origin"))
        }
    }

    @Test("A list: preflight from an allowed origin is 204 with credentials; from another, a 403 problem without CORS headers")
    func preflightList() async throws {
        try await withAPIServer(configure: listed) { port in
            let allowed = try preflight("/articles/n1", port: port, origin: origin)
            #expect(allowed.status == 204)
            #expect(allowed.header("Access-Control-Allow-Origin") == origin)
            #expect(allowed.header("Access-Control-Allow-Credentials") == "true")
            #expect(allowed.header("Access-Control-Max-Age") == "600")
            #expect(allowed.headerValues("Vary").contains("Origin"))

            let refused = try preflight("/articles/n1", port: port, origin: "https://evil.example")
            try expectProblem(refused, 403)
            #expect((try jsonObject(refused)["detail"] as? String)?.contains("https://evil.example") == true)
            #expect(refused.header("Access-Control-Allow-Origin") == nil)
            #expect(refused.header("Access-Control-Allow-Methods") == nil)
        }
    }
}
