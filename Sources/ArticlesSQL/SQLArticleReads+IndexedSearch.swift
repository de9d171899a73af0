import Articles

extension SQLArticleReads {
    /// The most runs (terms and phrases) a relevance search is answered tier by tier for: a tier's expression
    /// has one alternative per way of placing the runs (up to 3^n in all), and for n ≤ 10 the score orders
    /// tiers by title count, then summary count.
    static let maximumTieredRuns = 5

    /// Whether `indexedPage` answers `query`: SQLite, a search, and no filter but the status (the index knows
    /// only the words, the status and the publication time); sorted by relevance (with few enough runs),
    /// newest or oldest.
    static func answeredFromIndex(_ query: ArticleQuery, dialect: SQLDialect) -> Bool {
        guard dialect == .sqlite, let search = query.search else { return false }
        let filtered = !query.categories.isEmpty || !query.tagsAll.isEmpty || !query.tagsAny.isEmpty
            || !query.tagsExcluded.isEmpty || !query.authors.isEmpty || !query.languages.isEmpty
            || query.breaking != nil || query.from != nil || query.to != nil
        switch query.sort {
        case .relevance: return !filtered && SearchSQL.runs(of: search).count <= maximumTieredRuns
        case .newest, .oldest: return !filtered
        case .updated: return false
        }
    }

    /// A search page from `SQLiteSearchIndex` alone, identical to the memory store's.
    ///
    /// The total is one FTS5 count (status token and rowid bound included). By relevance, the matches fall in
    /// tiers of equal score (so many runs in the title, so many in the summary or tags), each an FTS5
    /// expression; tiers are read best first and each in rowid order (newest first), so a page reads about as
    /// many rows as it shows, however many articles match. Only tiers the page reaches are read; a numbered
    /// page counts whole tiers to skip them.
    static func indexedPage<D: SQLExecutor>(
        _ search: SearchQuery, query: ArticleQuery, now: Timestamp, in database: D
    ) throws -> ArticlePage {
        let runs = SearchSQL.runs(of: search)
        let state = SQLiteSearchIndex.state(query.status)
        func restricted(_ expression: String) -> String {
            state.map { "(\(expression)) AND \($0)" } ?? expression
        }
        let visible = KeyRange(lower: .min, upper: SQLiteSearchIndex.upperKey(query.status, now: now) ?? .max)
        let total = try IndexReader<D>.count(restricted(SQLiteSearchIndex.match(runs)), in: visible, database)
        guard total > 0 else { return ArticlePage(articles: [], total: 0, nextCursor: nil) }

        var tiers: [(score: Int64, expression: String)] = []
        if query.sort == .relevance {
            let count = runs.count
            for titles in (0...count).reversed() {
                for summaries in (0...(count - titles)).reversed() {
                    let score = Relevance.titleWeight * Int64(titles) + Relevance.summaryOrTagWeight * Int64(summaries)
                        + Relevance.bodyWeight * Int64(count - titles - summaries)
                    tiers.append((score, SQLiteSearchIndex.tier(runs, titles: titles, summaries: summaries)))
                }
            }
        } else {
            tiers.append((0, SQLiteSearchIndex.match(runs)))
        }
        let descending = query.sort != .oldest

        guard let window = PageWindow(query, total: total) else { return ArticlePage(articles: [], total: total, nextCursor: nil) }
        var skip = window.skip
        let wanted = window.wanted
        var chosen: [IndexReader<D>.Row] = []
        var scores: [Int64] = []
        for tier in tiers {
            var after: ArticleCursor?
            if let cursor = query.cursor {
                if query.sort == .relevance {
                    if tier.score > cursor.score { continue }
                    if tier.score == cursor.score { after = cursor }
                } else {
                    after = cursor
                }
            }
            let expression = restricted(tier.expression)
            if skip > 0 {
                let size = tiers.count == 1 ? total : try IndexReader<D>.count(expression, in: visible, database)
                if skip >= size {
                    skip -= size
                    continue
                }
            }
            let rows = try IndexReader(expression: expression, range: visible, descending: descending, database: database)
                .rows(from: skip, count: wanted - chosen.count, after: after)
            skip = 0
            chosen += rows
            scores += repeatElement(tier.score, count: rows.count)
            if chosen.count == wanted { break }
        }

        var next: ArticleCursor?
        if query.page == nil, chosen.count > query.limit {
            chosen.removeLast(chosen.count - query.limit)
            let last = chosen[chosen.count - 1]
            let sort = query.sort
            next = sort == .relevance
                ? ArticleCursor(sort: sort, key: last.key, score: scores[chosen.count - 1], id: last.id)
                : ArticleCursor(sort: sort, key: last.key, id: last.id)
        }
        let articles = try articles(seqs: chosen.map { ($0.seq, $0.id) }, in: database)
        return ArticlePage(articles: articles, total: total, nextCursor: next)
    }

    /// The articles `chosen` names (seq and id), whole, in that order.
    static func articles(seqs chosen: [(seq: Int64, id: String)], in database: some SQLExecutor) throws -> [Article] {
        guard !chosen.isEmpty else { return [] }
        var fetch = SQLBuilder(database.dialect)
        let seqs = chosen.map { fetch.bind(.integer($0.seq)) }.joined(separator: ", ")
        fetch.append("SELECT \(ArticleColumns.selectList) FROM articles a WHERE a.seq IN (\(seqs))")
        var byID: [String: Article] = [:]
        for row in try database.rows(fetch.statement) {
            let article = try ArticleColumns.article(from: row)
            byID[article.id] = article
        }
        return try chosen.map { match in
            guard let article = byID[match.id] else { throw SQLRowError("article \(match.id) vanished within one read") }
            return article
        }
    }
}

