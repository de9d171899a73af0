@testable import DatelineAPI
import HTTPServer
import Testing

@Suite("The response cache keeps each entry's gzip form", .timeLimit(.minutes(1)))
struct CachedGzipTests {
    private func entry(_ text: String) -> CachedResponse {
        let body = Array(String(repeating: text, count: 1400 / text.utf8.count).utf8)
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json; charset=utf-8")
        headers.add("ETag", EntityTag.of(body))
        return CachedResponse(status: .ok, headers: headers, body: body, entityTag: EntityTag.of(body),
                              source: .store(version: 1), validUntil: .max)
    }

    private func request(_ path: String, acceptEncoding: String?) -> HTTPRequest {
        HTTPRequest(method: "GET", target: path, path: path, query: nil, version: .http1_1,
                    headers: HTTPHeaders(acceptEncoding.map { [("Accept-Encoding", $0)] } ?? []))
    }

    @Test("The first gzip client builds the form; it is kept (making room in a full shard) and served again")
    func formIsKept() throws {
        let cache = ResponseCache(byteLimit: 2800, entryLimit: 10, shardCount: 1)
        let first = entry("[\"a\"],")
        cache.store("/a", first, builtFrom: 1)
        cache.store("/b", entry("[\"b\"],"), builtFrom: 1)
        #expect(cache.count == 2)

        let identity = cache.answer(request("/a", acceptEncoding: nil), from: first, key: "/a")
        #expect(identity.headers["Content-Encoding"] == nil)
        #expect(identity.headers["Vary"] == "Accept-Encoding")
        #expect(try #require(cache.lookup("/a", source: .store(version: 1), now: 0)).gzip == nil)

        let gzipped = cache.answer(request("/a", acceptEncoding: "gzip"), from: first, key: "/a")
        #expect(gzipped.headers["Content-Encoding"] == "gzip")
        #expect(gzipped.headers["ETag"] == EntityTag.gzipForm(of: first.entityTag))
        #expect(try Inflate.gunzip(gzipped.body, limit: 4096) == first.body)
        // The shard had no room for the form: /b went, the form stayed.
        let kept = try #require(cache.lookup("/a", source: .store(version: 1), now: 0))
        #expect(kept.gzip?.body == gzipped.body)
        #expect(cache.count == 1)

        let again = cache.answer(request("/a", acceptEncoding: "gzip, deflate, br"), from: kept, key: "/a")
        #expect(again.body == gzipped.body)
        let revalidated = cache.answer(
            HTTPRequest(method: "GET", target: "/a", path: "/a", query: nil, version: .http1_1,
                        headers: HTTPHeaders([("Accept-Encoding", "gzip"), ("If-None-Match", first.entityTag)])),
            from: kept, key: "/a")
        #expect(revalidated.status == .notModified)
        #expect(revalidated.headers["ETag"] == EntityTag.gzipForm(of: first.entityTag))
    }

    @Test("A form made from an entry that was replaced meanwhile is not attached to the new one")
    func staleFormIsDropped() throws {
        let cache = ResponseCache(byteLimit: 1 << 20, entryLimit: 10, shardCount: 1)
        let old = entry("[\"old\"],")
        let new = entry("[\"new\"],")
        cache.store("/a", new, builtFrom: 1)
        _ = cache.answer(request("/a", acceptEncoding: "gzip"), from: old, key: "/a")
        #expect(try #require(cache.lookup("/a", source: .store(version: 1), now: 0)).gzip == nil)
    }
}
