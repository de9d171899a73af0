import Articles
import ArticlesTesting
import Testing

/// Searches compared with the memory store, query by query: the SQLite store answers a search without other
/// filters from its index alone, tier by tier of relevance and second by second of publication time, so these
/// walk deep (cursors and numbered pages that cross tiers and ties of one second), with phrases, diacritics,
/// every status and several "now"s (drafts, archived and scheduled articles must stay out), and now and then
/// a filter that sends the search down the general SQL path.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct SearchDifferentialTests {
    @Test("80 generated searches: every page, total and cursor equal to the memory store's", arguments: StoreKind.databases)
    func generatedSearches(_ kind: StoreKind) async throws {
        let (problems, pages) = try await onOwnThread { () throws -> ([String], Int) in
            let reference = try comparisonStore(.memory)
            let store = try comparisonStore(kind)
            let maker = RandomSearches(articles: comparisonArticles)
            var random = TestRandom(state: 20_261_127)
            var problems: [String] = []
            var pages = 0
            for _ in 0..<80 {
                let pairs = maker.make(&random)
                let now = random.pick(RandomQueries.nows)
                var query = try ArticleQuery.parse(pairs)
                query.limit = random.int(1...30)
                if random.chance(30) { query.page = random.int(1...12) }
                let described = pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
                    + " limit=\(query.limit) page=\(query.page.map(String.init) ?? "-") now=\(now.rfc3339)"
                for _ in 0..<6 {
                    let expected = try reference.articles(matching: query, now: now)
                    let actual = try store.articles(matching: query, now: now)
                    problems += pageDifferences(actual, expected, "\(kind) \(described)")
                    if !expected.articles.isEmpty { pages += 1 }
                    guard query.page == nil, let next = expected.nextCursor else { break }
                    query.cursor = next
                }
            }
            return (problems, pages)
        }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
        #expect(pages > 100)
    }

    @Test("searches stay equal to the memory store's through edits, publications, schedules, ties of one second and deletes",
          arguments: StoreKind.databases)
    func searchesAfterWrites(_ kind: StoreKind) async throws {
        let problems = try await onOwnThread { () throws -> [String] in
            let articles = TestArticles.twisted(count: 400, seed: 31)
            let reference = try TestStores.make(.memory, articles: articles)
            let store = try TestStores.make(kind, articles: articles)
            let maker = RandomSearches(articles: articles)
            var random = TestRandom(state: 5)
            var problems: [String] = []
            let now = Timestamp.at("2025-01-01T00:00:00Z")
            let words = ["harbour", "drought", "aid", "peace", "talks", "Größe", "élection"]
            for round in 0..<40 {
                // A few writes, the same on both stores (times given, so neither store fills in its own clock).
                for _ in 0..<5 {
                    let current = try reference.allArticles()
                    var article = random.pick(current)
                    switch random.int(0...5) {
                    case 0:
                        article.title = "\(random.pick(words)) \(random.pick(words)) \(article.title.prefix(200))"
                    case 1:
                        article.status = .published
                        article.publishedAt = random.chance(50) ? random.pick(current).publishedAt ?? now : now
                    case 2:
                        // Scheduled: published, visible only from a later time.
                        article.status = .published
                        article.publishedAt = Timestamp(secondsSince1970: now.secondsSince1970 + Int64(random.int(1...86_400)))
                    case 3:
                        article.status = random.chance(50) ? .draft : .archived
                    case 4:
                        article.summary = "\(random.pick(words)) \(random.pick(words))"
                        article.tags = [random.pick(["peace", "aid", "sudan"])]
                    default:
                        try reference.delete(id: article.id, expected: article.version)
                        try store.delete(id: article.id, expected: article.version)
                        continue
                    }
                    let expected = try reference.save(article, expected: article.version)
                    let saved = try store.save(article, expected: article.version)
                    if saved != expected { problems.append("\(kind) round \(round): saved \(saved.id) differs") }
                }
                for _ in 0..<6 {
                    var pairs = maker.make(&random)
                    if random.chance(50) { pairs = [(name: "q", value: random.pick(words) + " " + random.pick(words))] }
                    var query = try ArticleQuery.parse(pairs)
                    query.limit = random.int(1...15)
                    let at = random.chance(70) ? now : random.pick(RandomQueries.nows)
                    let described = pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&") + " round \(round) now=\(at.rfc3339)"
                    for _ in 0..<6 {
                        let expected = try reference.articles(matching: query, now: at)
                        problems += pageDifferences(try store.articles(matching: query, now: at), expected, "\(kind) \(described)")
                        guard let next = expected.nextCursor else { break }
                        query.cursor = next
                    }
                }
            }
            return problems
        }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }
}

/// Random searches over a set of articles: one to six runs (words from titles, summaries, tags and bodies, or
/// phrases of two or three consecutive words), some with their letters capitalised or accented, by relevance
/// mostly, any status; one in seven has another filter too.
struct RandomSearches {
    let articles: [Article]

    func make(_ random: inout TestRandom) -> [(name: String, value: String)] {
        var runs: [String] = []
        let count = random.chance(10) ? random.int(5...6) : random.int(1...3)
        for _ in 0..<count {
            let article = random.pick(articles)
            var fields = [article.title, article.body]
            if let summary = article.summary { fields.append(summary) }
            fields += article.tags
            let words = TextFolding.words(in: random.pick(fields))
            guard !words.isEmpty else { continue }
            if random.chance(25), words.count > 3 {
                let length = random.int(2...3)
                let start = random.int(0...(words.count - length))
                runs.append("\"" + words[start..<(start + length)].map { disguised($0, &random) }.joined(separator: " ") + "\"")
            } else {
                runs.append(disguised(random.pick(words), &random))
            }
        }
        if runs.isEmpty { runs = ["aid"] }
        if random.chance(5) { runs.append("zzznotaword") }
        var pairs: [(name: String, value: String)] = [("q", runs.joined(separator: " "))]
        switch random.int(0...9) {
        case 0: pairs.append(("sort", "newest"))
        case 1: pairs.append(("sort", "oldest"))
        case 2: pairs.append(("sort", "relevance"))
        case 3: pairs.append(("sort", "updated"))
        default: break
        }
        if random.chance(25) { pairs.append(("status", random.pick(["draft", "published", "archived", "any"]))) }
        if random.chance(14) {
            let sample = random.pick(articles)
            pairs.append(random.chance(50) ? ("category", sample.category) : ("lang", sample.language))
        }
        return pairs
    }

    /// `word` as a client might type it: as it is, in capitals, or with accents the folding takes off again.
    private func disguised(_ word: String, _ random: inout TestRandom) -> String {
        switch random.int(0...5) {
        case 0: return word.uppercased()
        case 1:
            let accented: [Character: Character] = ["a": "á", "e": "é", "i": "î", "o": "ö", "u": "ü", "c": "ç", "n": "ñ"]
            return String(word.map { accented[$0] ?? $0 })
        default: return word
        }
    }
}
