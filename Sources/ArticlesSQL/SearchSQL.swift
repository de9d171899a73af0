import Articles

/// The search index in SQL, one indexed text per ranked field (`SearchText.Fields`): which articles match `q`
/// and their relevance score, both computed by the database, so a search for a common word neither reads every
/// match's text nor ranks in Swift.
///
/// - SQLite: the FTS5 table of `SQLiteSearchIndex` (from schema version 3; version 2's `article_fields`,
///   columns title, summary, body and rowid `seq`, is only built on the way there). A phrase matches inside one
///   field only, so the MATCH is exact; the prefixed title and summary tokens tell which field holds a term.
///   Searches without other filters are answered from the index alone (`SQLArticleReads+IndexedSearch`).
/// - PostgreSQL: three tsvector columns of `articles` (`search_title`, `search_summary`, `search_body`), and
///   `search_words`, every word of the three without positions (`strip`: small, so cheap to test row by row
///   when most rows match) with a GIN index, which finds the articles holding every word; each phrase is then
///   checked field by field (`<->`), and `@@` on a field's vector tells which field holds a term.
public enum SearchSQL {
    /// SQLite's FTS5 table of schema version 2 (replaced by `SQLiteSearchIndex.table` in version 3).
    public static let fieldsTable = "article_fields"

    /// PostgreSQL's tsvector columns, in field order.
    public static let columnNames = ["search_title", "search_summary", "search_body"]

    /// PostgreSQL's column of every word, without positions.
    static let wordsColumn = "search_words"

    /// The migration from the single `search_text` index of the first schema to one indexed text per field.
    /// Its statements run first, then `backfill` (the folding is Swift's), in the same transaction.
    public static func fieldsMigration(for dialect: SQLDialect) -> [String] {
        switch dialect {
        case .sqlite:
            [
                "DROP TRIGGER articles_search_insert",
                "DROP TRIGGER articles_search_delete",
                "DROP TRIGGER articles_search_update",
                "DROP TABLE \(ArticleSchema.searchTable)",
                "ALTER TABLE articles DROP COLUMN search_text",
                // remove_diacritics 0: the text is folded in Swift already. columnsize=0: no BM25, so no sizes.
                """
                CREATE VIRTUAL TABLE \(fieldsTable) USING fts5(title, summary, body,
                    tokenize='unicode61 remove_diacritics 0', columnsize=0)
                """,
            ]
        case .postgres:
            [
                "ALTER TABLE articles DROP COLUMN search_vector",
                "ALTER TABLE articles DROP COLUMN search_text",
            ] + (columnNames + [wordsColumn]).map { "ALTER TABLE articles ADD COLUMN \($0) tsvector NOT NULL DEFAULT ''" } + [
                "CREATE INDEX articles_search ON articles USING GIN (\(wordsColumn))",
            ]
        }
    }

    /// Indexes every article already stored (the migration's second half).
    public static func backfill(in database: some SQLExecutor) throws {
        for article in try SQLArticleReads.allArticles(in: database) {
            switch database.dialect {
            case .sqlite:
                // Version 2's table, whatever the newest index is: later migrations convert it.
                let fields = SearchText.fields(of: article)
                try database.run(SQLStatement(
                    "INSERT INTO \(fieldsTable) (rowid, title, summary, body) SELECT seq, ?, ?, ? FROM articles WHERE id = ?",
                    [.text(fields.title), .text(fields.summary), .text(fields.body), .text(article.id)]))
            case .postgres:
                let fields = SearchText.fields(of: article)
                try database.run(SQLStatement(
                    """
                    UPDATE articles SET \(postgresAssignments(title: "$1", summary: "$2", body: "$3")) WHERE id = $4
                    """,
                    [.text(fields.title), .text(fields.summary), .text(fields.body), .text(article.id)]))
            }
        }
    }

