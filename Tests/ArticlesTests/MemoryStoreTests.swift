import Articles
import ArticlesTesting
import Locking
import Testing

@Suite(.timeLimit(.minutes(2)))
struct MemoryStoreTests {
    private let now = Timestamp.at("2025-09-06T12:00:00Z")

    private func ids(_ store: MemoryStore, _ pairs: [(String, String)] = [], now: Timestamp? = nil) throws -> [String] {
        let query = try ArticleQuery.parse(pairs.map { (name: $0.0, value: $0.1) })
        return try store.articles(matching: query, now: now ?? self.now).articles.map(\.id)
    }

    @Test("finds by id or slug, any status")
    func lookup() throws {
        let store = try MemoryStore(articles: [
            makeArticle(id: "p1", slug: "first"), makeArticle(id: "d1", slug: "draft-one", status: .draft, publishedAt: nil),
        ])
        #expect(try store.article(ref: "p1")?.slug == "first")
        #expect(try store.article(ref: "first")?.id == "p1")
        #expect(try store.article(ref: "draft-one")?.status == .draft)
        #expect(try store.article(ref: "nope") == nil)
        #expect(store.version == 1)
        #expect(try store.article(ref: "p1")?.version == 1)
        #expect(try store.countsByStatus() == [.published: 1, .draft: 1, .archived: 0])
    }

    @Test("a scheduled article appears when now passes its time, with no write")
    func scheduled() throws {
        let store = try MemoryStore(articles: [
            makeArticle(id: "old", publishedAt: "2025-09-01T00:00:00Z"),
            makeArticle(id: "soon", tags: ["x"], publishedAt: "2025-09-07T00:00:00Z"),
        ])
        #expect(try ids(store) == ["old"])
        #expect(try ids(store, [("tag", "x")]) == [])
        #expect(try store.facets(.tag, prefix: nil, limit: nil, now: now) == [])
        let later = Timestamp.at("2025-09-07T00:00:00Z")
        #expect(try ids(store, now: later) == ["soon", "old"])
        #expect(try ids(store, [("tag", "x")], now: later) == ["soon"])
        #expect(try store.facets(.tag, prefix: nil, limit: nil, now: later) == [Facet(name: "x", count: 1)])
        // Editors asking for published see scheduled ones too.
        #expect(try ids(store, [("status", "published")]) == ["soon", "old"])
    }

