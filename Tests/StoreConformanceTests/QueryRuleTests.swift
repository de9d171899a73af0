import Articles
import Testing

/// The ids of every page of `parameters` (as a client sends them, `&`-separated, not encoded) at `now`.
func listed(_ store: any ArticleStore, _ parameters: String, now: Timestamp = newsroomNow) throws -> [String] {
    let pairs: [(name: String, value: String)] = parameters.split(separator: "&").map { part in
        let pieces = part.split(separator: "=", maxSplits: 1)
        return (name: String(pieces[0]), value: String(pieces[1]))
    }
    var query = try ArticleQuery.parse(pairs)
    query.limit = 100
    return try store.articles(matching: query, now: now).articles.map(\.id)
}

@Suite(.timeLimit(.minutes(2)))
struct QueryRuleTests {
    @Test("readers see published articles whose time has come, newest first, ties by id", arguments: StoreKind.allCases)
    func visible(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        #expect(try listed(store, "") == Newsroom.visibleNewestFirst)
        // At a time after n9's publication it is visible too.
        #expect(try listed(store, "", now: .at("2099-06-01T00:00:00Z")).first == "n9")
    }

    @Test("status= draft, published (scheduled too), archived, any", arguments: StoreKind.allCases)
    func status(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        #expect(try listed(store, "status=draft") == ["n7"])
        #expect(try listed(store, "status=archived") == ["n8"])
        #expect(try listed(store, "status=published") == ["n9"] + Newsroom.visibleNewestFirst)
        // A draft never published sorts by when it was started (createdAt).
        #expect(try listed(store, "status=any&sort=oldest") == ["n8", "n10", "n1", "n2", "n4", "n5", "n11", "n6", "n7", "n3", "n9"])
    }

    @Test("category, tag (all, any, exclusion), author and lang (any of, case-insensitive), breaking", arguments: StoreKind.allCases)
    func filters(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        #expect(try listed(store, "category=africa") == ["n6", "n5", "n2", "n1"])
        #expect(try listed(store, "category=Sport|business") == ["n4", "n10"])
        #expect(try listed(store, "tag=drought,aid") == ["n1"])
        #expect(try listed(store, "tag=sudan|kenya") == ["n5", "n2"])
        #expect(try listed(store, "tag=drought,-kenya") == ["n6", "n1"])
        #expect(try listed(store, "tag=ukraine") == ["n3", "n4"])
        #expect(try listed(store, "author=staff reporter") == ["n3", "n4"])
        #expect(try listed(store, "author=sofia rossi") == ["n6", "n11"])
        #expect(try listed(store, "lang=SW|fr") == ["n6", "n5"])
        #expect(try listed(store, "breaking=true") == ["n3", "n2"])
        #expect(try listed(store, "breaking=false&category=africa") == ["n6", "n5", "n1"])
    }

    @Test("from and to are inclusive; a day 'to' runs to its end", arguments: StoreKind.allCases)
    func window(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        #expect(try listed(store, "from=2025-09-04T06:00:00Z&to=2025-09-05") == ["n6", "n11", "n5"])
        #expect(try listed(store, "to=2025-09-01") == ["n1", "n10"])
        // An article never published is outside every window.
        #expect(try listed(store, "status=draft&from=2000-01-01") == [])
    }

    @Test("q: whole words folded (diacritics, ß, ø), phrases, relevance by field then recency", arguments: StoreKind.allCases)
    func search(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        #expect(try listed(store, "q=secheresse") == ["n6"])
        #expect(try listed(store, "q=SÉCHERESSE senegal") == ["n6"])
        #expect(try listed(store, "q=strasse koln") == ["n11"])
        #expect(try listed(store, "q=soren odegaard") == ["n11"])
        // Title (n1) 100 + tags; tags-only n5, n6: 10; body-only n4: 1. n6 has no "drought" word in English, but the tag.
        #expect(try listed(store, "q=drought") == ["n1", "n6", "n5", "n4"])
        #expect(try listed(store, "q=\"grain exports\"") == ["n4"])
        #expect(try listed(store, "q=\"exports grain\"") == [])
        // A phrase must sit inside one field (or one tag): not across title and summary, nor two tags.
        #expect(try listed(store, "q=\"rise ports\"") == [])
        #expect(try listed(store, "q=\"russia ukraine\"&status=any") == [])
        #expect(try listed(store, "q=\"black sea\"") == ["n4"])
        #expect(try listed(store, "q=drought zzznotaword") == [])
        #expect(try listed(store, "q=drought&sort=oldest") == ["n1", "n4", "n5", "n6"])
        #expect(try listed(store, "q=ukraine&status=any") == ["n3", "n4", "n9"])
    }