    /// PostgreSQL's search columns and their values from the three texts' placeholders (each used twice).
    static func postgresAssignments(title: String, summary: String, body: String) -> String {
        let vectors = [title, summary, body].map { "to_tsvector('simple', \($0))" }
        return zip(columnNames, vectors).map { "\($0.0) = \($0.1)" }.joined(separator: ", ")
            + ", \(wordsColumn) = strip(\(vectors.joined(separator: " || ")))"
    }

    // MARK: Writes (SQLite: PostgreSQL's vectors are columns of the article's row)

    /// Adds the stored article `article.id` to the index.
    static func index(_ article: Article, in database: some SQLExecutor) throws {
        guard database.dialect == .sqlite else { return }
        try SQLiteSearchIndex.index(article, in: database)
    }

    /// Removes the stored article `id` from the index (before its row changes or goes).
    static func unindex(id: Article.ID, in database: some SQLExecutor) throws {
        guard database.dialect == .sqlite else { return }
        try SQLiteSearchIndex.unindex(id: id, in: database)
    }

    // MARK: Reads

    /// The condition on `articles a` that holds exactly when the article matches `search`: every term in some
    /// field, every phrase's words consecutive inside one field.
    static func condition(_ search: SearchQuery, into builder: inout SQLBuilder) -> String {
        switch builder.dialect {
        case .sqlite:
            return indexMatch(SQLiteSearchIndex.match(runs(of: search)), into: &builder)
        case .postgres:
            let words = builder.bind(.text(search.allWords.map { "'\(SearchText.token($0))'" }.joined(separator: " & ")))
            var parts = ["a.\(wordsColumn) @@ to_tsquery('simple', \(words))"]
            for phrase in search.phrases {
                let query = builder.bind(.text(tsPhrase(phrase)))
                let inField = columnNames.map { "a.\($0) @@ to_tsquery('simple', \(query))" }
                parts.append("(" + inField.joined(separator: " OR ") + ")")
            }
            return parts.joined(separator: " AND ")
        }
    }

    /// The relevance score of an article that matches `search` (see `condition`): per term and per phrase, 100
    /// if the title holds it, else 10 if the summary or a tag does, else 1 (the body, where it must then be).
    static func score(_ search: SearchQuery, into builder: inout SQLBuilder) -> String {
        let parts = runs(of: search).map { run in
            let title = inField(0, run, into: &builder)
            let summary = inField(1, run, into: &builder)
            return "CASE WHEN \(title) THEN \(Relevance.titleWeight) WHEN \(summary) THEN \(Relevance.summaryOrTagWeight) "
                + "ELSE \(Relevance.bodyWeight) END"
        }
        return "(" + parts.joined(separator: " + ") + ")"
    }

    /// True when field `field` (0 title, 1 summary and tags, 2 body) of `articles a` holds `run` consecutively.
    private static func inField(_ field: Int, _ run: [String], into builder: inout SQLBuilder) -> String {
        switch builder.dialect {
        case .sqlite:
            return indexMatch(SQLiteSearchIndex.match(run, in: field == 0 ? .title : field == 1 ? .summary : .body), into: &builder)
        case .postgres:
            return "a.\(columnNames[field]) @@ to_tsquery('simple', \(builder.bind(.text(tsPhrase(run)))))"
        }
    }

    /// The terms, each a run of one word, then the phrases: what the relevance rule weighs one by one.
    static func runs(of search: SearchQuery) -> [[String]] {
        search.terms.map { [$0] } + search.phrases
    }

    private static func indexMatch(_ match: String, into builder: inout SQLBuilder) -> String {
        let table = SQLiteSearchIndex.table
        return "a.search_key IN (SELECT rowid FROM \(table) WHERE \(table) MATCH \(builder.bind(.text(match))))"
    }

    /// A `to_tsquery` text: the run's tokens joined by `<->` (one token alone is a plain lexeme).
    private static func tsPhrase(_ run: [String]) -> String {
        run.map { "'\(SearchText.token($0))'" }.joined(separator: " <-> ")
    }
}
