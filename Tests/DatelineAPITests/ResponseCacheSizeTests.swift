@testable import DatelineAPI
import HTTPServer
import Testing

@Suite("The response cache holds what its byte limit allows", .timeLimit(.minutes(1)))
struct ResponseCacheSizeTests {
    private func entry(_ ref: String, bytes: Int) -> CachedResponse {
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: bytes)
        return CachedResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "application/json")]), body: body,
                              entityTag: EntityTag.of(body), source: .article(ref: ref), validUntil: .max)
    }

    @Test("A limit sized for the hot set keeps all of it, past the old fixed 32,768 answers")
    func largeLimitKeepsEveryAnswer() {
        let articles = 40_000
        let cache = ResponseCache(byteLimit: 256 * 1024 * 1024)
        for n in 0..<articles {
            cache.store("/articles/a\(n)", entry("a\(n)", bytes: 1024), builtFrom: 0)
        }
        #expect(cache.count == articles)
        for n in stride(from: 0, to: articles, by: 997) {
            #expect(cache.lookup("/articles/a\(n)", source: .article(ref: "a\(n)"), now: 0) != nil)
        }
    }

    @Test("A small limit bounds the bytes held, and the entries by one per 2 KB")
    func smallLimitBoundsBytes() {
        let limit = 64 * 1024
        let cache = ResponseCache(byteLimit: limit)
        for n in 0..<1000 {
            cache.store("/articles/a\(n)", entry("a\(n)", bytes: 1024), builtFrom: 0)
        }
        #expect(cache.count > 0)
        #expect(cache.count * 1024 <= limit)
        let tiny = ResponseCache(byteLimit: limit)
        for n in 0..<1000 {
            tiny.store("/articles/a\(n)", entry("a\(n)", bytes: 10), builtFrom: 0)
        }
        #expect(tiny.count <= limit / ResponseCache.bytesPerEntry)
    }
}
