import Articles
import ArticlesTesting
import Testing

/// `Relevance.score`, which the database stores rank with, must agree with the independent oracle.
@Suite struct RelevanceTests {
    @Test func agreesWithTheOracleOnRandomSearches() throws {
        var random = TestRandom(state: 11)
        let generator = RandomQueries(articles: oracleArticles)
        let byID = Dictionary(uniqueKeysWithValues: oracleArticles.map { ($0.id, $0) })
        var searches = 0
        var scored = 0
        while searches < 100 {
            var pairs = generator.make(&random).filter { $0.name == "q" }
            guard !pairs.isEmpty else { continue }
            pairs.append(("sort", "relevance"))
            pairs.append(("status", "any"))
            let query = try ArticleQuery.parse(pairs)
            let search = try #require(query.search)
            searches += 1
            // The head and the tail of each ranking: where title, summary and body matches meet.
            let ranked = oracle.ranked(query, now: RandomQueries.nows[0])
            for match in ranked.prefix(20) + ranked.suffix(5) {
                #expect(Relevance.score(of: byID[match.id]!, for: search) == match.score, "\(pairs) \(match.id)")
                scored += 1
            }
        }
        #expect(scored > 300)
    }

    @Test func titleOutranksSummaryAndTagsWhichOutrankBody() throws {
        var article = makeArticle(id: "r1", title: "Drought in the Horn", body: "Rains failed again.", tags: ["famine"])
        article.summary = "Aid agencies warn"
        #expect(Relevance.score(of: article, for: try #require(SearchQuery("drought"))) == 100)
        #expect(Relevance.score(of: article, for: try #require(SearchQuery("aid famine"))) == 20)
        #expect(Relevance.score(of: article, for: try #require(SearchQuery("rains \"horn\""))) == 101)
        #expect(Relevance.score(of: article, for: try #require(SearchQuery("\"failed again\" DROUGHT"))) == 101)
        #expect(Relevance.score(of: article, for: try #require(SearchQuery("\"again failed\""))) == nil)
        #expect(Relevance.score(of: article, for: try #require(SearchQuery("drought zzz"))) == nil)
    }
}
