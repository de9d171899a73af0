import Articles
import DatelineAPI
import DatelineTesting
import Foundation
import HTTPServer
import Logging
import Testing

/// A small, hand-written newsroom whose every answer the tests can work out by reading it.
enum Fixtures {
    static let editorToken = "test-editor-token-7f3a"

    static let json = #"""
    [
      {"id":"n1","slug":"drought-aid-reaches-ethiopia","title":"Drought aid reaches Ethiopia","summary":"Convoys arrive in the south.","body":"Aid convoys carrying food reached drought-hit districts.\n\nOfficials said more is needed.","author":"Amina Otieno","category":"africa","tags":["ethiopia","drought","aid"],"language":"en","breaking":false,"status":"published","publishedAt":"2025-09-01T08:00:00Z","createdAt":"2025-09-01T07:00:00Z","updatedAt":"2025-09-01T09:00:00Z","related":[]},
      {"id":"n2","slug":"landslide-in-sudan","title":"Landslide in Sudan buries village","summary":"Rescuers search the Marrah Mountains.","body":"A landslide buried a village in Sudan's Marrah Mountains after heavy rain.","author":"John Smith","category":"africa","tags":["sudan","landslide"],"language":"en","breaking":true,"status":"published","publishedAt":"2025-09-02T08:00:00Z","createdAt":"2025-09-02T07:00:00Z","updatedAt":"2025-09-05T10:00:00Z","related":[]},
      {"id":"n3","slug":"putin-warns-western-troops","title":"Putin warns Western troops in Ukraine would be targets","summary":"The Kremlin calls the plan unacceptable.","body":"Russian President Vladimir Putin warned that foreign troops would be targets.\n\nThe remarks came in Vladivostok.","author":"Staff Reporter","category":"world","tags":["russia","ukraine","nato"],"language":"en","breaking":true,"status":"published","publishedAt":"2025-09-06T07:00:00Z","createdAt":"2025-09-06T06:40:00Z","updatedAt":"2025-09-06T07:05:00Z","related":["n2","n9","n1"]},
      {"id":"n4","slug":"ukraine-grain-exports","title":"Ukraine grain exports rise","summary":"Ports on the Black Sea reopen.","body":"Grain exports from Ukraine rose for a third month as ports reopened. Drought elsewhere lifted prices.","author":"Staff Reporter","category":"business","tags":["ukraine","trade"],"language":"en","breaking":false,"status":"published","publishedAt":"2025-09-03T12:00:00Z","createdAt":"2025-09-03T11:00:00Z","updatedAt":"2025-09-03T12:00:00Z","related":[]},
      {"id":"n5","slug":"msaada-wa-ukame","title":"Msaada wa ukame wafika Kenya","summary":"Serikali imetangaza msaada.","body":"Serikali ya Kenya imetangaza msaada kwa wakulima walioathirika na ukame.","author":"Grace Mwangi","category":"africa","tags":["kenya","drought"],"language":"sw","breaking":false,"status":"published","publishedAt":"2025-09-04T06:00:00Z","createdAt":"2025-09-04T05:00:00Z","updatedAt":"2025-09-04T06:00:00Z","related":[]},
      {"id":"n6","slug":"secheresse-au-senegal","title":"Sécheresse au Sénégal : les éleveurs inquiets","summary":"Les pâturages se raréfient.","body":"La sécheresse frappe les éleveurs du nord du Sénégal.","author":"Sofia Rossi","category":"africa","tags":["senegal","drought"],"language":"fr","breaking":false,"status":"published","publishedAt":"2025-09-05T06:00:00Z","createdAt":"2025-09-05T05:00:00Z","updatedAt":"2025-09-05T06:00:00Z","related":[]},
      {"id":"n7","slug":"draft-budget-story","title":"Budget story still in draft","body":"Not ready yet.","category":"politics","tags":["budget"],"language":"en","breaking":false,"status":"draft","createdAt":"2025-09-06T05:00:00Z","updatedAt":"2025-09-06T05:00:00Z","related":[]},
      {"id":"n8","slug":"archived-election-story","title":"Old election story","body":"Archived copy.","category":"politics","tags":["election"],"language":"en","breaking":false,"status":"archived","publishedAt":"2024-01-01T00:00:00Z","createdAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-02T00:00:00Z","related":[]},
      {"id":"n9","slug":"scheduled-summit-preview","title":"Summit preview scheduled for the future","body":"This goes live later.","category":"world","tags":["ukraine","summit"],"language":"en","breaking":false,"status":"published","publishedAt":"2099-01-01T00:00:00Z","createdAt":"2025-09-06T05:00:00Z","updatedAt":"2025-09-06T05:00:00Z","related":[]},
      {"id":"n10","slug":"football-final","title":"Champions win the league final","summary":"A late goal settles it.","body":"A striker scored late to win the final.","author":"Omar Haddad","category":"sport","tags":["football"],"language":"en","breaking":false,"status":"published","publishedAt":"2025-08-30T18:00:00Z","createdAt":"2025-08-30T17:00:00Z","updatedAt":"2025-08-30T18:00:00Z","related":[]}
    ]
    """#

    /// The visible ones, newest first: what a reader's unfiltered list must be.
    static let visibleNewestFirst = ["n3", "n6", "n5", "n4", "n2", "n1", "n10"]

    static func articles() throws -> [Article] {
        try ArticleImport.decode(Data(json.utf8))
    }
}

/// Runs `body` against a real Dateline server on a free loopback port, over the fixtures (or `articles`).
func withAPIServer<T>(
    articles: [Article]? = nil,
    configure: (inout APIConfiguration) -> Void = { _ in },
    _ body: (Int) async throws -> T
) async throws -> T {
    let store = try MemoryStore(articles: articles ?? Fixtures.articles())
    return try await withAPIServer(store: store, configure: configure) { port, _ in try await body(port) }
}

/// The same, over a given store, which the test may write to while the server runs.
func withAPIServer<T, Store: ArticleStore>(
    store: Store,
    configure: (inout APIConfiguration) -> Void = { _ in },
    _ body: (Int, Store) async throws -> T
) async throws -> T {
    var configuration = APIConfiguration()
    configuration.editorTokens = [Fixtures.editorToken]
    configuration.publicDirectory = testPublicDirectory
    configure(&configuration)
    var logger = Logger(label: "dateline-api-tests")
    logger.logLevel = .critical
    let application = DatelineApplication(store: store, configuration: configuration, logger: logger)
    return try await withTestServer(responder: application) { _, port in try await body(port, store) }
}

/// A throwaway Public/ folder with an index and a stylesheet, and a secret file beside it that must never
/// be served.
let testPublicDirectory: String = {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-api-tests-\(getpid())")
    let publicDirectory = base.appendingPathComponent("Public")
    try? FileManager.default.createDirectory(at: publicDirectory.appendingPathComponent("css"), withIntermediateDirectories: true)
    try? Data("<!doctype html><title>Dateline test</title>".utf8).write(to: publicDirectory.appendingPathComponent("index.html"))
    try? Data("body { color: black; }".utf8).write(to: publicDirectory.appendingPathComponent("css/site.css"))
    // Big enough to be gzipped.
    try? Data(String(repeating: "console.log('Dateline frontend');\n", count: 100).utf8)
        .write(to: publicDirectory.appendingPathComponent("app.js"))
    try? Data("top secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
    try? FileManager.default.createSymbolicLink(
        at: publicDirectory.appendingPathComponent("escape.txt"), withDestinationURL: base.appendingPathComponent("secret.txt"))
    return publicDirectory.path
}()

/// The response's body as a JSON object.
func jsonObject(_ response: RawHTTPResponse) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(response.body))
    return try #require(value as? [String: Any], "body is not a JSON object: \(response.bodyText)")
}

/// The ids in a list response's `data`, in order.
func ids(_ response: RawHTTPResponse) throws -> [String] {
    let data = try #require(try jsonObject(response)["data"] as? [[String: Any]])
    return data.compactMap { $0["id"] as? String }
}

/// The `errors` entries of a problem document, as (parameter or field name, message).
func problemEntries(_ response: RawHTTPResponse) throws -> [(name: String, message: String)] {
    let errors = try jsonObject(response)["errors"] as? [[String: Any]] ?? []
    return errors.map { (($0["parameter"] ?? $0["field"]) as? String ?? "", $0["message"] as? String ?? "") }
}

/// Asserts the response is an RFC 9457 problem with `status`.
func expectProblem(_ response: RawHTTPResponse, _ status: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(response.status == status, "body: \(response.bodyText)", sourceLocation: sourceLocation)
    #expect(response.header("Content-Type") == "application/problem+json", sourceLocation: sourceLocation)
    #expect(response.header("Cache-Control") == "no-store", sourceLocation: sourceLocation)
    let object = try jsonObject(response)
    #expect(object["type"] as? String == "about:blank", sourceLocation: sourceLocation)
    #expect(object["status"] as? Int == status, sourceLocation: sourceLocation)
    #expect((object["title"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    #expect((object["detail"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
}

/// The editor's credentials, as a header.
let editorAuthorization = ("Authorization", "Bearer \(Fixtures.editorToken)")

/// One request (any method, optional body) on a fresh connection; `Content-Length` is added for a body.
func send(
    _ method: String, _ path: String, port: Int, headers: [(String, String)] = [], body: String? = nil
) throws -> RawHTTPResponse {
    let client = try RawHTTPClient(port: port)
    defer { client.close() }
    var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
    for (name, value) in headers { request += "\(name): \(value)\r\n" }
    if let body { request += "Content-Length: \(body.utf8.count)\r\n" }
    request += "Connection: close\r\n\r\n"
    try client.send(Array(request.utf8) + Array((body ?? "").utf8))
    return try client.readResponse(headRequest: method == "HEAD")
}

/// An editor's write with a JSON body (`application/json` unless `contentType` says otherwise).
func editorWrite(
    _ method: String, _ path: String, port: Int, json body: String,
    contentType: String = "application/json", headers: [(String, String)] = []
) throws -> RawHTTPResponse {
    try send(method, path, port: port, headers: [editorAuthorization, ("Content-Type", contentType)] + headers, body: body)
}

/// An editor's GET (any article, never from the cache).
func editorGet(_ path: String, port: Int) throws -> RawHTTPResponse {
    try get(path, port: port, headers: [editorAuthorization])
}
