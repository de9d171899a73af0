public import Articles
import ArticlesSQL
import Synchronization

/// The articles in PostgreSQL, shared by any number of Dateline instances (`postgres://user@host:port/db`).
///
/// Calls block (`callsMayBlock`): each takes a connection from a bounded pool, runs the shared SQL of
/// `ArticlesSQL`, and gives it back. Writes are one transaction each, serialised across instances by the row
/// lock on `store_meta`'s version. After a commit the store tells its own change handlers, records the change
/// in `store_changes` and NOTIFYs the other instances, whose listeners tell theirs: a write anywhere reaches
/// every instance's caches and `/events` subscribers. When the database is down, calls throw
/// `ArticleStoreError.unavailable` quickly and the store recovers by itself when it is back.
public final class PostgresStore: ArticleStore, Sendable {
    let pool: ConnectionPool
    let feed: ChangeFeed
    private let listener: ChangeListener

    /// Connects to `url`, applies the schema's missing migrations (exactly once however many instances start
    /// together), and starts listening for other instances' changes. `poolSize` bounds the open connections
    /// (one more is the listener's). `statementTimeout` bounds every statement: the server cancels one that runs
    /// longer, and a reply that does not come a second after it (a frozen database) abandons its connection;
    /// either way the call throws `ArticleStoreError.unavailable`. Throws that too when the database cannot be
    /// reached.
    public init(url: String, poolSize: Int = 8, statementTimeout: Duration = .seconds(15)) throws {
        let pool = ConnectionPool(url: url, size: poolSize, statementTimeout: statementTimeout)
        self.pool = pool
        let startVersion = try Self.mapErrors {
            try pool.withConnection { connection in
                try Migrations.apply(on: connection)
                return try SQLArticleReads.storeVersion(in: connection)
            }
        }
        feed = ChangeFeed(pool: pool, version: startVersion)
        listener = ChangeListener(url: url, channel: ChangeFeed.channel)
        listener.start { [feed] version in feed.catchUp(through: version) }
    }

    deinit {
        listener.stop()
        pool.close()
    }

    /// Stops listening and closes idle connections; calls after this still work (connections reopen on demand)
    /// but other instances' changes no longer arrive.
    public func close() {
        listener.stop()
        pool.close()
    }

    /// The backend pid of this instance's listener connection (0 while it is disconnected).
    var listenerPID: Int32 { listener.pid }

    /// True: every call may wait on the database.
    public var callsMayBlock: Bool { true }

    /// The newest store version this instance knows of: its own writes and the NOTIFYs of others. An atomic
    /// read (event loops read it for the response cache), never a query.
    public var version: UInt64 { feed.knownVersion }

    /// By id, else by slug, any status.
    public func article(ref: String) throws -> Article? {
        try read { try SQLArticleReads.article(ref: ref, in: $0) }
    }

    /// The id and version of the article `ref` names (id, else slug).
    public func currentVersion(ref: String) throws -> (id: Article.ID, version: UInt64)? {
        try read { try SQLArticleReads.currentVersion(ref: ref, in: $0) }
    }

    /// A page of `query`'s results at `now`, as the memory store gives it (ArticlesSQL's shared SQL).
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

    /// Registers `handler` for every change, this instance's and other instances', in commit order. It runs on
    /// the writing thread (own writes) or the listener's thread (others'); it must not write to this store.
    public func onChange(_ handler: @escaping @Sendable (ArticleChange) -> Void) {
        feed.add(handler)
    }

    // MARK: Errors

    func read<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try Self.mapErrors { try pool.withConnection(body) }
    }

    /// Database failures that mean "cannot answer now" become `.unavailable` (the API answers 503); the
    /// store's own errors pass through; anything else (a bug) is rethrown as is.
    static func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PGError where error.meansUnavailable {
            throw ArticleStoreError.unavailable(reason: "PostgreSQL: \(error.message)")
        }
    }
}
