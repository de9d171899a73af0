public import Articles
import ArticlesSQL
import Locking
import Synchronization

/// The durable one-node store: one SQLite file in WAL mode (readers run beside the one writer), FTS5 for `q`,
/// every write one transaction that is on disk (`synchronous=FULL`) before the call returns. Answers are the
/// memory store's (the SQL is `ArticlesSQL`'s, shared with PostgreSQL).
///
/// Calls block on disk, so the API makes them on its pool of store threads; `version` is an atomic read.
/// Nothing is held in memory but the version: start-up reads no article, whatever the database's size.
public final class SQLiteStore: ArticleStore, @unchecked Sendable {
    /// The database file.
    public let path: String
    /// The schema versions this start applied (empty when the file was up to date).
    public let appliedMigrations: [Int]

    private struct Writer: @unchecked Sendable {
        let connection: SQLiteConnection
        var handlers: [@Sendable (ArticleChange) -> Void] = []
    }

    // One writer at a time (SQLite allows no more); holding it through the handlers keeps commit order.
    private let writer: LockedValue<Writer>
    private let readers: ConnectionPool
    private let storeVersion: Atomic<UInt64>

    /// Opens (creating when missing) the database at `path`, applies missing schema migrations, and opens
    /// `readers` reader connections (about the API's store thread count). With `maximumBytes` the file may not
    /// grow past that size: a write that would is refused as `.unavailable`, as on a full disk.
    public init(path: String, readers readerCount: Int = 8, maximumBytes: Int? = nil) throws {
        self.path = path
        do {
            let connection = try SQLiteConnection(path: path)
            try Self.configure(writer: connection, path: path)
            if let maximumBytes {
                let pageSize = try connection.rows(SQLStatement("PRAGMA page_size")).first?.first?.integer ?? 4096
                try connection.execute("PRAGMA max_page_count = \(max(1, Int64(maximumBytes) / pageSize))")
            }
            appliedMigrations = try SQLiteMigrations.apply(on: connection)
            let version = try SQLArticleReads.storeVersion(in: connection)
            var readers: [SQLiteConnection] = []
            for _ in 0..<max(1, readerCount) {
                let reader = try SQLiteConnection(path: path)
                try reader.execute("PRAGMA query_only = ON")
                // 16 MiB of pages each (SQLite's default is 2 MB): a search reads a few hundred rows of its
                // tokens' postings, and the common ones (the status, frequent words) then stay in the
                // connection's cache instead of being read from the file on every search.
                try reader.execute("PRAGMA cache_size = -16384")
                readers.append(reader)
            }
            writer = LockedValue(Writer(connection: connection))
            self.readers = ConnectionPool(readers)
            storeVersion = Atomic(version)
        } catch {
            throw Self.storeError(error, doing: "open the SQLite database at \(path)")
        }
    }

    private static func configure(writer connection: SQLiteConnection, path: String) throws {
        let mode = try connection.rows(SQLStatement("PRAGMA journal_mode = WAL")).first?.first?.text
        guard mode?.lowercased() == "wal" else {
            throw SQLiteError(code: 0, message: "journal_mode stayed '\(mode ?? "?")'; WAL needs a file on a local disk", call: "configure")
        }
        // FULL: an answered write is on disk, so it survives power loss, not only a crash.
        try connection.execute("PRAGMA synchronous = FULL")
    }

    /// True: every call may wait on the disk.
    public var callsMayBlock: Bool { true }

    /// Raised by every write; an atomic read.
    public var version: UInt64 {
        storeVersion.load(ordering: .acquiring)
    }

    /// By id, else by slug, any status.
    public func article(ref: String) throws -> Article? {
        try read { try SQLArticleReads.article(ref: ref, in: $0) }
    }

    /// The id and version of the article `ref` names, without reading the rest of it.
    public func currentVersion(ref: String) throws -> (id: Article.ID, version: UInt64)? {
        try read { try SQLArticleReads.currentVersion(ref: ref, in: $0) }
    }

    /// A page of the query's results; see `SQLArticleReads.page`.
    public func articles(matching query: ArticleQuery, now: Timestamp) throws -> ArticlePage {
        try read { try SQLArticleReads.page(for: query, now: now, in: $0) }
    }

    /// The rail; see `ArticleStore.related(to:limit:now:)`.
    public func related(to article: Article, limit: Int, now: Timestamp) throws -> [Article] {
        try read { try SQLArticleReads.related(to: article, limit: limit, now: now, in: $0) }
    }

    /// Facet counts over what readers see at `now`.
    public func facets(_ kind: FacetKind, prefix: String?, limit: Int?, now: Timestamp) throws -> [Facet] {
        try read { try SQLArticleReads.facets(kind, prefix: prefix, limit: limit, now: now, in: $0) }
    }

    /// The earliest publication time after `now` of a published article.
    public func nextScheduledPublication(after now: Timestamp) throws -> Timestamp? {
        try read { try SQLArticleReads.nextScheduledPublication(after: now, in: $0) }
    }

    /// How many articles have each status (every status present).
    public func countsByStatus() throws -> [ArticleStatus: Int] {
        try read { try SQLArticleReads.countsByStatus(in: $0) }
    }

