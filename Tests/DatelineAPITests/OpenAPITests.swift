@testable import DatelineAPI
import DatelineTesting
import Foundation
import Testing

/// `/openapi.json` stays true: every route the router knows is documented with every method it answers,
/// every documented operation answers with a documented status and content type, and every `$ref` resolves.
@Suite("The OpenAPI document", .serialized, .timeLimit(.minutes(2)))
struct OpenAPITests {
    let document = try! #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any])
    var paths: [String: [String: Any]] { document["paths"] as? [String: [String: Any]] ?? [:] }
    static let operations = ["get", "head", "post", "put", "patch", "delete", "options"]

    @Test("Served at /openapi.json as OpenAPI 3.1 JSON, no-cache, with an ETag that revalidates to 304")
    func served() async throws {
        try await withAPIServer { port in
            let response = try get("/openapi.json", port: port)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(response.header("Cache-Control") == "no-cache")
            #expect(response.body == OpenAPIDocument.bytes)
            #expect(try jsonObject(response)["openapi"] as? String == "3.1.0")
            let tag = try #require(response.header("ETag"))
            #expect(try get("/openapi.json", port: port, headers: [("If-None-Match", tag)]).status == 304)
        }
    }

    @Test("Every route the router knows is a documented path, with an operation for every method it answers")
    func everyRouteDocumented() throws {
        #expect(Route.templates.count == Route.everyKind.count)
        for route in Route.everyKind {
            let operations = try #require(paths[route.template], "\(route.template) is not in the OpenAPI document")
            for method in route.allowedMethods {
                #expect(operations[method.lowercased()] != nil, "\(method) \(route.template) is not documented")
            }
            #expect(operations["options"] != nil, "OPTIONS \(route.template) (CORS preflight) is not documented")
            // And nothing documented that the route does not answer.
            for documented in Self.operations where operations[documented] != nil && documented != "options" {
                #expect(route.allowedMethods.contains(documented.uppercased()), "\(documented) \(route.template) is documented but not routed")
            }
        }
        // Every documented path is one the router routes to itself (not to static files by accident).
        for path in paths.keys {
            let routed = Route(path: path.replacingOccurrences(of: "{ref}", with: "x").replacingOccurrences(of: "{file}", with: "x.css"))
            #expect(routed.template == path || (path == "/" && routed == .staticFile), "\(path) routes to \(routed.template)")
        }
    }

    @Test("Every documented operation answers with one of its documented statuses and content types")
    func everyOperationAnswers() async throws {
        try await withAPIServer { port in
            // Writes last, the DELETE at the very end: it removes the article the others use.
            for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
                for method in Self.operations where method != "delete" {
                    guard let operation = item[method] as? [String: Any] else { continue }
                    try check(method, path, operation, port: port)
                }
            }
            for (path, item) in paths {
                if let operation = item["delete"] as? [String: Any] { try check("delete", path, operation, port: port) }
            }
        }
    }

    private func check(_ method: String, _ path: String, _ operation: [String: Any], port: Int) throws {
        let target = path.replacingOccurrences(of: "{ref}", with: "putin-warns-western-troops")
            .replacingOccurrences(of: "{file}", with: "index.html")
        var headers = [("Connection", "close")]
        var body = ""
        switch method {
        case "post", "put":
            headers += [("Authorization", "Bearer \(Fixtures.editorToken)"), ("Content-Type", "application/json")]
            body = #"{"title":"OpenAPI check","body":"Checked.","category":"world","slug":"putin-warns-western-troops"}"#
            if method == "post" { body = body.replacingOccurrences(of: #","slug":"putin-warns-western-troops""#, with: "") }
        case "patch":
            headers += [("Authorization", "Bearer \(Fixtures.editorToken)"), ("Content-Type", "application/merge-patch+json")]
            body = #"{"breaking":true}"#
        case "delete":
            headers += [("Authorization", "Bearer \(Fixtures.editorToken)")]
        case "options":
            headers += [("Origin", "https://reader.example"), ("Access-Control-Request-Method", "GET")]
        default:
            break
        }
        let client = try RawHTTPClient(port: port)
        defer { client.close() }
        var request = "\(method.uppercased()) \(target) HTTP/1.1\r\nHost: test\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if !body.isEmpty { request += "Content-Length: \(body.utf8.count)\r\n" }
        try client.send(request + "\r\n" + body)
        let response = path == "/events" && method == "get"
            ? try client.readStreamHead() : try client.readResponse(headRequest: method == "head")
        let responses = try #require(operation["responses"] as? [String: Any])
        #expect(responses[String(response.status)] != nil, "\(method.uppercased()) \(target) answered \(response.status), not documented: \(response.bodyText)")
        #expect(response.header("X-Request-ID") != nil)
        guard method != "head", let documented = responses[String(response.status)].flatMap(resolved),
              let content = documented["content"] as? [String: Any] else { return }
        let contentType = response.header("Content-Type") ?? ""
        #expect(content.keys.contains { $0 == contentType || $0 == "*/*" }, "\(method.uppercased()) \(target): \(contentType) is not among \(content.keys.sorted())")
    }

    /// `value`, or what its `$ref` points at.
    private func resolved(_ value: Any) -> [String: Any]? {
        guard let object = value as? [String: Any], let reference = object["$ref"] as? String else { return value as? [String: Any] }
        var node: Any? = document
        for part in reference.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
        return node as? [String: Any]
    }

    @Test("Every $ref points at a component that exists")
    func referencesResolve() throws {
        var references: [String] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let reference = object["$ref"] as? String { references.append(reference) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(document)
        #expect(references.count > 100)
        for reference in Set(references) {
            #expect(resolved(["$ref": reference]) != nil, "\(reference) does not resolve")
        }
    }
}
