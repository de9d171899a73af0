import Foundation
import Testing

/// schemathesis (PyPI) generates requests from the live server's own `/openapi.json` — valid ones and
/// invalid ones — and checks every answer against the document: status, content type, headers, body
/// schema, no 5xx, invalid input refused, 405 with `Allow` for other methods.
@Suite("schemathesis against the live server's OpenAPI document", .serialized, .timeLimit(.minutes(6)))
struct SchemathesisTests {
    @Test("Every read operation (GET, HEAD, OPTIONS; not the endless /events) passes every check")
    func readOperations() throws {
        let server = try ServerProcess(["serve", "--port", "0", "--log-level", "notice"])
        let port = try server.waitForPort()
        defer { server.signal(SIGKILL) }
        let base = "http://127.0.0.1:\(port)"
        let seed = ProcessInfo.processInfo.environment["DATELINE_SCHEMATHESIS_SEED"] ?? "1"
        let (status, output) = try runTool([
            "schemathesis", "run", "\(base)/openapi.json", "--url", base,
            "--include-method", "GET", "--include-method", "HEAD", "--include-method", "OPTIONS",
            "--exclude-path", "/events",
            // Every check but positive_data_acceptance: the contract has rules OpenAPI cannot state (cursor
            // and page not together, from not after to, sort=relevance only with q, a cursor the server
            // issued), so some schema-valid combinations are rightly 400s.
            "--checks", "all", "--exclude-checks", "positive_data_acceptance",
            "--max-examples", "25", "--seed", seed, "--workers", "1", "--request-timeout", "10", "--no-color",
        ], in: FileManager.default.temporaryDirectory, timeout: .seconds(300))  // its cache folder stays out of the repository
        let tail = output.split(separator: "\n").suffix(60).joined(separator: "\n")
        #expect(status == 0, "schemathesis failed (seed \(seed)):\n\(tail)")
        #expect(output.contains("No issues found"), "\(tail)")
        #expect(server.process.isRunning, "the server died under schemathesis: \(server.standardError)")
    }
}
