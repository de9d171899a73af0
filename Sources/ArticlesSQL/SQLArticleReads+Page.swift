public import Articles

extension SQLArticleReads {
    /// A page of `query`'s results at `now`, identical to the memory store's.
    ///
    /// Without a search, or with one that needs no ranking (a plain-word `q` sorted by time), the database
    /// filters, sorts and cuts the page (keyset or offset) and counts the total. A search sorted by relevance,
    /// or one with phrases, loads the articles the index finds (every one has all the words) and ranks or
    /// checks them with `Relevance.score`, so that work grows with the number of matches: a word in most
    /// articles costs a pass over most articles.
    public static func page(for query: ArticleQuery, now: Timestamp, in database: some SQLExecutor) throws -> ArticlePage {
        if let search = query.search, query.sort == .relevance || !search.phrases.isEmpty {
            return try rankedPage(search, query: query, now: now, in: database)
        }
        let order = ArticleOrder(query.sort)

        var count = SQLBuilder(database.dialect)
        let countConditions = ArticleFilterSQL.conditions(query, now: now, into: &count)
        count.append("SELECT COUNT(*) FROM articles a WHERE \(countConditions)")
        guard let total = try database.value(count.statement)?.integer.map(Int.init) else {
            throw SQLRowError("COUNT(*) gave no integer")
        }

        var select = SQLBuilder(database.dialect)
        var conditions = ArticleFilterSQL.conditions(query, now: now, into: &select)
        var limit = query.limit
        var offset = 0
        if let page = query.page {
            let skipped = (page - 1).multipliedReportingOverflow(by: query.limit)
            guard !skipped.overflow, skipped.partialValue < total else {
                return ArticlePage(articles: [], total: total, nextCursor: nil)
            }
            offset = skipped.partialValue
        } else {
            if let cursor = query.cursor { conditions += " AND " + order.after(cursor, into: &select) }
            limit += 1  // one more tells whether there is a next page
        }
        guard total > 0 else { return ArticlePage(articles: [], total: 0, nextCursor: nil) }
        let limitPlaceholder = select.bind(.integer(Int64(limit)))
        let offsetPlaceholder = select.bind(.integer(Int64(offset)))
        select.append("""
            SELECT \(ArticleColumns.selectList) FROM articles a WHERE \(conditions) ORDER BY \(order.orderBy) \
            LIMIT \(limitPlaceholder) OFFSET \(offsetPlaceholder)
            """)
        var articles = try database.rows(select.statement).map { try ArticleColumns.article(from: $0) }
        var next: ArticleCursor?
        if query.page == nil, articles.count > query.limit {
            articles.removeLast(articles.count - query.limit)
            let last = articles[articles.count - 1]
            next = ArticleCursor(sort: order.sort, key: order.key(of: last), id: last.id)
        }
        return ArticlePage(articles: articles, total: total, nextCursor: next)
    }

    /// A search ranked (or phrase-checked) in Swift over the index's candidates, then cut like the memory store.
    ///
    /// Memory stays proportional to the matches' count, not their text: each candidate is first scored on its
    /// title, summary and tags; a term found in none of them is in the body (the index says it is somewhere);
    /// only a phrase not found there makes the body be read (one row at a time, then dropped). The page's
    /// articles are loaded whole at the end.
    private static func rankedPage(
        _ search: SearchQuery, query: ArticleQuery, now: Timestamp, in database: some SQLExecutor
    ) throws -> ArticlePage {
        var select = SQLBuilder(database.dialect)
        let conditions = ArticleFilterSQL.conditions(query, now: now, into: &select)
        select.append("SELECT a.seq, a.id, a.publish_key, a.updated_at, a.title, a.summary, a.tags FROM articles a WHERE \(conditions)")
        let bodyStatement = "SELECT a.body FROM articles a WHERE a.seq = \(database.dialect.placeholder(1))"

        let sort = query.sort
        let order = ArticleOrder(sort)
        var matches: [(seq: Int64, id: String, score: Int64, key: Int64)] = []
        try database.forEachRow(select.statement) { row in
            guard row.count == 7, let seq = row[0].integer, let id = row[1].text, let publishKey = row[2].integer,
                  let updatedAt = row[3].integer, let title = row[4].text, let tags = row[6].text
            else { throw SQLRowError("bad search candidate row") }
            var article = Article(
                id: id, slug: "", title: title, summary: row[5].text, body: "", category: "",
                tags: tags.isEmpty ? [] : tags.split(separator: ",").map(String.init),
                createdAt: Timestamp(secondsSince1970: 0), updatedAt: Timestamp(secondsSince1970: 0))
            var score = Relevance.score(of: article, for: search)
            if score == nil, search.phrases.isEmpty {
                // The index matched every term somewhere, so a term that is not in the title, summary or tags is
                // in the body: a body of just the terms scores the same as the real one, without reading it.
                article.body = search.terms.joined(separator: " ")
                score = Relevance.score(of: article, for: search)
            }
            if score == nil {
                guard let body = try database.value(SQLStatement(bodyStatement, [.integer(seq)]))?.text else {
                    throw SQLRowError("article \(id) has no body")
                }
                article.body = body
                score = Relevance.score(of: article, for: search)
            }
            guard let score else { return }
            matches.append((seq, id, sort == .relevance ? score : 0, sort == .updated ? updatedAt : publishKey))
        }
        let ascending = order.ascending
        matches.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.key != b.key { return ascending ? a.key < b.key : a.key > b.key }
            return ascending ? a.id < b.id : a.id > b.id
        }

        let total = matches.count
        var start = 0
        if let page = query.page {
            let skipped = (page - 1).multipliedReportingOverflow(by: query.limit)
            start = skipped.overflow ? total : min(skipped.partialValue, total)
        } else if let cursor = query.cursor {
            // The first match strictly after the cursor in this order.
            start = matches.firstIndex { match in
                switch sort {
                case .relevance: (match.score, match.key, match.id) < (cursor.score, cursor.key, cursor.id)
                case .oldest: (match.key, match.id) > (cursor.key, cursor.id)
                case .newest, .updated: (match.key, match.id) < (cursor.key, cursor.id)
                }
            } ?? total
        }
        let end = min(total, start + query.limit)
        var next: ArticleCursor?
        if query.page == nil, end < total, end > start {
            let last = matches[end - 1]
            next = ArticleCursor(sort: sort, key: last.key, score: last.score, id: last.id)
        }
        let chosen = matches[start..<end]
        guard !chosen.isEmpty else { return ArticlePage(articles: [], total: total, nextCursor: next) }
        var fetch = SQLBuilder(database.dialect)
        let seqs = chosen.map { fetch.bind(.integer($0.seq)) }.joined(separator: ", ")
        fetch.append("SELECT \(ArticleColumns.selectList) FROM articles a WHERE a.seq IN (\(seqs))")
        var byID: [String: Article] = [:]
        for row in try database.rows(fetch.statement) {
            let article = try ArticleColumns.article(from: row)
            byID[article.id] = article
        }
        let articles = try chosen.map { match in
            guard let article = byID[match.id] else { throw SQLRowError("article \(match.id) vanished within one read") }
            return article
        }
        return ArticlePage(articles: articles, total: total, nextCursor: next)
    }
}
