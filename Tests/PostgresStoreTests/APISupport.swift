import Articles
@testable import DatelineAPI
import DatelineTesting
import Foundation
import HTTPServer
import Logging
import PostgresStore
import Testing

let editorToken = "pg-test-editor-token"
let editorAuthorization = ("Authorization", "Bearer \(editorToken)")

/// A Dateline application over `store`, with writes enabled for `editorToken`.
func application(over store: any ArticleStore) -> DatelineApplication {
    var configuration = APIConfiguration()
    configuration.editorTokens = [editorToken]
    configuration.publicDirectory = "/nonexistent"
    var logger = Logger(label: "dateline-pg-tests")
    logger.logLevel = .critical
    return DatelineApplication(store: store, configuration: configuration, logger: logger)
}

/// One request on a fresh connection; `Content-Length` is added for a body.
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

/// An editor's write with a JSON body.
func editorWrite(
    _ method: String, _ path: String, port: Int, json: String, contentType: String = "application/json",
    headers: [(String, String)] = []
) throws -> RawHTTPResponse {
    try send(method, path, port: port, headers: [editorAuthorization, ("Content-Type", contentType)] + headers, body: json)
}

func jsonObject(_ response: RawHTTPResponse) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(response.body))
    return try #require(value as? [String: Any], "body is not a JSON object: \(response.bodyText)")
}

/// The ids in a list response's `data`, in order.
func ids(_ response: RawHTTPResponse) throws -> [String] {
    let data = try #require(try jsonObject(response)["data"] as? [[String: Any]])
    return data.compactMap { $0["id"] as? String }
}

/// A problem+json answer with `status`.
func expectProblem(_ response: RawHTTPResponse, _ status: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(response.status == status, "body: \(response.bodyText)", sourceLocation: sourceLocation)
    #expect(response.header("Content-Type") == "application/problem+json", sourceLocation: sourceLocation)
    #expect(try jsonObject(response)["status"] as? Int == status, sourceLocation: sourceLocation)
}

/// A story readers see at once.
func publishedStory(_ title: String) -> String {
    #"{"title":"\#(title)","body":"Text about \#(title).","category":"world","status":"published"}"#
}

/// Opens `/events` and reads the head.
func subscribe(port: Int) throws -> RawHTTPClient {
    let client = try RawHTTPClient(port: port)
    try client.send("GET /events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    let head = try client.readStreamHead()
    #expect(head.status == 200)
    return client
}

/// The next event that is not a heartbeat, within `within`.
func nextArticleEvent(_ client: RawHTTPClient, within: Duration) throws -> ServerSentEvent? {
    let deadline = ContinuousClock.now + within
    while ContinuousClock.now < deadline {
        guard let event = try client.nextEvent(within: deadline - ContinuousClock.now) else { return nil }
        if !event.isComment { return event }
    }
    return nil
}
