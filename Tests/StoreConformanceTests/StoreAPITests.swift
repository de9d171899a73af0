import Articles
import ArticlesTesting
import DatelineTesting
import Testing

@Suite(.serialized, .timeLimit(.minutes(10)))
struct StoreAPITests {
    @Test("200 generated queries give byte-identical response bodies from each store over the same 10,000 articles",
          arguments: StoreKind.databases)
    func identicalBodies(_ kind: StoreKind) async throws {
        let maker = RandomQueries(articles: comparisonArticles)
        var random = TestRandom(state: 777)
        var queries: [String] = []
        for _ in 0..<200 {
            var pairs = maker.make(&random)
            pairs.append(("limit", String(random.int(1...50))))
            if random.chance(20) { pairs.append(("page", String(random.int(1...4)))) }
            if random.chance(20) { pairs.append(("fields", "*")) }
            queries.append("/articles?" + queryString(pairs))
        }
        // The rest of the read API over the same articles.
        queries += ["/categories", "/tags?prefix=c&limit=5", "/tags", "/authors"]
        for _ in 0..<20 {
            let article = random.pick(comparisonArticles)
            queries.append("/articles/\(random.chance(50) ? article.id : article.slug)")
            queries.append("/articles/\(article.id)/related?limit=\(random.int(1...10))")
        }
        let authorization = [("Authorization", "Bearer \(conformanceEditorToken)")]
        let reference = try comparisonStore(.memory)
        let store = try comparisonStore(kind)
        try await withAPIServer(reference) { referencePort in
            try await withAPIServer(store) { port in
                var nonEmpty = 0
                for path in queries {
                    let expected = try get(path, port: referencePort, headers: authorization)
                    let actual = try get(path, port: port, headers: authorization)
                    #expect(actual.status == expected.status, "\(kind) \(path)")
                    if actual.body != expected.body {
                        Issue.record("\(kind) \(path): bodies differ:\n\(actual.bodyText.prefix(300))\nmemory:\n\(expected.bodyText.prefix(300))")
                    }
                    if expected.status == 200 && !expected.bodyText.contains(#""data":[]"#) { nonEmpty += 1 }
                }
                #expect(nonEmpty > 150, "most queries should find something")
            }
        }
    }
}
