public import Articles

extension SQLArticleReads {
    /// A page of `query`'s results at `now`, identical to the memory store's.
    ///
    /// The database filters (the search index's match is exact: `SearchSQL`), sorts and cuts the page (keyset
    /// or offset), and counts the total; a search sorted by relevance is scored by the database too.
    public static func page(for query: ArticleQuery, now: Timestamp, in database: some SQLExecutor) throws -> ArticlePage {
        if let search = query.search, let filter = postingFilter(answering: query),
           let page = try postingsPage(search, query: query, filter: filter, now: now, in: database) {
            return page
        }
        if let search = query.search, answeredFromIndex(query, dialect: database.dialect) {
            return try indexedPage(search, query: query, now: now, in: database)
        }
        if let search = query.search, query.sort == .relevance {
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

    /// A search by relevance: score (`SearchSQL.score`), then newest, then id, all descending, as the memory
    /// store ranks. The database scores every match, sorts, and hands back only the page's keys; the page's
    /// articles are then loaded whole by `seq`.
    private static func rankedPage(
        _ search: SearchQuery, query: ArticleQuery, now: Timestamp, in database: some SQLExecutor
    ) throws -> ArticlePage {
        var count = SQLBuilder(database.dialect)
        let countConditions = ArticleFilterSQL.conditions(query, now: now, into: &count)
        count.append("SELECT COUNT(*) FROM articles a WHERE \(countConditions)")
        guard let total = try database.value(count.statement)?.integer.map(Int.init) else {
            throw SQLRowError("COUNT(*) gave no integer")
        }
        guard total > 0 else { return ArticlePage(articles: [], total: 0, nextCursor: nil) }

        var select = SQLBuilder(database.dialect)
        let score = SearchSQL.score(search, into: &select)
        let conditions = ArticleFilterSQL.conditions(query, now: now, into: &select)
        var after = ""
        var limit = query.limit
        var offset = 0
        if let page = query.page {
            let skipped = (page - 1).multipliedReportingOverflow(by: query.limit)
            guard !skipped.overflow, skipped.partialValue < total else {
                return ArticlePage(articles: [], total: total, nextCursor: nil)
            }
            offset = skipped.partialValue
        } else {
            if let cursor = query.cursor {
                let values = [select.bind(.integer(cursor.score)), select.bind(.integer(cursor.key)), select.bind(.text(cursor.id))]
                after = " WHERE (m.score, m.key, m.id) < (\(values.joined(separator: ", ")))"
            }
            limit += 1  // one more tells whether there is a next page
        }
        let limitPlaceholder = select.bind(.integer(Int64(limit)))
        let offsetPlaceholder = select.bind(.integer(Int64(offset)))
        select.append("""
            SELECT m.seq, m.id, m.key, m.score FROM (
                SELECT a.seq AS seq, a.id AS id, a.publish_key AS key, \(score) AS score FROM articles a WHERE \(conditions)
            ) m\(after) ORDER BY m.score DESC, m.key DESC, m.id DESC LIMIT \(limitPlaceholder) OFFSET \(offsetPlaceholder)
            """)
        var chosen: [(seq: Int64, id: String, key: Int64, score: Int64)] = []
        for row in try database.rows(select.statement) {
            guard row.count == 4, let seq = row[0].integer, let id = row[1].text, let key = row[2].integer, let score = row[3].integer
            else { throw SQLRowError("bad ranked search row") }
            chosen.append((seq, id, key, score))
        }
        var next: ArticleCursor?
        if query.page == nil, chosen.count > query.limit {
            chosen.removeLast(chosen.count - query.limit)
            let last = chosen[chosen.count - 1]
            next = ArticleCursor(sort: .relevance, key: last.key, score: last.score, id: last.id)
        }
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
