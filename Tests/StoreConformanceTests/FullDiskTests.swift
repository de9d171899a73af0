import Articles
import DatelineTesting
import Foundation
import SQLiteStore
import Testing

/// A POST of one article of about 20 KB, slug `slug`.
private func postLarge(_ slug: String, port: Int) throws -> RawHTTPResponse {
    let body = String(repeating: "Column inches fill the page \(slug). ", count: 600)
    return try editorRequest("POST", "/articles", port: port, json: #"{"slug":"\#(slug)","title":"Story \#(slug)","body":"\#(body)","category":"world","status":"published"}"#)
}

/// The disk filling up under SQLite. The "disk" is the database's own size cap (`SQLiteStore(maximumBytes:)`,
/// SQLite's `max_page_count`): past it SQLite fails the write with SQLITE_FULL, the code it gives for ENOSPC,
/// through the same rollback path. A real small filesystem (tmpfs, a loop device) needs mount rights a test
/// runner does not have.
@Suite("Faults: a full disk under SQLite", .serialized, .timeLimit(.minutes(2)))
struct FullDiskTests {
    @Test("Full: writes are 503 problem+json and nothing half-written, reads go on; once space is freed writes work again")
    func fillAndFree() async throws {
        let path = TestStores.temporaryPath("full-recover")
        defer { TestStores.removeDatabase(at: path) }
        do { _ = try SQLiteStore(path: path) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let store = try SQLiteStore(path: path, maximumBytes: size + 40 * 4096)
        try await withAPIServer(store) { port in
            // Fill it: write until the store refuses.
            var created: [String] = []
            var refused: (slug: String, response: RawHTTPResponse)?
            for number in 0..<50 where refused == nil {
                let slug = "fill-\(number)"
                let response = try postLarge(slug, port: port)
                if response.status == 201 { created.append(slug) } else { refused = (slug, response) }
            }
            let (failedSlug, failure) = try #require(refused, "50 large articles fitted under the cap")
            #expect(created.count >= 2)
            #expect(failure.status == 503)
            #expect(failure.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            #expect(failure.header("Retry-After") == "1")
            #expect(failure.bodyText.contains(#""status":503"#))

            // Nothing half-written: the refused article is nowhere, the version counts only the commits.
            #expect(try editorRequest("GET", "/articles/\(failedSlug)", port: port).status == 404)
            #expect(store.version == UInt64(created.count))
            #expect(try store.countsByStatus()[.published] == created.count)
            // Reads go on.
            let list = try editorRequest("GET", "/articles?fields=slug&limit=100", port: port)
            #expect(list.status == 200)
            #expect(list.bodyText.contains(#""total":\#(created.count)"#))
            #expect(try editorRequest("GET", "/articles/\(created[0])", port: port).status == 200)
            // Still full: the same write is refused again, as is another.
            #expect(try postLarge(failedSlug, port: port).status == 503)

            // Space is freed (two articles deleted; their pages go back to the file's free list) and the
            // refused write now succeeds, with no restart.
            for slug in created.prefix(2) {
                #expect(try editorRequest("DELETE", "/articles/\(slug)", port: port).status == 204)
            }
            #expect(try postLarge(failedSlug, port: port).status == 201)
            #expect(try editorRequest("GET", "/articles/\(failedSlug)", port: port).status == 200)
        }
    }
}
