@testable import Articles
import ArticlesTesting
import Testing

/// The memory store's search index (word postings, word-pair postings, the top-k page) against the oracle's
/// linear scan: long phrases, phrases with terms, and an index kept through thousands of writes.
@Suite(.timeLimit(.minutes(TestTime.minutes(5))))
struct SearchIndexTests {
    /// A search drawn from one article's text: a run of 2 to 5 consecutive words (sometimes with a word
    /// swapped, so every pair may be present without the phrase), maybe with a term, maybe a repeated word.
    private func search(_ random: inout TestRandom, in articles: [Article]) -> String {
        let sample = random.pick(articles)
        let text = [sample.title, sample.summary ?? "", random.pick(sample.tags + [sample.body]), sample.body]
        var words = TextFolding.words(in: random.pick(text))
        if words.count < 2 { words = TextFolding.words(in: sample.body) }
        let length = random.int(2...min(5, words.count))
        let start = random.int(0...(words.count - length))
        var run = Array(words[start..<(start + length)])
        if random.chance(20) { run[random.int(0...(run.count - 1))] = random.pick(words) }
        if random.chance(10) { run.insert(run[0], at: 0) }
        if random.chance(10) { run = run.map { $0.uppercased() } }
        var q = "\"" + run.joined(separator: " ") + "\""
        if random.chance(30) { q += " " + random.pick(TextFolding.words(in: random.pick(articles).title)) }
        if random.chance(10) {
            let other = TextFolding.words(in: random.pick(articles).body)
            q += " \"\(random.pick(other)) \(random.pick(other))\""
        }
        return q
    }

    private func extras(_ random: inout TestRandom) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        if random.chance(50) { pairs.append(("sort", random.pick(["relevance", "newest", "oldest", "updated"]))) }
        if random.chance(25) { pairs.append(("status", random.pick(["draft", "published", "archived", "any"]))) }
        if random.chance(15) { pairs.append(("lang", random.pick(["en", "sw", "fr|pt-BR"]))) }
        return pairs
    }

    @Test("250 phrase searches (2–6 words, swapped and repeated words, with terms) over 10,000 articles equal the oracle")
    func phrases() throws {
        var random = TestRandom(state: 51)
        var nonEmpty = 0
        for _ in 0..<250 {
            let pairs = [(name: "q", value: search(&random, in: oracleArticles))] + extras(&random)
            let now = random.pick(RandomQueries.nows)
            try expectStoreMatchesOracle(oracleStore, oracle, pairs, now: now, random: &random)
            if try oracleStore.articles(matching: try ArticleQuery.parse(pairs), now: now).total > 0 { nonEmpty += 1 }
        }
        #expect(nonEmpty > 90)
    }

    @Test("deep pages and cursors of a common word cut the same order the oracle sorts")
    func deepPages() throws {
        let word = TextFolding.words(in: oracleArticles[0].body)[0]
        for sort in ["relevance", "newest", "oldest", "updated"] {
            let pairs = [(name: "q", value: word), (name: "sort", value: sort)]
            let expected = oracle.ids(try ArticleQuery.parse(pairs), now: RandomQueries.nows[3])
            #expect(expected.count > 1000)
            var query = try ArticleQuery.parse(pairs)
            query.limit = 50
            for page in [1, 2, 7, expected.count / 50, expected.count / 50 + 1, expected.count / 50 + 2] {
                query.page = page
                let answer = try oracleStore.articles(matching: query, now: RandomQueries.nows[3])
                let start = min(expected.count, (page - 1) * 50)
                #expect(answer.articles.map(\.id) == Array(expected[start..<min(expected.count, start + 50)]), "\(sort) page \(page)")
                #expect(answer.total == expected.count)
            }
        }
    }

    @Test("3,000 writes (edits, deletes, creates; sweeps and slot renumbering) keep every search exact")
    func writes() throws {
        let pool = TestArticles.twisted(count: 3_000, seed: 11)
        var live = Array(pool.prefix(1_500))
        // A small slot limit: the index renumbers its slots several times along the way.
        let store = try MemoryStore(articles: live, slotLimit: 2_600)
        var random = TestRandom(state: 77)
        var created = 0
        for round in 0..<6 {
            for _ in 0..<500 {
                let position = random.int(0...(live.count - 1))
                switch random.int(0...9) {
                case 0...5:
                    // An edit: another article's words in some fields.
                    var article = try #require(try store.article(ref: live[position].id))
                    let donor = random.pick(pool)
                    if random.chance(50) { article.title = donor.title }
                    if random.chance(50) { article.body = donor.body }
                    if random.chance(30) { article.summary = random.chance(20) ? nil : donor.summary }
                    if random.chance(30) { article.tags = donor.tags }
                    if random.chance(20) { article.status = donor.status; article.publishedAt = donor.publishedAt }
                    live[position] = try store.save(article, expected: article.version)
                case 6, 7:
                    try store.delete(id: live[position].id, expected: nil)
                    live.remove(at: position)
                default:
                    var article = random.pick(pool)
                    created += 1
                    article.id = "w\(created)"
                    article.slug = "w-\(created)"
                    live.append(try store.save(article, expected: nil))
                }
            }
            let current = try store.allArticles()
            #expect(current.count == live.count)
            let checker = Oracle(current)
            for _ in 0..<40 {
                var pairs = extras(&random)
                if random.chance(50) {
                    pairs.append((name: "q", value: search(&random, in: current)))
                } else {
                    let words = TextFolding.words(in: random.pick(current).body)
                    pairs.append((name: "q", value: random.chance(50) ? random.pick(words) : "\(random.pick(words)) \(random.pick(words))"))
                }
                try expectStoreMatchesOracle(store, checker, pairs, now: random.pick(RandomQueries.nows), random: &random)
            }
            _ = round
        }
    }
}
