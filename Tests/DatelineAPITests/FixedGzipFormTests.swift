import Articles
@testable import DatelineAPI
import Foundation
import HTTPServer
import Logging
import Testing

/// The OpenAPI document and static files are compressed once, not per request: a second gzip answer is the
/// very same bytes (the same buffer, not an equal copy) under the same tag, until a file changes.
@Suite("Fixed answers keep their gzip form", .timeLimit(.minutes(1)))
struct FixedGzipFormTests {
    /// An application serving `publicDirectory`, answering in process (no sockets: the bodies' buffers are
    /// what is compared).
    private func application(publicDirectory: String) throws -> DatelineApplication {
        var configuration = APIConfiguration()
        configuration.publicDirectory = publicDirectory
        var logger = Logger(label: "fixed-gzip-tests")
        logger.logLevel = .critical
        return DatelineApplication(store: try MemoryStore(articles: []), configuration: configuration, logger: logger)
    }

    private func get(_ application: DatelineApplication, _ path: String, headers: [(String, String)] = [("Accept-Encoding", "gzip")]) -> HTTPResponse {
        application.answer(HTTPRequest(method: "GET", target: path, path: path, query: nil, version: .http1_1, headers: HTTPHeaders(headers)))
    }

    private func storage(_ bytes: [UInt8]) -> UnsafeRawPointer? {
        bytes.withUnsafeBytes { $0.baseAddress }
    }

    @Test("/openapi.json: the second gzip answer is the first's bytes and tag; identity and 304 as documented")
    func openAPIDocument() throws {
        let application = try application(publicDirectory: testPublicDirectory)
        let first = get(application, "/openapi.json")
        let second = get(application, "/openapi.json")
        #expect(first.headers["Content-Encoding"] == "gzip")
        #expect(first.headers["Vary"] == "Accept-Encoding")
        #expect(try SystemGzip.decompress(first.body) == OpenAPIDocument.bytes)
        #expect(second.body == first.body)
        #expect(storage(second.body) == storage(first.body))
        let tag = try #require(first.headers["ETag"])
        #expect(second.headers["ETag"] == tag)
        #expect(tag == EntityTag.gzipForm(of: EntityTag.of(OpenAPIDocument.bytes)))

        let identity = get(application, "/openapi.json", headers: [])
        #expect(identity.headers["Content-Encoding"] == nil)
        #expect(identity.headers.values(for: "Vary") == ["Accept-Encoding"])
        #expect(identity.headers["ETag"] == EntityTag.of(OpenAPIDocument.bytes))
        #expect(identity.body == OpenAPIDocument.bytes)
        let revalidated = get(application, "/openapi.json", headers: [("Accept-Encoding", "gzip"), ("If-None-Match", tag)])
        #expect(revalidated.status == .notModified)
        #expect(revalidated.body.isEmpty)
        #expect(revalidated.headers["ETag"] == tag)
    }

    @Test("A static file's gzip form is made once and served again; a changed file gets a new one")
    func staticFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-fixed-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("app.js")
        let before = Array(String(repeating: "console.log('before');\n", count: 100).utf8)
        let after = Array(String(repeating: "console.log('after!');\n", count: 100).utf8)
        #expect(before.count == after.count)
        try write(before, to: file.path, modifiedNanoseconds: 1)
        let application = try application(publicDirectory: folder.path)

        let first = get(application, "/app.js")
        let second = get(application, "/app.js")
        #expect(first.status == .ok)
        #expect(first.headers["Content-Encoding"] == "gzip")
        #expect(try SystemGzip.decompress(first.body) == before)
        #expect(storage(second.body) == storage(first.body))
        #expect(second.headers["ETag"] == first.headers["ETag"])
        #expect(application.staticFiles.gzipForms.count == 1)
        // HEAD tells the kept form's length.
        let head = application.answer(HTTPRequest(
            method: "HEAD", target: "/app.js", path: "/app.js", query: nil, version: .http1_1,
            headers: HTTPHeaders([("Accept-Encoding", "gzip")])))
        #expect(storage(head.body) == storage(first.body))

        // Same size, same second: only the nanoseconds of the modification time tell the versions apart.
        try write(after, to: file.path, modifiedNanoseconds: 2)
        let changed = get(application, "/app.js")
        #expect(try SystemGzip.decompress(changed.body) == after)
        #expect(storage(get(application, "/app.js").body) == storage(changed.body))
        #expect(application.staticFiles.gzipForms.count == 1)
    }

    /// Writes `bytes` in place (same inode) and sets the modification time to a fixed second plus `nanoseconds`.
    private func write(_ bytes: [UInt8], to path: String, modifiedNanoseconds nanoseconds: Int) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        try #require(written == bytes.count)
        let time = timespec(tv_sec: 1_756_800_000, tv_nsec: nanoseconds)
        var times = [time, time]
        try #require(futimens(fd, &times) == 0)
    }
}
