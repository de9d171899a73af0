import Articles
import ArticlesTesting
import Testing

/// The generated articles with a few twists the generator never makes (see `TestArticles.twisted`).
let oracleArticles: [Article] = TestArticles.twisted(count: 10_000)

let oracle = Oracle(oracleArticles)

let oracleStore: MemoryStore = {
    do {
        return try MemoryStore(articles: oracleArticles)
    } catch {
        fatalError("the oracle articles are invalid: \(error)")
    }
}()

/// Compares every page of the store's answer with the oracle's; returns the number of pages checked.
@discardableResult
func expectStoreMatchesOracle(
    _ store: MemoryStore, _ oracle: Oracle, _ pairs: [(name: String, value: String)], now: Timestamp,
    random: inout TestRandom, sourceLocation: SourceLocation = #_sourceLocation
) throws -> Int {
    var query = try ArticleQuery.parse(pairs)
    let ranked = oracle.ranked(query, now: now)
    let expected = ranked.map(\.id)
    let described = pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&") + " now=\(now.rfc3339)"
    // Pages small enough to cross many page boundaries, few enough to walk them all.
    query.limit = random.int(1...20)
    var pages = 0
    if random.chance(25) {
        let pageCount = (expected.count + query.limit - 1) / query.limit
        let number = random.int(1...(pageCount + 1))
        query.page = number
        let page = try store.articles(matching: query, now: now)
        let start = min(expected.count, (number - 1) * query.limit)
        let slice = Array(expected[start..<min(expected.count, start + query.limit)])
        expectSameIDs(page.articles.map(\.id), slice, "\(described) page \(number)", sourceLocation: sourceLocation)
        #expect(page.total == expected.count, "\(described)", sourceLocation: sourceLocation)
        #expect(page.nextCursor == nil, sourceLocation: sourceLocation)
        return 1
    }
    // Walk the first pages from the start; a long list is then entered near its end with a cursor made
    // from the oracle's item there, and walked to the end.
    var walked: [String] = []
    var cursor: ArticleCursor?
    var skipped = 0
    repeat {
        var pageQuery = query
        if let cursor {
            // As a client would send it back.
            pageQuery = try ArticleQuery.parse(pairs + [(name: "cursor", value: cursor.encoded)])
            pageQuery.limit = query.limit
        }
        let page = try store.articles(matching: pageQuery, now: now)
        #expect(page.total == expected.count, "\(described)", sourceLocation: sourceLocation)
        #expect(page.articles.count <= query.limit, sourceLocation: sourceLocation)
        walked += page.articles.map(\.id)
        cursor = page.nextCursor
        pages += 1
        if cursor != nil {
            #expect(page.articles.count == query.limit, "\(described): a short page before the last", sourceLocation: sourceLocation)
        }
        let remaining = expected.count - skipped - walked.count
        if pages == 4, cursor != nil, remaining > 3 * query.limit {
            let resume = expected.count - 2 * query.limit - 1
            let last = ranked[resume]
            cursor = ArticleCursor(sort: query.sort, key: last.key, score: last.score, id: last.id)
            skipped = resume + 1 - walked.count
            walked += expected[walked.count...resume]
        }
    } while cursor != nil && pages <= expected.count + 1
    expectSameIDs(walked, expected, "\(described) limit \(query.limit)", sourceLocation: sourceLocation)
    return pages
}

/// Records one short issue naming the first difference (the lists can be thousands of ids long).
func expectSameIDs(_ actual: [String], _ expected: [String], _ context: String, sourceLocation: SourceLocation) {
    guard actual != expected else { return }
    let shorter = min(actual.count, expected.count)
    let index = (0..<shorter).first { actual[$0] != expected[$0] } ?? shorter
    let got = index < actual.count ? actual[index] : "nothing"
    let wanted = index < expected.count ? expected[index] : "nothing"
    Issue.record(
        "\(context): the store listed \(actual.count) ids, the oracle \(expected.count); first difference at \(index): \(got) instead of \(wanted)",
        sourceLocation: sourceLocation)
}

@Suite(.timeLimit(.minutes(TestTime.minutes(5))))
struct StoreOracleTests {
    @Test("500 random queries over 10,000 articles: every page as a linear filter and sort gives it")
    func randomQueries() throws {
        let maker = RandomQueries(articles: oracleArticles)
        var random = TestRandom(state: 20_250_906)
        var pages = 0
        var nonEmpty = 0
        for _ in 0..<500 {
            let pairs = maker.make(&random)
            let now = random.pick(RandomQueries.nows)
            pages += try expectStoreMatchesOracle(oracleStore, oracle, pairs, now: now, random: &random)
            if try oracleStore.articles(matching: try ArticleQuery.parse(pairs), now: now).total > 0 { nonEmpty += 1 }
        }
        // The generator of queries is only useful if most queries find something.
        #expect(nonEmpty > 250)
        #expect(pages > 1000)
    }

    @Test("the unfiltered lists of every status and sort")
    func unfiltered() throws {
        var random = TestRandom(state: 1)
        for status in ["draft", "published", "archived", "any"] {
            for sort in ["newest", "oldest", "updated"] {
                for now in RandomQueries.nows {
                    try expectStoreMatchesOracle(oracleStore, oracle, [("status", status), ("sort", sort)], now: now, random: &random)
                }
            }
        }
        for sort in ["newest", "oldest", "updated"] {
            for now in RandomQueries.nows {
                try expectStoreMatchesOracle(oracleStore, oracle, [("sort", sort)], now: now, random: &random)
                try expectStoreMatchesOracle(
                    oracleStore, oracle, [("sort", sort), ("from", "2024-01-01"), ("to", "2024-03-31")], now: now, random: &random)
            }
        }
    }
}

@Suite(.timeLimit(.minutes(2)))
struct RelatedOracleTests {
    @Test("related over 10,000 articles equals ranking every visible article by shared tags, category, recency")
    func related() throws {
        var random = TestRandom(state: 5)
        let candidates = oracleArticles.filter { $0.status == .published }
        for _ in 0..<60 {
            var article = random.pick(oracleArticles)
            let now = random.pick(RandomQueries.nows)
            if random.chance(50) { article.related = (0..<random.int(1...4)).map { _ in random.pick(oracleArticles).id } }
            let limit = random.int(1...20)
            var expected: [String] = []
            for id in article.related where id != article.id && !expected.contains(id) {
                if let pick = oracleArticles.first(where: { $0.id == id }), pick.isVisible(at: now) { expected.append(id) }
            }
            let ranked = candidates
                .filter { $0.isVisible(at: now) && $0.id != article.id && !expected.contains($0.id) }
                .map { other in
                    (tags: Set(other.tags).intersection(article.tags).count, same: other.category == article.category ? 1 : 0,
                     key: other.publishedAt!.secondsSince1970, id: other.id)
                }
                .sorted { ($0.tags, $0.same, $0.key, $0.id) > ($1.tags, $1.same, $1.key, $1.id) }
            expected += ranked.map(\.id)
            let actual = try oracleStore.related(to: article, limit: limit, now: now).map(\.id)
            #expect(actual == Array(expected.prefix(limit)), "\(article.id) limit \(limit) now \(now.rfc3339)")
        }
    }
}
