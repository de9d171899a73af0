import ArticlesSQL

/// The schema's versions, applied in order, each exactly once per database however many instances start at
/// once: every instance takes the same session advisory lock first, so one applies what is missing while the
/// others wait, and then find nothing left to do. Each migration and its row in `schema_migrations` commit
/// together, so a crash mid-migration leaves it unapplied, never half-applied.
enum Migrations {
    /// The advisory lock key every Dateline instance agrees on ("dateline" in ASCII, as a bigint).
    static let lockKey = "7233190455493095013"

    /// (version, statements), in order. Never edit a released one: add a new version. A migration's `backfill`
    /// (work the SQL cannot do, such as folding text) runs after its statements, in the same transaction.
    static let all: [(version: Int, statements: [String], backfill: (@Sendable (PGConnection) throws -> Void)?)] = [
        (1, ArticleSchema.createTables(for: .postgres), nil),
        // The change log other instances read after a NOTIFY (or after missing some while disconnected).
        (2, [
            """
            CREATE TABLE store_changes (
                version BIGINT PRIMARY KEY,
                kind TEXT NOT NULL,
                id TEXT COLLATE "C" NOT NULL,
                slug TEXT COLLATE "C" NOT NULL,
                before_slug TEXT COLLATE "C"
            )
            """,
        ], nil),
        // Each instance's listener connection records here how far it has handed changes over; a writer waits
        // (briefly) until every live listener has its change, so what it acknowledged is what every instance
        // serves. Rows of listeners that are gone are ignored (joined with pg_stat_activity) and reused by pid.
        (3, [
            "CREATE TABLE store_listeners (pid INTEGER PRIMARY KEY, delivered BIGINT NOT NULL)",
        ], nil),
        // One tsvector per ranked field, so PostgreSQL computes the relevance score (SearchSQL).
        (4, SearchSQL.fieldsMigration(for: .postgres), { try SearchSQL.backfill(in: $0) }),
        // Per search token, bitmaps of the articles holding it: counts and relevance groups without visiting
        // every match's row (SearchPostings). A relevance page walks the visible articles newest first for
        // their seqs, or looks its group's seqs up: with the seq in the one index and the key and id in the
        // other, neither visits the table (10x faster at 100,000).
        (5, SearchPostings.createTable(for: .postgres) + [
            "CREATE INDEX articles_visible_seq ON articles (status, publish_key, id) INCLUDE (seq)",
            "DROP INDEX articles_status_publish",
            // A relevance group's seqs to their publication keys and ids by the key's index alone.
            "ALTER TABLE articles DROP CONSTRAINT articles_pkey, ADD PRIMARY KEY (seq) INCLUDE (publish_key, id)",
        ], { try SearchPostings.rebuild(in: $0) }),
        // Postings of the list filters' values too: a search with a category, tags, an author, a language or
        // `breaking` is counted from the bitmaps rather than through the GIN index and every match's row.
        (6, [], { try SearchPostings.addFilterTokens(in: $0) }),
    ]

    /// Applies the missing migrations on `connection`; returns the versions it applied (empty when another
    /// instance had applied them all).
    @discardableResult
    static func apply(on connection: PGConnection) throws -> [Int] {
        try connection.execute("SELECT pg_advisory_lock(\(lockKey))")
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(\(lockKey))") }
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )
            """)
        let done = Set(try connection.execute("SELECT version FROM schema_migrations").rows.compactMap { $0.first?.integer })
        var applied: [Int] = []
        for migration in all where !done.contains(Int64(migration.version)) {
            try connection.transaction {
                for statement in migration.statements { try connection.execute(statement) }
                try migration.backfill?(connection)
                try connection.execute("INSERT INTO schema_migrations (version) VALUES ($1)", [String(migration.version)])
            }
            applied.append(migration.version)
        }
        return applied
    }
}
