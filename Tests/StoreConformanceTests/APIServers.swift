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