    /// The visible articles' ids and breaking flags, in one narrow query.
    public func visibleBreakingFlags(at now: Timestamp) throws -> [Article.ID: Bool] {
        try read { try SQLArticleReads.visibleBreakingFlags(at: now, in: $0) }
    }

    /// Every article, any status, by id ascending.
    public func allArticles() throws -> [Article] {
        try read { try SQLArticleReads.allArticles(in: $0) }
    }

    /// Creates or replaces `article` in one transaction, on disk before it returns; see `ArticleStore.save`.
    @discardableResult
    public func save(_ article: Article, expected: UInt64?) throws -> Article {
        try write { try SQLArticleWrites.save(article, expected: expected, now: .now(), in: $0) }.after!
    }

    /// Deletes the article in one transaction (its id is retired); see `ArticleStore.delete`.
    public func delete(id: Article.ID, expected: UInt64?) throws {
        try write { try SQLArticleWrites.delete(id: id, expected: expected, in: $0) }
    }

    /// Adds `articles` in one transaction (all or nothing, one version for all; see
    /// `SQLArticleWrites.insertAll`). Tells no change handler: it is for seeding and `dateline import`.
    /// Returns the store's new version.
    @discardableResult
    public func importArticles(_ articles: [Article]) throws -> UInt64 {
        // Never nil: without `onlyIntoNewStore` the import always runs.
        try insertAll(articles, onlyIntoNewStore: false)!
    }

    /// Imports `articles` (as `importArticles`) only if nothing was ever written to the store (version 0),
    /// checked inside the import's own write transaction: of several processes seeding one new file at once,
    /// exactly one does. True if this call seeded it.
    public func seedIfEmpty(with articles: [Article]) throws -> Bool {
        guard !articles.isEmpty else { return false }
        return try insertAll(articles, onlyIntoNewStore: true) != nil
    }

    private func insertAll(_ articles: [Article], onlyIntoNewStore: Bool) throws -> UInt64? {
        try writer.withLock { writer in
            do {
                let connection = writer.connection
                // One transaction of many pages: with the default small page cache SQLite spills dirty pages to
                // the WAL and writes the same hot pages (FTS segments, index leaves) again and again, so the
                // WAL grows to the size of the database several times over. A cache that holds the transaction
                // writes each page once; afterwards the cache shrinks back and the WAL is checkpointed and cut.
                try connection.execute("PRAGMA cache_size = -\(Self.importCacheKiB)")
                // A seed waits out another process's seed of the same new file (a whole import, seconds long)
                // rather than failing after the usual 5 s: it then finds the file written and does nothing.
                if onlyIntoNewStore { try connection.execute("PRAGMA busy_timeout = \(Self.seedWaitMilliseconds)") }
                defer {
                    if onlyIntoNewStore { try? connection.execute("PRAGMA busy_timeout = 5000") }
                    try? connection.execute("PRAGMA cache_size = -2000")
                    try? connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                }
                let version: UInt64? = try connection.transaction(immediate: true) {
                    if onlyIntoNewStore, try SQLArticleReads.storeVersion(in: connection) != 0 { return nil }
                    return try SQLArticleWrites.insertAll(articles, now: .now(), in: connection)
                }
                guard let version else { return nil }
                storeVersion.store(version, ordering: .releasing)
                return version
            } catch {
                throw Self.storeError(error, doing: "import")
            }
        }
    }

    /// How long a seed waits for another process's write lock: long enough for that process's whole import.
    private static let seedWaitMilliseconds = 300_000

    /// The page cache of an import's transaction, in KiB (the default is 2,000).
    private static let importCacheKiB = 262_144

    /// Registers `handler`; it runs on the writing thread after the commit, in commit order. It must not write
    /// to this store (reads are fine).
    public func onChange(_ handler: @escaping @Sendable (ArticleChange) -> Void) {
        writer.withLock { $0.handlers.append(handler) }
    }

    // MARK: Running

    /// A read on a reader connection, in one snapshot (a page's count and rows agree).
    private func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        do {
            return try readers.withConnection { connection in
                try connection.transaction(immediate: false) { try body(connection) }
            }
        } catch {
            throw Self.storeError(error, doing: "read")
        }
    }

    /// A write in one transaction; after the commit, the version moves and the handlers hear of it.
    @discardableResult
    private func write(_ body: (SQLiteConnection) throws -> ArticleChange) throws -> ArticleChange {
        try writer.withLock { writer in
            let change: ArticleChange
            do {
                change = try writer.connection.transaction(immediate: true) { try body(writer.connection) }
            } catch {
                throw Self.storeError(error, doing: "write")
            }
            storeVersion.store(change.storeVersion, ordering: .releasing)
            for handler in writer.handlers { handler(change) }
            return change
        }
    }

    /// Store errors pass through; a database failure (disk full, I/O error, damaged file ...) becomes
    /// `.unavailable` with SQLite's words, which the API answers with 503.
    static func storeError(_ error: any Error, doing action: String) -> any Error {
        if error is ArticleStoreError { return error }
        return ArticleStoreError.unavailable(reason: "SQLite could not \(action): \(error)")
    }
}
