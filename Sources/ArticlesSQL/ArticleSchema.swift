/// The tables both database stores keep articles in. Each store applies `createTables(for:)` as its first
/// schema migration (and any later ones itself).
///
/// - `articles`: one row per article, the contract's fields plus keys derived in Swift so every store filters
///   and sorts on the same values: `author_key`/`language_key` (lowercased), `publish_key` (`published_at`,
///   else `created_at`), and (in this first version) `search_text`, every field's folded words. Times are whole seconds since 1970; `tags`
///   and `related` are joined with `,` (their values are slug- and id-shaped, so they cannot hold one).
/// - `article_tags`: (tag, article_id) pairs for the tag filters, the rail and the tag facet.
/// - `retired_ids`: ids of deleted articles, never given out again.
/// - `store_meta`: one row holding the store's version, raised by one per write.
/// - Search, in this first version: SQLite indexes `search_text` with an external-content FTS5 table kept by
///   triggers; PostgreSQL with a generated tsvector column and a GIN index. The second replaces both with one
///   indexed text per ranked field (`SearchSQL.fieldsMigration`).
public enum ArticleSchema {
    /// The first version's FTS5 table (SQLite only), dropped by the second.
    public static let searchTable = "article_search"

    /// The statements that create the schema's first version, in order, for `dialect`.
    public static func createTables(for dialect: SQLDialect) -> [String] {
        // PostgreSQL compares text by the database's collation unless told otherwise; ids, slugs and tags
        // must sort by their bytes in every store, as Swift's < does for them.
        let text = dialect == .postgres ? "TEXT COLLATE \"C\"" : "TEXT"
        let integer = dialect == .postgres ? "BIGINT" : "INTEGER"
        let sequence = dialect == .postgres ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY"
        var statements = [
            "CREATE TABLE store_meta (singleton \(integer) PRIMARY KEY CHECK (singleton = 1), version \(integer) NOT NULL)",
            "INSERT INTO store_meta (singleton, version) VALUES (1, 0)",
            """
            CREATE TABLE articles (
                seq \(sequence),
                id \(text) NOT NULL UNIQUE,
                slug \(text) NOT NULL UNIQUE,
                title \(text) NOT NULL,
                summary \(text),
                body \(text) NOT NULL,
                author \(text),
                author_key \(text),
                category \(text) NOT NULL,
                tags \(text) NOT NULL,
                language \(text) NOT NULL,
                language_key \(text) NOT NULL,
                breaking \(integer) NOT NULL,
                status \(text) NOT NULL,
                published_at \(integer),
                publish_key \(integer) NOT NULL,
                created_at \(integer) NOT NULL,
                updated_at \(integer) NOT NULL,
                related \(text) NOT NULL,
                version \(integer) NOT NULL,
                search_text \(text) NOT NULL
            )
            """,
            "CREATE INDEX articles_status_publish ON articles (status, publish_key, id)",
            "CREATE INDEX articles_publish ON articles (publish_key, id)",
            "CREATE INDEX articles_updated ON articles (updated_at, id)",
            "CREATE INDEX articles_category ON articles (category, publish_key, id)",
            "CREATE INDEX articles_author ON articles (author_key, publish_key, id)",
            "CREATE INDEX articles_language ON articles (language_key, publish_key, id)",
            "CREATE INDEX articles_scheduled ON articles (status, published_at)",
            "CREATE TABLE article_tags (tag \(text) NOT NULL, article_id \(text) NOT NULL, PRIMARY KEY (tag, article_id))"
                + (dialect == .sqlite ? " WITHOUT ROWID" : ""),
            "CREATE INDEX article_tags_article ON article_tags (article_id)",
            "CREATE TABLE retired_ids (id \(text) PRIMARY KEY)",
        ]
        switch dialect {
        case .sqlite:
            statements += [
                // remove_diacritics 0: the text is folded in Swift already (see SearchText).
                """
                CREATE VIRTUAL TABLE \(searchTable) USING fts5(search_text, content='articles', content_rowid='seq',
                    tokenize='unicode61 remove_diacritics 0')
                """,
                """
                CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO \(searchTable) (rowid, search_text) VALUES (new.seq, new.search_text);
                END
                """,
                """
                CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
                    INSERT INTO \(searchTable) (\(searchTable), rowid, search_text) VALUES ('delete', old.seq, old.search_text);
                END
                """,
                """
                CREATE TRIGGER articles_search_update AFTER UPDATE ON articles BEGIN
                    INSERT INTO \(searchTable) (\(searchTable), rowid, search_text) VALUES ('delete', old.seq, old.search_text);
                    INSERT INTO \(searchTable) (rowid, search_text) VALUES (new.seq, new.search_text);
                END
                """,
            ]
        case .postgres:
            statements += [
                "ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
                "CREATE INDEX articles_search ON articles USING GIN (search_vector)",
            ]
        }
        return statements
    }
}
