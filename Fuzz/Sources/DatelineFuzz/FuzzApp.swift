import Articles
import DatelineAPI
import HTTPServer
import Logging

/// The real application over a memory store holding the bundled sample, built once per process and answered
/// in place (a memory store never blocks), as the server's event loop calls it.
enum FuzzApp {
    static let editorToken = "fuzz-editor-token"

    static let store: MemoryStore = {
        do { return try MemoryStore(articles: SampleArticles.load()) } catch { fatalError("the sample does not load: \(error)") }
    }()

    static let application: DatelineApplication = {
        var configuration = APIConfiguration()
        configuration.editorTokens = [editorToken]
        configuration.publicDirectory = "/nonexistent"
        configuration.metricsEnabled = false
        var logger = Logger(label: "dateline-fuzz")
        logger.logLevel = .critical
        return DatelineApplication(store: store, configuration: configuration, logger: logger)
    }()

    /// The answer to a request with this method, target, headers and body. Any status of 500 or more is a
    /// bug: every input here is the client's fault or fine.
    static func answer(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = [], editor: Bool) -> HTTPResponse {
        // Split at the byte, as RequestLine does: a `?` with a combining mark after it is one Character.
        let question = target.utf8.firstIndex(of: UInt8(ascii: "?"))
        var fields = HTTPHeaders([("Host", "fuzz")] + headers)
        if editor { fields.add("Authorization", "Bearer \(editorToken)") }
        let request = HTTPRequest(
            method: method, target: target, path: question.map { String(target[..<$0]) } ?? target,
            query: question.map { String(target[target.utf8.index(after: $0)...]) }, version: .http1_1, headers: fields, body: body,
            remoteAddress: "127.0.0.1:1")
        let response: HTTPResponse
        do {
            response = try application.respond(to: request)
        } catch {
            fatalError("\(method) \(target) threw \(error)")
        }
        check(response.deferred == nil, "a memory store's answer was deferred")
        check(response.status.code < 500, "\(method) \(target) answered \(response.status.code): \(String(decoding: response.body, as: UTF8.self))")
        return response
    }
}