    @Test("related: the editor's visible picks in order, then shared tags, same category, recency; never itself")
    func related() throws {
        let base = makeArticle(id: "base", category: "world", tags: ["a", "b", "c"], related: ["pick2", "draft", "pick1", "future", "gone"])
        let articles = [
            base,
            makeArticle(id: "pick1", category: "sport", publishedAt: "2020-01-01T00:00:00Z"),
            makeArticle(id: "pick2", category: "sport", publishedAt: "2020-01-02T00:00:00Z"),
            makeArticle(id: "gone", category: "sport", status: .archived),
            makeArticle(id: "draft", category: "world", tags: ["a", "b", "c"], status: .draft),
            makeArticle(id: "future", category: "world", tags: ["a", "b", "c"], publishedAt: "2099-01-01T00:00:00Z"),
            makeArticle(id: "two", category: "sport", tags: ["a", "b"], publishedAt: "2025-01-01T00:00:00Z"),
            makeArticle(id: "twoworld", category: "world", tags: ["b", "c"], publishedAt: "2024-01-01T00:00:00Z"),
            makeArticle(id: "onenew", category: "sport", tags: ["c"], publishedAt: "2025-09-05T00:00:00Z"),
            makeArticle(id: "oneold", category: "sport", tags: ["a"], publishedAt: "2025-09-04T00:00:00Z"),
            makeArticle(id: "onetie", category: "sport", tags: ["a"], publishedAt: "2025-09-04T00:00:00Z"),
            makeArticle(id: "sameworld", category: "world", publishedAt: "2019-01-01T00:00:00Z"),
            makeArticle(id: "nothing1", category: "sport", publishedAt: "2025-09-06T00:00:00Z"),
            makeArticle(id: "nothing2", category: "sport", publishedAt: "2025-09-03T00:00:00Z"),
        ]
        let store = try MemoryStore(articles: articles)
        let rail = try store.related(to: base, limit: 20, now: now).map(\.id)
        #expect(rail == [
            "pick2", "pick1", "twoworld", "two", "onenew", "onetie", "oneold", "sameworld", "nothing1", "nothing2",
        ])
        #expect(try store.related(to: base, limit: 3, now: now).map(\.id) == ["pick2", "pick1", "twoworld"])
        #expect(try store.related(to: base, limit: 1, now: now).map(\.id) == ["pick2"])
        let lonely = try #require(try store.article(ref: "nothing1"))
        #expect(try !store.related(to: lonely, limit: 20, now: now).map(\.id).contains("nothing1"))
    }

    @Test("facets: most first, then name; tag prefix and limit; authors case-insensitive")
    func facets() throws {
        var articles = [
            makeArticle(id: "a1", category: "world", tags: ["ukraine", "russia"]),
            makeArticle(id: "a2", category: "world", tags: ["ukraine", "uganda"]),
            makeArticle(id: "a3", category: "africa", tags: ["uganda", "kenya"]),
            makeArticle(id: "a4", category: "sport", tags: ["kenya"]),
            makeArticle(id: "a5", category: "politics", tags: ["ukraine"], status: .draft),
            makeArticle(id: "a6", category: "politics", tags: ["ukraine"], status: .archived),
        ]
        articles[0].author = "Amina Otieno"
        articles[1].author = "AMINA OTIENO"
        articles[2].author = "John Smith"
        let store = try MemoryStore(articles: articles)
        #expect(try store.facets(.category, prefix: nil, limit: nil, now: now) == [
            Facet(name: "world", count: 2), Facet(name: "africa", count: 1), Facet(name: "sport", count: 1),
        ])
        #expect(try store.facets(.tag, prefix: nil, limit: nil, now: now) == [
            Facet(name: "kenya", count: 2), Facet(name: "uganda", count: 2), Facet(name: "ukraine", count: 2),
            Facet(name: "russia", count: 1),
        ])
        #expect(try store.facets(.tag, prefix: "U", limit: nil, now: now).map(\.name) == ["uganda", "ukraine"])
        #expect(try store.facets(.tag, prefix: "uk", limit: nil, now: now).map(\.name) == ["ukraine"])
        #expect(try store.facets(.tag, prefix: nil, limit: 1, now: now).map(\.name) == ["kenya"])
        let authors = try store.facets(.author, prefix: nil, limit: nil, now: now)
        #expect(authors.map(\.count) == [2, 1])
        #expect(authors.first?.name.lowercased() == "amina otieno")
        #expect(authors.last?.name == "John Smith")
    }

    @Test("saves and deletes keep every index right; versions rise; changes are reported in order")
    func writes() throws {
        let store = try MemoryStore(articles: [
            makeArticle(id: "a1", slug: "one", title: "Drought in the south", tags: ["drought"]),
            makeArticle(id: "a2", slug: "two", title: "Floods in the north", tags: ["flood"], publishedAt: "2025-09-02T00:00:00Z"),
        ])
        let changes = LockedValue<[(ArticleChange.Kind, String, UInt64)]>([])
        store.onChange { change in
            changes.withLock { $0.append((change.kind, (change.after ?? change.before)!.id, change.storeVersion)) }
        }
        var first = try #require(try store.article(ref: "a1"))
        first.title = "Harvest in the south"
        first.tags = ["harvest"]
        first.category = "business"
        let saved = try store.save(first, expected: first.version)
        #expect(saved.version == 2)
        #expect(store.version == 2)
        #expect(try ids(store, [("q", "drought")]) == [])
        #expect(try ids(store, [("q", "harvest")]) == ["a1"])
        #expect(try ids(store, [("tag", "drought")]) == [])
        #expect(try ids(store, [("tag", "harvest")]) == ["a1"])
        #expect(try ids(store, [("category", "business")]) == ["a1"])
        #expect(try ids(store, [("category", "world")]) == ["a2"])

        // Rescheduling moves it in publish order.
        var moved = saved
        moved.publishedAt = .at("2025-09-03T00:00:00Z")
        try store.save(moved, expected: saved.version)
        #expect(try ids(store) == ["a1", "a2"])

        // A stale version changes nothing.
        #expect(throws: ArticleStoreError.versionConflict(current: 3)) {
            var stale = saved
            stale.title = "Stale"
            try store.save(stale, expected: saved.version)
        }
        #expect(try store.article(ref: "a1")?.title == "Harvest in the south")
        #expect(store.version == 3)

        // Creating: an id that exists is a conflict; a new one is created; a taken slug is refused.
        #expect(throws: ArticleStoreError.versionConflict(current: 3)) { try store.save(makeArticle(id: "a1", slug: "x"), expected: nil) }
        #expect(throws: ArticleStoreError.slugTaken("two")) { try store.save(makeArticle(id: "a3", slug: "two"), expected: nil) }
        #expect(throws: ArticleStoreError.notFound(ref: "zz")) { try store.save(makeArticle(id: "zz"), expected: 1) }
        let created = try store.save(makeArticle(id: "a3", slug: "three", title: "Harvest again", publishedAt: "2025-09-04T00:00:00Z"), expected: nil)
        #expect(created.version == 4)
        #expect(try ids(store, [("q", "harvest")]) == ["a3", "a1"])  // equal scores: newer first
        #expect(try ids(store) == ["a3", "a1", "a2"])

        // Unpublishing hides it from readers at once; a published one without a time gets one.
        var draft = created
        draft.status = .draft
        try store.save(draft, expected: created.version)
        #expect(try ids(store) == ["a1", "a2"])
        #expect(try ids(store, [("status", "draft")]) == ["a3"])
        var fresh = makeArticle(id: "a4", slug: "four", publishedAt: nil)
        fresh.status = .published
        let published = try store.save(fresh, expected: nil)
        #expect(published.publishedAt != nil)

        // Related ids must exist.
        #expect(throws: ArticleStoreError.self) { try store.save(makeArticle(id: "a5", slug: "five", related: ["nope"]), expected: nil) }

        // Deleting: stale version refused, then gone everywhere, and the id is never reused.
        #expect(throws: ArticleStoreError.versionConflict(current: 3)) { try store.delete(id: "a1", expected: 2) }
        try store.delete(id: "a1", expected: 3)
        #expect(try store.article(ref: "a1") == nil)
        #expect(try store.article(ref: "one") == nil)
        #expect(try ids(store, [("q", "harvest"), ("status", "any")]) == ["a3"])
        #expect(try ids(store, [("tag", "harvest")]) == [])
        #expect(throws: ArticleStoreError.notFound(ref: "a1")) { try store.delete(id: "a1", expected: nil) }
        #expect(throws: ArticleStoreError.self) { try store.save(makeArticle(id: "a1", slug: "again"), expected: nil) }
        // The freed slug can be taken by another article.
        try store.save(makeArticle(id: "a6", slug: "one"), expected: nil)
        #expect(try store.allArticles().map(\.id) == ["a2", "a3", "a4", "a6"])

        let seen = changes.withLock { $0 }
        #expect(seen.map(\.0) == [.updated, .updated, .created, .updated, .created, .deleted, .created])
        #expect(seen.map(\.1) == ["a1", "a1", "a3", "a3", "a4", "a1", "a6"])
        #expect(seen.map(\.2) == [2, 3, 4, 5, 6, 7, 8])
    }

    @Test("an invalid article is refused with every problem, and the store is unchanged")
    func invalid() throws {
        let store = try MemoryStore(articles: [makeArticle(id: "a1")])
        do {
            try store.save(makeArticle(id: "a2", slug: "Bad", title: "", category: "No!"), expected: nil)
            Issue.record("saved an invalid article")
        } catch let ArticleStoreError.invalid(error) {
            #expect(error.problems.map(\.name) == ["slug", "title", "category"])
        }
        #expect(store.version == 1)
        #expect(try store.allArticles().count == 1)
        #expect(throws: ArticleStoreError.self) {
            try MemoryStore(articles: [makeArticle(id: "a1"), makeArticle(id: "a1", slug: "other")])
        }
        #expect(throws: ArticleStoreError.self) {
            try MemoryStore(articles: [makeArticle(id: "a1", related: ["missing"])])
        }
    }

    @Test("writes interleaved with queries: the indexes always agree with a linear filter")
    func randomWrites() throws {
        var articles = ArticleGenerator(seed: 99).generate(count: 1500)
        let store = try MemoryStore(articles: articles)
        var byID = Dictionary(uniqueKeysWithValues: try store.allArticles().map { ($0.id, $0) })
        var random = TestRandom(state: 42)
        let extra = ArticleGenerator(seed: 100).generate(count: 400)
        var nextExtra = 0
        for round in 0..<12 {
            for _ in 0..<25 {
                let id = random.pick(Array(byID.keys).sorted())
                let current = try #require(try store.article(ref: id))
                switch random.int(0...5) {
                case 0:
                    try store.delete(id: id, expected: current.version)
                    byID[id] = nil
                case 1:
                    var created = extra[nextExtra]
                    nextExtra += 1
                    created.id = "n\(round)x\(nextExtra)"
                    created.slug += "-new"
                    byID[created.id] = try store.save(created, expected: nil)
                default:
                    var changed = current
                    let donor = random.pick(extra)
                    if random.chance(50) { changed.title = donor.title }
                    if random.chance(50) { changed.tags = donor.tags }
                    if random.chance(30) { changed.category = donor.category }
                    if random.chance(30) { changed.status = random.pick(ArticleStatus.allCases) }
                    if random.chance(40) { changed.publishedAt = donor.publishedAt }
                    if random.chance(30) { changed.updatedAt = donor.updatedAt }
                    if random.chance(20) { changed.body = donor.body }
                    byID[id] = try store.save(changed, expected: current.version)
                }
            }
            articles = Array(byID.values)
            let oracle = Oracle(articles)
            let maker = RandomQueries(articles: articles)
            for _ in 0..<15 {
                try expectStoreMatchesOracle(store, oracle, maker.make(&random), now: random.pick(RandomQueries.nows), random: &random)
            }
            #expect(try store.allArticles() == articles.sorted { $0.id < $1.id })
        }
    }

    @Test("many rewrites of few articles: left-behind postings are swept and searches stay right")
    func sweepsRemovedPostings() throws {
        // 40 articles rewritten 600 times leave far more dead postings than live ones, so the sweep runs
        // several times; every search must still agree with a linear filter, before and after each sweep.
        let originals = ArticleGenerator(seed: 7).generate(count: 40)
        let store = try MemoryStore(articles: originals)
        let donors = ArticleGenerator(seed: 8).generate(count: 60)
        var random = TestRandom(state: 9)
        for round in 0..<6 {
            for _ in 0..<100 {
                let id = random.pick(originals.map(\.id))
                var changed = try #require(try store.article(ref: id))
                let donor = random.pick(donors)
                changed.body = donor.body
                changed.title = donor.title
                try store.save(changed, expected: changed.version)
            }
            let articles = try store.allArticles()
            let oracle = Oracle(articles)
            let maker = RandomQueries(articles: articles)
            for _ in 0..<20 {
                try expectStoreMatchesOracle(store, oracle, maker.make(&random), now: random.pick(RandomQueries.nows), random: &random)
            }
            #expect(articles.count == 40, "round \(round)")
        }
    }
}
