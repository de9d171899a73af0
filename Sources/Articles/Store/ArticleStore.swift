/// Keeps articles. Calls may block (SQLite/PostgreSQL later): the API runs blocking stores off the event loops.
/// Every implementation must give identical answers (a shared conformance suite comes later).
public protocol ArticleStore: Sendable {
    /// True when calls may block on I/O (a database): the API then makes them on a bounded pool of threads,
    /// never on an event loop. The memory store answers from RAM and is called directly.
    var callsMayBlock: Bool { get }
    /// Monotonic counter raised by every write; response caches key on it.
    var version: UInt64 { get }
    /// By id or slug, any status (the caller decides visibility).
    func article(ref: String) throws -> Article?
    /// The id and version of the article `ref` names (id or slug, any status), without copying it: response
    /// caches check one article's answer against it. nil when no article has that ref.
    func currentVersion(ref: String) throws -> (id: Article.ID, version: UInt64)?
    /// A page of the query's results as seen with `query.status` at `now` (page or cursor mode per query).
    func articles(matching query: ArticleQuery, now: Timestamp) throws -> ArticlePage
    /// The rail: the article's editor-chosen `related` first (only visible ones, in order), then other visible
    /// articles ranked by shared tags, same category, recency (ties by id desc). Never the article itself.
    func related(to article: Article, limit: Int, now: Timestamp) throws -> [Article]
    /// Facet counts over what readers can see at `now`: most first, then name ascending. `prefix` (tags only,
    /// case-insensitive prefix match) and `limit` optional.
    func facets(_ kind: FacetKind, prefix: String?, limit: Int?, now: Timestamp) throws -> [Facet]
    /// The earliest `publishedAt` after `now` of a published (scheduled) article: until then, what readers can
    /// see changes only through writes. Response caches expire their entries then. nil when nothing is scheduled.
    func nextScheduledPublication(after now: Timestamp) throws -> Timestamp?
    /// Which articles readers can see at `now`, each with its `breaking` flag: what `/events` starts from.
    /// Stores with a database answer it with one narrow query rather than reading every article.
    func visibleBreakingFlags(at now: Timestamp) throws -> [Article.ID: Bool]
    /// Counts of all articles by status (for metrics/health later).
    func countsByStatus() throws -> [ArticleStatus: Int]
    /// Creates (expected == nil, id not present) or replaces (expected == current version) an article; assigns
    /// version, keeps indexes; throws versionConflict/notFound/slugTaken and changes nothing on failure.
    @discardableResult func save(_ article: Article, expected: UInt64?) throws -> Article
    /// Deletes; expected nil = unconditional.
    func delete(id: Article.ID, expected: UInt64?) throws
    /// Every article (any status), for export. Order: id ascending.
    func allArticles() throws -> [Article]
    /// Registers a handler called (synchronously, after commit, in commit order) for every change.
    func onChange(_ handler: @escaping @Sendable (ArticleChange) -> Void)
}

extension ArticleStore {
    public var callsMayBlock: Bool { false }

    /// From every article: right for a store that holds them in memory.
    public func visibleBreakingFlags(at now: Timestamp) throws -> [Article.ID: Bool] {
        var flags: [Article.ID: Bool] = [:]
        for article in try allArticles() where article.isVisible(at: now) { flags[article.id] = article.breaking }
        return flags
    }
}
