@testable import DatelineAPI
import HTTPServer
import Testing

@Suite("The response cache's index of changed articles stays bounded", .timeLimit(.minutes(1)))
struct CacheIndexBoundTests {
    private func articleEntry(_ ref: String) -> CachedResponse {
        let body = Array(#"{"id":"\#(ref)"}"#.utf8)
        return CachedResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "application/json")]), body: body,
                              entityTag: EntityTag.of(body), source: .article(ref: ref), validUntil: .max)
    }

    @Test("Writes naming ever new refs (created, renamed, deleted) do not grow it without end; nothing stale is kept")
    func boundedAndNeverStale() {
        let cache = ResponseCache()
        let writes = ResponseCache.rememberedChanges * 3
        for version in 1...writes {
            cache.articleChanged(refs: ["id-\(version)", "slug-\(version)"], storeVersion: UInt64(version))
        }
        #expect(cache.rememberedChangeCount <= ResponseCache.rememberedChanges + 2)

        // An answer built before the last write, for a ref whose change may have been forgotten, is not kept.
        let early = "id-\(writes - ResponseCache.rememberedChanges - 10)"
        cache.store("/articles/\(early)", articleEntry(early), builtFrom: UInt64(writes - ResponseCache.rememberedChanges - 20))
        #expect(cache.lookup("/articles/\(early)", source: .article(ref: early), now: 0) == nil)
        // One built from the current version is.
        cache.store("/articles/\(early)", articleEntry(early), builtFrom: UInt64(writes))
        #expect(cache.lookup("/articles/\(early)", source: .article(ref: early), now: 0) != nil)
    }
}
