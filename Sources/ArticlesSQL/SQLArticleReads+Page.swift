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
    private static func rankedPage(
        _ search: SearchQuery, query: ArticleQuery, now: Timestamp, in database: some SQLExecutor
    ) throws -> ArticlePage {
        var select = SQLBuilder(database.dialect)
        let conditions = ArticleFilterSQL.conditions(query, now: now, into: &select)
        select.append("SELECT \(ArticleColumns.selectList) FROM articles a WHERE \(conditions)")

        let sort = query.sort
        let order = ArticleOrder(sort)
        var matches: [(article: Article, score: Int64, key: Int64)] = []
        for row in try database.rows(select.statement) {
            let article = try ArticleColumns.article(from: row)
            guard let score = Relevance.score(of: article, for: search) else { continue }
            matches.append((article, sort == .relevance ? score : 0, order.key(of: article)))
        }
        let ascending = order.ascending
        matches.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.key != b.key { return ascending ? a.key < b.key : a.key > b.key }
            return ascending ? a.article.id < b.article.id : a.article.id > b.article.id
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
                case .relevance: (match.score, match.key, match.article.id) < (cursor.score, cursor.key, cursor.id)
                case .oldest: (match.key, match.article.id) > (cursor.key, cursor.id)
                case .newest, .updated: (match.key, match.article.id) < (cursor.key, cursor.id)
                }
            } ?? total
        }
        let end = min(total, start + query.limit)
        var next: ArticleCursor?
        if query.page == nil, end < total, end > start {
            let last = matches[end - 1]
            next = ArticleCursor(sort: sort, key: last.key, score: last.score, id: last.article.id)
        }
        return ArticlePage(articles: matches[start..<end].map(\.article), total: total, nextCursor: next)
    }
}
