import Articles
import DatelineTesting
import Foundation
import SQLiteStore
import Testing

/// One editor request with an optional JSON body.
func editorRequest(_ method: String, _ path: String, port: Int, json: String? = nil, headers: [(String, String)] = []) throws -> RawHTTPResponse {
    let client = try RawHTTPClient(port: port)
    defer { client.close() }
    var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(conformanceEditorToken)\r\n"
    for (name, value) in headers { request += "\(name): \(value)\r\n" }
    if let json { request += "Content-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n" }
    request += "Connection: close\r\n\r\n" + (json ?? "")
    try client.send(request)
    return try client.readResponse(headRequest: method == "HEAD")
}

@Suite(.serialized, .timeLimit(.minutes(2)))
struct StoreWriteAPITests {
    @Test("through the API: ETags follow versions, a stale If-Match is 412 and changes nothing", arguments: StoreKind.allCases)
    func conditionalWrites(_ kind: StoreKind) async throws {
        let store = try Newsroom.store(kind)
        try await withAPIServer(store) { port in
            let created = try editorRequest("POST", "/articles", port: port, json: #"{"title":"Made here","body":"b","category":"world"}"#)
            #expect(created.status == 201)
            let first = try #require(created.header("ETag"))
            let id = try #require(created.header("Location")?.split(separator: "/").last.map(String.init))
            #expect(try editorRequest("GET", "/articles/\(id)", port: port).header("ETag") == first)
            let patched = try editorRequest("PATCH", "/articles/\(id)", port: port, json: #"{"title":"Patched"}"#, headers: [("If-Match", first)])
            #expect(patched.status == 200)
            let second = try #require(patched.header("ETag"))
            #expect(second != first)
            let stale = try editorRequest("PATCH", "/articles/\(id)", port: port, json: #"{"title":"Stale"}"#, headers: [("If-Match", first)])
            #expect(stale.status == 412)
            #expect(try store.article(ref: id)?.title == "Patched")
            #expect(try editorRequest("DELETE", "/articles/\(id)", port: port, headers: [("If-Match", first)]).status == 412)
            #expect(try editorRequest("DELETE", "/articles/\(id)", port: port, headers: [("If-Match", second)]).status == 204)
            #expect(try editorRequest("GET", "/articles/\(id)", port: port).status == 404)
            #expect(store.version == 4)
        }
    }

    @Test("a SQLite store that cannot write (disk full) answers 503 with Retry-After, reads still answer")
    func fullDiskIs503() async throws {
        let path = TestStores.temporaryPath("full-api")
        defer { TestStores.removeDatabase(at: path) }
        do { _ = try SQLiteStore(path: path) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let store = try SQLiteStore(path: path, maximumBytes: size + 8 * 4096)
        try await withAPIServer(store) { port in
            let small = try editorRequest("POST", "/articles", port: port, json: #"{"slug":"fits","title":"Fits","body":"b","category":"world"}"#)
            #expect(small.status == 201)
            let body = String(repeating: "Words to fill the pages. ", count: 8_000)
            let big = try editorRequest("POST", "/articles", port: port, json: #"{"slug":"too-big","title":"Too big","body":"\#(body)","category":"world"}"#)
            #expect(big.status == 503)
            #expect(big.header("Retry-After") == "1")
            #expect(big.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            #expect(try editorRequest("GET", "/articles/too-big", port: port).status == 404)
            #expect(try editorRequest("GET", "/articles/fits", port: port).status == 200)
        }
    }
}
