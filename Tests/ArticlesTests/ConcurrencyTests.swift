import Articles
import ArticlesTesting
import Dispatch
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ConcurrencyTests {
    @Test("readers on several threads always see a whole write, before or after")
    func readersDuringWrites() throws {
        let articles = ArticleGenerator(seed: 11).generate(count: 300).map { article -> Article in
            var article = article
            article.status = .published
            article.tags = ["steady"]
            return article
        }
        let store = try MemoryStore(articles: articles)
        let now = Timestamp.at("2030-01-01T00:00:00Z")
        let query = try ArticleQuery.parse([(name: "tag", value: "steady")])
        let writesDone = Atomic<Bool>(false)
        let badReads = Atomic<Int>(0)
        let reads = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            if worker == 0 {
                // Take one article out of the tag and put it back, 200 times.
                for round in 0..<200 {
                    guard var article = try? store.article(ref: "a000000007") else { break }
                    article.tags = round.isMultiple(of: 2) ? ["moving"] : ["steady"]
                    _ = try? store.save(article, expected: article.version)
                }
                writesDone.store(true, ordering: .releasing)
                return
            }
            for _ in 0..<100_000 {
                let total = (try? store.articles(matching: query, now: now).total) ?? -1
                reads.add(1, ordering: .relaxed)
                if total != 300 && total != 299 { badReads.add(1, ordering: .relaxed) }
                if writesDone.load(ordering: .acquiring) { break }
            }
        }
        #expect(badReads.load(ordering: .relaxed) == 0)
        #expect(reads.load(ordering: .relaxed) >= 3)
        #expect(store.version == 201)
        #expect(try store.articles(matching: query, now: now).total == 300)
    }
}