/// An inclusive range of search keys.
struct KeyRange {
    var lower: Int64
    var upper: Int64

    var isEmpty: Bool { lower > upper }
}

/// Reads one FTS5 expression's matches in sort order: by search key, then (within one second, where the key's
/// slot is not the id order) by id, in `descending` or ascending order.
struct IndexReader<Database: SQLExecutor> {
    /// A match: the article's seq, id and publication key (`publish_key`, from the search key).
    struct Row {
        var seq: Int64
        var id: String
        var key: Int64
    }

    let expression: String
    let range: KeyRange
    let descending: Bool
    let database: Database

    /// How many articles match `expression` with a search key in `range`.
    static func count(_ expression: String, in range: KeyRange, _ database: Database) throws -> Int {
        let table = SQLiteSearchIndex.table
        guard !range.isEmpty else { return 0 }
        let statement = SQLStatement(
            "SELECT count(*) FROM \(table) WHERE \(table) MATCH ? AND rowid >= ? AND rowid <= ?",
            [.text(expression), .integer(range.lower), .integer(range.upper)])
        guard let count = try database.value(statement)?.integer else { throw SQLRowError("count(*) gave no integer") }
        return Int(count)
    }

    /// Up to `count` rows from sort position `position` (0 is the first), all strictly after `after` (a
    /// cursor's key and id) when given.
    func rows(from position: Int, count: Int, after: ArticleCursor?) throws -> [Row] {
        var range = range
        if let after {
            let first = SQLiteSearchIndex.firstKey(ofSecond: after.key)
            if descending {
                range.upper = min(range.upper, SQLiteSearchIndex.lastKey(ofSecond: after.key))
            } else {
                range.lower = max(range.lower, first)
            }
        }
        var position = position
        var result: [Row] = []
        while result.count < count, !range.isEmpty {
            let wanted = count - result.count
            let slice = try keys(in: range, limit: wanted, offset: position)
            guard let first = slice.first, let last = slice.last else { break }
            // The seconds the slice spans, whole: within one second the slot order is not the id order.
            let near = SQLiteSearchIndex.publishKey(of: first)
            let far = SQLiteSearchIndex.publishKey(of: last)
            var window = range
            if descending {
                window.upper = min(range.upper, SQLiteSearchIndex.lastKey(ofSecond: near))
                window.lower = max(range.lower, SQLiteSearchIndex.firstKey(ofSecond: far))
            } else {
                window.lower = max(range.lower, SQLiteSearchIndex.firstKey(ofSecond: near))
                window.upper = min(range.upper, SQLiteSearchIndex.lastKey(ofSecond: far))
            }
            // The window's place in the sort order: after every match of a nearer second.
            var before = 0
            if position > 0 {
                var nearer = range
                if descending {
                    nearer.lower = window.upper == .max ? .max : window.upper + 1
                    if window.upper == .max { nearer.upper = .min }
                } else {
                    nearer.upper = window.lower == .min ? .min : window.lower - 1
                    if window.lower == .min { nearer.lower = .max }
                }
                before = try Self.count(expression, in: nearer, database)
            }
            var rows = try resolve(try keys(in: window, limit: -1, offset: 0))
            if let after {
                rows.removeAll { row in
                    descending
                        ? row.key > after.key || row.key == after.key && row.id >= after.id
                        : row.key < after.key || row.key == after.key && row.id <= after.id
                }
            }
            rows.sort { descending ? ($0.key, $0.id) > ($1.key, $1.id) : ($0.key, $0.id) < ($1.key, $1.id) }
            let start = position - before
            if start < rows.count { result += rows[start..<min(rows.count, start + wanted)] }
            if slice.count < wanted { break }
            // Go on past the window (only when a cursor's second dropped rows).
            position = 0
            if descending {
                guard window.lower > Int64.min else { break }
                range.upper = window.lower - 1
            } else {
                guard window.upper < Int64.max else { break }
                range.lower = window.upper + 1
            }
        }
        return result
    }

    /// The search keys of matches in `range`, in sort order (`limit` -1: all).
    private func keys(in range: KeyRange, limit: Int, offset: Int) throws -> [Int64] {
        guard !range.isEmpty else { return [] }
        let table = SQLiteSearchIndex.table
        let statement = SQLStatement(
            """
            SELECT rowid FROM \(table) WHERE \(table) MATCH ? AND rowid >= ? AND rowid <= ? \
            ORDER BY rowid \(descending ? "DESC" : "ASC") LIMIT ? OFFSET ?
            """,
            [.text(expression), .integer(range.lower), .integer(range.upper), .integer(Int64(limit)), .integer(Int64(offset))])
        return try database.rows(statement).map { row in
            guard let key = row.first?.integer else { throw SQLRowError("a search key is not an integer") }
            return key
        }
    }

    /// The articles of `keys` (seq, id and publication key), in no particular order.
    private func resolve(_ keys: [Int64]) throws -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(keys.count)
        var start = 0
        while start < keys.count {
            let chunk = keys[start..<min(keys.count, start + 500)]
            start += chunk.count
            var builder = SQLBuilder(database.dialect)
            let list = chunk.map { builder.bind(.integer($0)) }.joined(separator: ", ")
            // Covered by the (search_key, id) index, whose entries hold the seq too: no article row is read.
            builder.append("SELECT seq, id, search_key FROM articles WHERE search_key IN (\(list))")
            for row in try database.rows(builder.statement) {
                guard row.count == 3, let seq = row[0].integer, let id = row[1].text, let key = row[2].integer else {
                    throw SQLRowError("bad search key row")
                }
                rows.append(Row(seq: seq, id: id, key: SQLiteSearchIndex.publishKey(of: key)))
            }
        }
        guard rows.count == keys.count else { throw SQLRowError("the search index and the articles disagree") }
        return rows
    }
}
