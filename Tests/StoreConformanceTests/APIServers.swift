import Articles
import DatelineAPI
import DatelineTesting
import Foundation
import HTTPServer
import Logging

/// The editor token the conformance servers accept (status= needs one).
let conformanceEditorToken = "conformance-editor-token"

/// Runs `body` with a real Dateline server over `store` on a free loopback port.
func withAPIServer<T>(_ store: any ArticleStore, _ body: (Int) async throws -> T) async throws -> T {
    var configuration = APIConfiguration()
    configuration.editorTokens = [conformanceEditorToken]
    var logger = Logger(label: "store-conformance")
    logger.logLevel = .critical
    let application = DatelineApplication(store: store, configuration: configuration, logger: logger)
    return try await withTestServer(responder: application) { _, port in try await body(port) }
}

/// `name=value&...`, each part percent-encoded as a client would send it.
func queryString(_ pairs: [(name: String, value: String)]) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return pairs.map { pair in
        "\(pair.name)=\(pair.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? pair.value)"
    }.joined(separator: "&")
}

/// One GET on a fresh connection, with room for a debug build on a loaded machine (a ranked search over
/// 10,000 articles can take seconds there).
func get(_ path: String, port: Int, headers: [(String, String)]) throws -> RawHTTPResponse {
    let client = try RawHTTPClient(port: port, timeout: .seconds(60))
    defer { client.close() }
    var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
    for (name, value) in headers { request += "\(name): \(value)\r\n" }
    request += "Connection: close\r\n\r\n"
    try client.send(request)
    return try client.readResponse()
}
