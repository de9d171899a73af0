import ArticlesSQL
import Foundation

/// The schema's versions, applied in order at start-up, each once, each in its own transaction, and recorded
/// in `schema_migrations` (version, applied_at). A database from a newer build (a version this one does not
/// know) is refused rather than misread.
enum SQLiteMigrations {
    struct Migration {
        var version: Int
        var summary: String
        var statements: [String]
        /// Runs after the statements, in the same transaction (work the SQL cannot do, such as folding text).
        var backfill: (@Sendable (SQLiteConnection) throws -> Void)? = nil
    }

    /// Every migration, oldest first. Append only: a released migration is never edited.
    static let all: [Migration] = [
        Migration(version: 1, summary: "articles, tags, retired ids, store version, FTS5 search", statements: ArticleSchema.createTables(for: .sqlite)),
        Migration(
            version: 2, summary: "FTS5 search by field (title, summary and tags, body), ranked by SQLite; covering indexes",
            statements: SearchSQL.fieldsMigration(for: .sqlite) + [
                // Readers' facets and flags without reading every article's row (a row holds its body): the
                // category facet read the whole table (minutes from a cold cache at 100,000 articles).
                "DROP INDEX articles_status_publish",
                "CREATE INDEX articles_visible ON articles (status, publish_key, id, breaking)",
                "CREATE INDEX articles_status_category ON articles (status, category, publish_key)",
            ],
            backfill: { try SearchSQL.backfill(in: $0) }),
        Migration(
            version: 3,
            summary: "search index keyed by publication time (pages in index order), title and summary tokens of their own, status",
            statements: SQLiteSearchIndex.migration),
        Migration(
            version: 4, summary: "search postings: per token, bitmaps of the articles holding it (counts and relevance groups)",
            statements: SearchPostings.createTable(for: .sqlite) + [
                // A relevance group's seqs to their publication keys and ids by index, not through each row
                // (whose key lies past its body).
                "CREATE INDEX articles_seq_order ON articles (seq, publish_key, id)",
            ],
            backfill: { try SearchPostings.rebuild(in: $0) }),
        Migration(
            version: 5, summary: "search postings of the list filters' values (category, tags, author, language, breaking)",
            statements: [], backfill: { try SearchPostings.addFilterTokens(in: $0) }),
    ]

    /// Applies the missing migrations; returns the versions it applied.
    static func apply(on connection: SQLiteConnection) throws -> [Int] {
        try connection.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)")
        var applied: [Int] = []
        for migration in all {
            // Checked inside the write transaction, so two processes starting together apply it once.
            let done = try connection.transaction(immediate: true) { () -> Bool in
                let present = try connection.rows(SQLStatement("SELECT 1 FROM schema_migrations WHERE version = ?", [.integer(Int64(migration.version))]))
                if !present.isEmpty { return true }
                for statement in migration.statements { try connection.execute(statement) }
                try migration.backfill?(connection)
                try connection.run(SQLStatement(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    [.integer(Int64(migration.version)), .integer(Int64(Date().timeIntervalSince1970))]))
                return false
            }
            if !done { applied.append(migration.version) }
        }
        // A migration that rewrote the index left its pages in the WAL (a gigabyte at 100,000 articles): copy
        // them into the file now, so readers do not look each page up in the WAL, and cut the WAL.
        if !applied.isEmpty { try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
        let newest = try connection.rows(SQLStatement("SELECT MAX(version) FROM schema_migrations")).first?.first?.integer ?? 0
        if newest > Int64(all.last?.version ?? 0) {
            throw SQLiteError(
                code: 0, message: "the database has schema version \(newest); this build knows up to \(all.last?.version ?? 0)",
                call: "migrate")
        }
        return applied
    }
}
