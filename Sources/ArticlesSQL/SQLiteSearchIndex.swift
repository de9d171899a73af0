import Articles

/// SQLite's search index from schema version 3: one FTS5 table, `article_index`, whose rowid is the article's
/// *search key* and whose columns make every question a search asks a short doclist.
///
/// - The search key is `publish_key · 2^24 + slot` (`slot` tells apart articles of the same second), kept in
///   `articles.search_key`. FTS5 walks rowids in order, so "newest first" is the index's own order: a page is
///   the first rows of a `MATCH … ORDER BY rowid DESC`, never a sort of every match, and "visible at `now`"
///   (`publish_key <= now`) is a rowid bound. Ties of one second are put in id order in Swift.
/// - Columns: `words`, every field's tokens (title, summary with tags, body, with `SearchText.separator`
///   between fields so a phrase never spans two); `title` and `summary`, the same tokens prefixed with `xt` and
///   `xs`, so "in the title" is the doclist of `xtdrought` (the titles holding it), not `drought`'s (every
///   article holding it) filtered by column; `state`, the article's status as one token (`xpublished` ...), so
///   a count of visible matches is one FTS5 query. No word's token starts with `xt`, `xs` or `xp`/`xd`/`xa`
///   followed by a letter that is no hex digit, so a plain token is found in `words` only; the prefixed columns
///   are queried with their column filters all the same.
public enum SQLiteSearchIndex {
    /// The FTS5 table.
    public static let table = "article_index"

    /// Slots per second of publication time in a search key.
    static let slotsPerSecond: Int64 = 1 << 24

    /// The migration to this index (schema version 3), from version 2's `article_fields`: SQL only (the
    /// folded tokens are there already), so an existing database upgrades at start in seconds.
    public static let migration: [String] = [
        "ALTER TABLE articles ADD COLUMN search_key INTEGER",
        // Slots numbered by seq within each second: unique, as the FTS5 rowid must be.
        """
        UPDATE articles SET search_key = keyed.search_key FROM (
            SELECT seq, publish_key * \(slotsPerSecond) + ROW_NUMBER() OVER (PARTITION BY publish_key ORDER BY seq) - 1 AS search_key
            FROM articles
        ) keyed WHERE articles.seq = keyed.seq
        """,
        "CREATE INDEX articles_search_key ON articles (search_key, id)",
        // remove_diacritics 0: the text is folded in Swift already. columnsize=0: no BM25, so no sizes.
        """
        CREATE VIRTUAL TABLE \(table) USING fts5(words, title, summary, state,
            tokenize='unicode61 remove_diacritics 0', columnsize=0)
        """,
        """
        INSERT INTO \(table) (rowid, words, title, summary, state)
        SELECT a.search_key, f.title || ' \(SearchText.separator) ' || f.summary || ' \(SearchText.separator) ' || f.body,
            \(prefixedSQL("f.title", titlePrefix)), \(prefixedSQL("f.summary", summaryPrefix)),
            CASE a.status \(ArticleStatus.allCases.map { "WHEN '\($0.rawValue)' THEN '\(stateToken($0))'" }.joined(separator: " ")) END
        FROM \(SearchSQL.fieldsTable) f JOIN articles a ON a.seq = f.rowid
        """,
        "DROP TABLE \(SearchSQL.fieldsTable)",
        // One segment per token: a query then reads one doclist, not one per segment the bulk insert left.
        "INSERT INTO \(table) (\(table)) VALUES ('optimize')",
    ]

    static let titlePrefix = "xt"
    static let summaryPrefix = "xs"

    /// `column`'s space-separated tokens, each prefixed with `prefix` (SQL; `prefixed` in Swift).
    private static func prefixedSQL(_ column: String, _ prefix: String) -> String {
        "CASE WHEN \(column) = '' THEN '' ELSE '\(prefix)' || replace(\(column), ' ', ' \(prefix)') END"
    }

    /// Space-separated `tokens`, each prefixed with `prefix`.
    static func prefixed(_ tokens: String, _ prefix: String) -> String {
        tokens.isEmpty ? "" : prefix + tokens.replacingOccurrences(of: " ", with: " " + prefix)
    }

    /// The `state` column's token for `status`.
    static func stateToken(_ status: ArticleStatus) -> String {
        "x" + status.rawValue
    }

    // MARK: Writes

    /// Adds the stored article `article.id` to the index under a new search key.
    static func index(_ article: Article, in database: some SQLExecutor) throws {
        let fields = SearchText.fields(of: article)
        let publishKey = (article.publishedAt ?? article.createdAt).secondsSince1970
        let first = firstKey(ofSecond: publishKey)
        let last = lastKey(ofSecond: publishKey)
        guard last - first == slotsPerSecond - 1 else {
            throw SQLRowError("publication time \(publishKey) is out of the search key's range")
        }
        // The second's next free slot (slots are only ever taken upwards from the highest).
        let highest = try database.value(SQLStatement(
            "SELECT MAX(search_key) FROM articles WHERE search_key BETWEEN ? AND ?",
            [.integer(first), .integer(last)]))?.integer
        let key = highest.map { $0 + 1 } ?? first
        guard key <= last else { throw SQLRowError("more than \(slotsPerSecond) articles published in one second") }
        try database.run(SQLStatement("UPDATE articles SET search_key = ? WHERE id = ?", [.integer(key), .text(article.id)]))
        let separator = " \(SearchText.separator) "
        try database.run(SQLStatement(
            "INSERT INTO \(table) (rowid, words, title, summary, state) VALUES (?, ?, ?, ?, ?)",
            [
                .integer(key), .text(fields.title + separator + fields.summary + separator + fields.body),
                .text(prefixed(fields.title, titlePrefix)), .text(prefixed(fields.summary, summaryPrefix)),
                .text(stateToken(article.status)),
            ]))
    }

