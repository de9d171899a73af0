import Articles
import ArticlesTesting
import Testing

/// The 10,000 articles every store is compared over.
let comparisonArticles = TestArticles.twisted(count: 10_000)

/// The stores over `comparisonArticles`, made once (a 10,000-article import is the slow part). A store that
/// cannot be made (no test PostgreSQL, say) fails the tests that use it, with the reason.
let comparisonStores: [StoreKind: Result<TestStore, any Error>] = {
    var stores: [StoreKind: Result<TestStore, any Error>] = [:]
    for kind in StoreKind.allCases {
        stores[kind] = Result { try TestStores.make(kind, articles: comparisonArticles) }
    }
    return stores
}()

/// The comparison store of `kind`, or the error that kept it from being made.
func comparisonStore(_ kind: StoreKind) throws -> any ArticleStore {
    try comparisonStores[kind]!.get().store
}

@Suite(.serialized, .timeLimit(.minutes(10)))
struct StoreDifferentialTests {
    @Test("200 generated queries: every page, total and cursor equal to the memory store's", arguments: StoreKind.databases)
    func generatedQueries(_ kind: StoreKind) throws {
        let reference = try comparisonStore(.memory)
        let store = try comparisonStore(kind)
        let maker = RandomQueries(articles: comparisonArticles)
        var random = TestRandom(state: 20_251_126)
        var nonEmpty = 0
        for _ in 0..<200 {
            let pairs = maker.make(&random)
            let now = random.pick(RandomQueries.nows)
            var query = try ArticleQuery.parse(pairs)
            query.limit = random.int(1...40)
            if random.chance(25) { query.page = random.int(1...5) }
            let described = pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&") + " now=\(now.rfc3339)"
            // Walk up to 5 pages by cursor (or the one numbered page), comparing each.
            for _ in 0..<5 {
                let expected = try reference.articles(matching: query, now: now)
                let actual = try store.articles(matching: query, now: now)
                expectSamePage(actual, expected, "\(kind) \(described)")
                if expected.total > 0 { nonEmpty += 1 }
                guard query.page == nil, let next = expected.nextCursor else { break }
                query.cursor = next
            }
        }
        #expect(nonEmpty > 100)
    }

    @Test("facets, the rail, scheduled times and counts equal the memory store's", arguments: StoreKind.databases)
    func otherReads(_ kind: StoreKind) throws {
        let reference = try comparisonStore(.memory)
        let store = try comparisonStore(kind)
        var random = TestRandom(state: 11)
        for now in RandomQueries.nows {
            for facet in [FacetKind.category, .tag, .author] {
                for (prefix, limit) in [(nil, nil), ("c", 5), ("Ec", nil), (nil, 0) as (String?, Int?)] {
                    #expect(
                        try store.facets(facet, prefix: prefix, limit: limit, now: now)
                            == reference.facets(facet, prefix: prefix, limit: limit, now: now),
                        "\(kind) \(facet) prefix \(prefix ?? "-") limit \(limit.map(String.init) ?? "-") now \(now.rfc3339)")
                }
            }
            #expect(try store.nextScheduledPublication(after: now) == reference.nextScheduledPublication(after: now))
        }
        #expect(try store.countsByStatus() == reference.countsByStatus())
        #expect(store.version == reference.version)
        for _ in 0..<60 {
            var article = random.pick(comparisonArticles)
            if random.chance(50) { article.related = (0..<random.int(1...4)).map { _ in random.pick(comparisonArticles).id } }
            let now = random.pick(RandomQueries.nows)
            let limit = random.int(0...20)
            #expect(
                try store.related(to: article, limit: limit, now: now).map(\.id)
                    == reference.related(to: article, limit: limit, now: now).map(\.id),
                "\(kind) related to \(article.id) limit \(limit) now \(now.rfc3339)")
        }
        for _ in 0..<50 {
            let article = random.pick(comparisonArticles)
            let ref = random.chance(50) ? article.id : article.slug
            #expect(try store.article(ref: ref) == reference.article(ref: ref))
            #expect(try store.currentVersion(ref: ref).map { "\($0.id) \($0.version)" } == reference.currentVersion(ref: ref).map { "\($0.id) \($0.version)" })
        }
        #expect(try store.article(ref: "nosuchid") == nil)
        #expect(try store.allArticles() == reference.allArticles())
    }
}

/// Records one issue naming the first difference between two pages.
func expectSamePage(_ actual: ArticlePage, _ expected: ArticlePage, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let actualIDs = actual.articles.map(\.id)
    let expectedIDs = expected.articles.map(\.id)
    if actualIDs != expectedIDs {
        Issue.record("\(context): ids \(actualIDs.prefix(8)) instead of \(expectedIDs.prefix(8))", sourceLocation: sourceLocation)
    } else if actual.articles != expected.articles {
        Issue.record("\(context): same ids, different articles", sourceLocation: sourceLocation)
    }
    #expect(actual.total == expected.total, "\(context): total", sourceLocation: sourceLocation)
    #expect(actual.nextCursor == expected.nextCursor, "\(context): next cursor", sourceLocation: sourceLocation)
}
