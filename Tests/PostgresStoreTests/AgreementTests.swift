import Articles
import PostgresStore
import Testing

/// A first check that the PostgreSQL store answers as the memory store does over the bundled sample (the
/// shared conformance suite runs the full set of rules against every store).
@Suite("PostgreSQL store agrees with the memory store", .timeLimit(.minutes(2)))
struct AgreementTests {
    static let queries: [[(name: String, value: String)]] = [
        [],
        [("limit", "3")],
        [("sort", "oldest"), ("limit", "5"), ("page", "2")],
        [("sort", "updated")],
        [("q", "drought")],
        [("q", "\"grain exports\"")],
        [("q", "the"), ("sort", "newest"), ("limit", "4")],
        [("tag", "drought,-kenya")],
        [("tag", "ukraine|sudan")],
        [("category", "africa,world"), ("breaking", "true")],
        [("lang", "EN,sw")],
        [("status", "any"), ("limit", "100")],
        [("status", "draft")],
        [("from", "2025-09-02"), ("to", "2025-09-05")],
    ]

    @Test("Pages, cursors, facets, related, counts and exports match over the sample")
    func sample() async throws {
        try await TestDatabase.with { url in
            let articles = SampleArticles.load()
            let memory = try MemoryStore(articles: articles)
            let store = try PostgresStore(url: url)
            defer { store.close() }
            #expect(try store.seedIfEmpty(with: articles))
            #expect(try store.seedIfEmpty(with: articles) == false)
            #expect(store.version == memory.version)
            let now = Timestamp.now()
            for pairs in Self.queries {
                var query = try ArticleQuery.parse(pairs)
                var pages = 0
                while pages < 20 {
                    let expected = try memory.articles(matching: query, now: now)
                    let actual = try store.articles(matching: query, now: now)
                    #expect(actual.articles.map(\.id) == expected.articles.map(\.id), "\(pairs)")
                    #expect(actual.articles == expected.articles, "\(pairs)")
                    #expect(actual.total == expected.total, "\(pairs)")
                    #expect(actual.nextCursor == expected.nextCursor, "\(pairs)")
                    guard let next = expected.nextCursor else { break }
                    query.cursor = next
                    pages += 1
                }
            }
            for kind in [FacetKind.category, .tag, .author] {
                #expect(try store.facets(kind, prefix: nil, limit: nil, now: now) == memory.facets(kind, prefix: nil, limit: nil, now: now))
            }
            #expect(try store.facets(.tag, prefix: "A", limit: 2, now: now) == memory.facets(.tag, prefix: "A", limit: 2, now: now))
            for article in articles.prefix(10) {
                let stored = try #require(try memory.article(ref: article.id))
                #expect(try store.related(to: stored, limit: 5, now: now).map(\.id) == memory.related(to: stored, limit: 5, now: now).map(\.id))
            }
            #expect(try store.countsByStatus() == memory.countsByStatus())
            #expect(try store.nextScheduledPublication(after: now) == memory.nextScheduledPublication(after: now))
            #expect(try store.allArticles() == memory.allArticles())
        }
    }

    @Test("Write rules: versions, conflicts, taken slugs, retired ids, invalid related ids")
    func writes() async throws {
        try await TestDatabase.with { url in
            let store = try PostgresStore(url: url)
            defer { store.close() }
            let first = try store.save(sampleArticle(id: "w1", slug: "one"), expected: nil)
            #expect(first.version == 1 && store.version == 1)
            #expect(throws: ArticleStoreError.versionConflict(current: 1)) { try store.save(sampleArticle(id: "w1", slug: "one"), expected: nil) }
            #expect(throws: ArticleStoreError.versionConflict(current: 1)) { try store.save(sampleArticle(id: "w1", slug: "one"), expected: 7) }
            #expect(throws: ArticleStoreError.notFound(ref: "w9")) { try store.save(sampleArticle(id: "w9", slug: "nine"), expected: 1) }
            #expect(throws: ArticleStoreError.slugTaken("one")) { try store.save(sampleArticle(id: "w2", slug: "one"), expected: nil) }
            var related = sampleArticle(id: "w2", slug: "two")
            related.related = ["w1", "nope"]
            #expect(throws: ArticleStoreError.self) { try store.save(related, expected: nil) }
            #expect(store.version == 1)
            #expect(try store.currentVersion(ref: "one")?.version == 1)
            try store.delete(id: "w1", expected: 1)
            #expect(store.version == 2)
            #expect(throws: ArticleStoreError.notFound(ref: "w1")) { try store.delete(id: "w1", expected: nil) }
            #expect(throws: ArticleStoreError.self) { try store.save(sampleArticle(id: "w1", slug: "one"), expected: nil) }
            let reused = try store.save(sampleArticle(id: "w3", slug: "one"), expected: nil)
            #expect(reused.version == 3 && store.version == 3)
        }
    }
}