    @Test("sorts: oldest, updated; page and cursor cut the same list", arguments: StoreKind.allCases)
    func sortsAndPages(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        #expect(try listed(store, "sort=oldest") == Newsroom.visibleNewestFirst.reversed())
        #expect(try listed(store, "sort=updated") == ["n3", "n2", "n6", "n11", "n5", "n4", "n1", "n10"])
        for sort in ArticleSort.allCases {
            var pairs = [(name: "sort", value: sort.rawValue)]
            if sort == .relevance { pairs.append(("q", "the")) }
            let whole = try store.articles(matching: try ArticleQuery.parse(pairs), now: newsroomNow)
            var query = try ArticleQuery.parse(pairs)
            query.limit = 3
            var walked: [String] = []
            while true {
                let page = try store.articles(matching: query, now: newsroomNow)
                #expect(page.total == whole.total)
                walked += page.articles.map(\.id)
                guard let next = page.nextCursor else { break }
                #expect(next.sort == sort)
                query.cursor = ArticleCursor(encoded: next.encoded)
            }
            #expect(walked == whole.articles.map(\.id), "\(kind) sort \(sort)")
            query.cursor = nil
            query.page = 2
            let second = try store.articles(matching: query, now: newsroomNow)
            #expect(second.articles.map(\.id) == Array(whole.articles.map(\.id).dropFirst(3).prefix(3)))
            #expect(second.nextCursor == nil)
            query.page = Int.max
            #expect(try store.articles(matching: query, now: newsroomNow).articles.isEmpty)
        }
    }

    @Test("facets: visible only, most first then name; author named as its newest article spells it", arguments: StoreKind.allCases)
    func facets(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        let categories = try store.facets(.category, prefix: nil, limit: nil, now: newsroomNow)
        #expect(categories == [Facet(name: "africa", count: 4), Facet(name: "business", count: 1), Facet(name: "europe", count: 1),
                               Facet(name: "sport", count: 1), Facet(name: "world", count: 1)])
        let tags = try store.facets(.tag, prefix: "U", limit: 5, now: newsroomNow)
        #expect(tags == [Facet(name: "ukraine", count: 2)])
        let authors = try store.facets(.author, prefix: nil, limit: 2, now: newsroomNow)
        // n6 "Sofia Rossi" and n11 "SOFIA ROSSI" share a publish time; the larger id (n6) is newer.
        #expect(authors == [Facet(name: "Sofia Rossi", count: 2), Facet(name: "Staff Reporter", count: 2)])
        #expect(try store.nextScheduledPublication(after: newsroomNow) == .at("2099-01-01T00:00:00Z"))
        #expect(try store.countsByStatus() == [.draft: 1, .published: 9, .archived: 1])
    }

    @Test("related: visible editor picks, then shared tags, category, recency; never itself", arguments: StoreKind.allCases)
    func related(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        let n3 = try #require(try store.article(ref: "n3"))
        // n9 is scheduled (skipped); then n4 shares 'ukraine'; then world (none visible), then newest.
        #expect(try store.related(to: n3, limit: 5, now: newsroomNow).map(\.id) == ["n2", "n1", "n4", "n6", "n11"])
        #expect(try store.related(to: n3, limit: 0, now: newsroomNow).isEmpty)
        let n1 = try #require(try store.article(ref: "drought-aid-reaches-ethiopia"))
        // n6 and n5 share 'drought' (newest first); then n2, the same category sharing nothing.
        #expect(try store.related(to: n1, limit: 3, now: newsroomNow).map(\.id) == ["n6", "n5", "n2"])
    }
}
