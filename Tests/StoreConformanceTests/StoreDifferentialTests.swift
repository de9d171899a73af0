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
    func generatedQueries(_ kind: StoreKind) async throws {
        let (problems, nonEmpty) = try await onOwnThread { () throws -> ([String], Int) in
            let reference = try comparisonStore(.memory)
            let store = try comparisonStore(kind)
            let maker = RandomQueries(articles: comparisonArticles)
            var random = TestRandom(state: 20_251_126)
            var problems: [String] = []
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
                    problems += pageDifferences(actual, expected, "\(kind) \(described)")
                    if expected.total > 0 { nonEmpty += 1 }
                    guard query.page == nil, let next = expected.nextCursor else { break }
                    query.cursor = next
                }
            }
            return (problems, nonEmpty)
        }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
        #expect(nonEmpty > 100)
    }

    @Test("facets, the rail, scheduled times and counts equal the memory store's", arguments: StoreKind.databases)
    func otherReads(_ kind: StoreKind) async throws {
        let problems = try await onOwnThread { () throws -> [String] in
            let reference = try comparisonStore(.memory)
            let store = try comparisonStore(kind)
            var problems: [String] = []
            func check(_ same: Bool, _ what: @autoclosure () -> String) {
                if !same { problems.append("\(kind): \(what())") }
            }
            var random = TestRandom(state: 11)
            for now in RandomQueries.nows {
                for facet in [FacetKind.category, .tag, .author] {
                    for (prefix, limit) in [(nil, nil), ("c", 5), ("Ec", nil), (nil, 0) as (String?, Int?)] {
                        check(
                            try store.facets(facet, prefix: prefix, limit: limit, now: now)
                                == reference.facets(facet, prefix: prefix, limit: limit, now: now),
                            "\(facet) prefix \(prefix ?? "-") limit \(limit.map(String.init) ?? "-") now \(now.rfc3339)")
                    }
                }
                check(try store.nextScheduledPublication(after: now) == reference.nextScheduledPublication(after: now), "next scheduled")
                check(try store.visibleBreakingFlags(at: now) == reference.visibleBreakingFlags(at: now), "visible and breaking")
            }
            check(try store.countsByStatus() == reference.countsByStatus(), "counts by status")
            check(store.version == reference.version, "version")
            for _ in 0..<60 {
                var article = random.pick(comparisonArticles)
                if random.chance(50) { article.related = (0..<random.int(1...4)).map { _ in random.pick(comparisonArticles).id } }
                let now = random.pick(RandomQueries.nows)
                let limit = random.int(0...20)
                check(
                    try store.related(to: article, limit: limit, now: now).map(\.id)
                        == reference.related(to: article, limit: limit, now: now).map(\.id),
                    "related to \(article.id) limit \(limit) now \(now.rfc3339)")
            }
            for _ in 0..<50 {
                let article = random.pick(comparisonArticles)
                let ref = random.chance(50) ? article.id : article.slug
                check(try store.article(ref: ref) == reference.article(ref: ref), "article \(ref)")
                check(
                    try store.currentVersion(ref: ref).map { "\($0.id) \($0.version)" }
                        == reference.currentVersion(ref: ref).map { "\($0.id) \($0.version)" },
                    "current version of \(ref)")
            }
            check(try store.article(ref: "nosuchid") == nil, "a missing article")
            check(try store.allArticles() == reference.allArticles(), "every article")
            return problems
        }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }
}

/// Where two pages differ (ids, articles, total, cursor), one line each; empty when they agree.
func pageDifferences(_ actual: ArticlePage, _ expected: ArticlePage, _ context: String) -> [String] {
    var problems: [String] = []
    let actualIDs = actual.articles.map(\.id)
    let expectedIDs = expected.articles.map(\.id)
    if actualIDs != expectedIDs {
        problems.append("\(context): ids \(actualIDs.prefix(8)) instead of \(expectedIDs.prefix(8))")
    } else if actual.articles != expected.articles {
        problems.append("\(context): same ids, different articles")
    }
    if actual.total != expected.total { problems.append("\(context): total \(actual.total) instead of \(expected.total)") }
    if actual.nextCursor != expected.nextCursor { problems.append("\(context): a different next cursor") }
    return problems
}
