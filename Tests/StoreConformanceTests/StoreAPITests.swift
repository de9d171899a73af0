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
        let paths = queries
        let authorization = [("Authorization", "Bearer \(conformanceEditorToken)")]
        let (reference, store) = try await onOwnThread { (try comparisonStore(.memory), try comparisonStore(kind)) }
        let problems = try await withAPIServer(reference) { referencePort in
            try await withAPIServer(store) { port in
                try await onOwnThread { () throws -> [String] in
                    var problems: [String] = []
                    var nonEmpty = 0
                    for path in paths {
                        let expected = try get(path, port: referencePort, headers: authorization)
                        let actual = try get(path, port: port, headers: authorization)
                        if actual.status != expected.status {
                            problems.append("\(kind) \(path): status \(actual.status) instead of \(expected.status)")
                        } else if actual.body != expected.body {
                            problems.append("\(kind) \(path): bodies differ:\n\(actual.bodyText.prefix(300))\nmemory:\n\(expected.bodyText.prefix(300))")
                        }
                        if expected.status == 200 && !expected.bodyText.contains(#""data":[]"#) { nonEmpty += 1 }
                    }
                    // Most queries should find something, or the comparison says little.
                    if nonEmpty <= 150 { problems.append("only \(nonEmpty) of \(paths.count) answers had articles") }
                    return problems
                }
            }
        }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }
}