    /// Removes the stored article `id` from the index (before its row changes or goes).
    static func unindex(id: Article.ID, in database: some SQLExecutor) throws {
        try database.run(SQLStatement(
            "DELETE FROM \(table) WHERE rowid = (SELECT search_key FROM articles WHERE id = ?)", [.text(id)]))
    }

    // MARK: Match expressions

    /// Where a run (a term, or a phrase's words) must be for a weight.
    enum Place {
        /// In the title.
        case title
        /// In the summary or a tag, not in the title.
        case summary
        /// In the body only.
        case body
    }

    /// The FTS5 expression: every run somewhere (a phrase inside one field).
    ///
    /// Plain tokens occur in `words` only (the other columns hold prefixed tokens no word maps to), so they
    /// need no column filter, which would cost a look at every match's position list: a third of a count.
    static func match(_ runs: [[String]]) -> String {
        "(" + runs.map { phrase($0, prefix: "") }.joined(separator: " AND ") + ")"
    }

    /// The FTS5 expression: `run` in `place` (the best field holding it).
    static func match(_ run: [String], in place: Place) -> String {
        let title = "{title} : " + phrase(run, prefix: titlePrefix)
        let summary = "{summary} : " + phrase(run, prefix: summaryPrefix)
        switch place {
        case .title: return title
        case .summary: return "(\(summary) NOT \(title))"
        case .body: return "(\(phrase(run, prefix: "")) NOT \(title) NOT \(summary))"
        }
    }

    /// The FTS5 expression for the articles whose relevance has exactly `titles` runs in the title and
    /// `summaries` in the summary or tags (the rest in the body): one alternative per way to place the runs.
    static func tier(_ runs: [[String]], titles: Int, summaries: Int) -> String {
        var alternatives: [String] = []
        func place(_ index: Int, _ titles: Int, _ summaries: Int, _ parts: [String]) {
            let left = runs.count - index
            guard titles + summaries <= left else { return }
            if index == runs.count {
                alternatives.append("(" + parts.joined(separator: " AND ") + ")")
                return
            }
            if titles > 0 { place(index + 1, titles - 1, summaries, parts + [match(runs[index], in: .title)]) }
            if summaries > 0 { place(index + 1, titles, summaries - 1, parts + [match(runs[index], in: .summary)]) }
            if titles + summaries < left { place(index + 1, titles, summaries, parts + [match(runs[index], in: .body)]) }
        }
        place(0, titles, summaries, [])
        return alternatives.joined(separator: " OR ")
    }

    /// The FTS5 expression for `filter`'s status, or nil when any status passes (visibility's time bound is
    /// the rowid's: `upperKey`).
    static func state(_ filter: StatusFilter) -> String? {
        switch filter {
        case .visible, .published: "{state} : \(stateToken(.published))"
        case .draft: "{state} : \(stateToken(.draft))"
        case .archived: "{state} : \(stateToken(.archived))"
        case .any: nil
        }
    }

    /// The highest search key `filter` admits at `now` (visible: published at or before `now`), or nil.
    static func upperKey(_ filter: StatusFilter, now: Timestamp) -> Int64? {
        filter == .visible ? lastKey(ofSecond: now.secondsSince1970) : nil
    }

    /// The lowest search key of a second of publication (clamped to Int64's range).
    static func firstKey(ofSecond second: Int64) -> Int64 {
        let key = second.multipliedReportingOverflow(by: slotsPerSecond)
        return key.overflow ? (second > 0 ? .max : .min) : key.partialValue
    }

    /// The highest search key of a second of publication (clamped to Int64's range).
    static func lastKey(ofSecond second: Int64) -> Int64 {
        let first = firstKey(ofSecond: second)
        return first > .max - (slotsPerSecond - 1) ? .max : first + slotsPerSecond - 1
    }

    /// The second of publication a search key belongs to.
    static func publishKey(of searchKey: Int64) -> Int64 {
        // Floor division: keys before 1970 are negative.
        searchKey >= 0 ? searchKey / slotsPerSecond : -((-(searchKey + 1)) / slotsPerSecond) - 1
    }

    /// A run's tokens, each prefixed, in one pair of quotes (an FTS5 phrase, or one token).
    private static func phrase(_ run: [String], prefix: String) -> String {
        "\"" + run.map { prefix + SearchText.token($0) }.joined(separator: " ") + "\""
    }
}
