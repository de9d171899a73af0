import Articles
import Metrics

/// Forwards every call to a store and records how long it took in
/// `dateline_store_operation_duration_seconds{operation}` (a swift-metrics `Timer`).
///
/// It forwards every requirement, the ones `ArticleStore` gives a default too (`callsMayBlock`,
/// `visibleBreakingFlags`): left out, the wrapper would answer with the default and hide the store's own.
///
/// Store calls cost microseconds (memory) to milliseconds (a database), so the histogram's lock per call is
/// noise next to them; the answers served from the response cache make no store call at all.
final class TimedStore: ArticleStore {
    let base: any ArticleStore
    private let timers: [Operation: Metrics.Timer]

    enum Operation: String, CaseIterable {
        case article, currentVersion, articles, related, facets, nextScheduledPublication, visibleBreakingFlags, countsByStatus
        case save, delete, allArticles
    }

    init(_ base: any ArticleStore, factory: any MetricsFactory) {
        self.base = base
        var timers: [Operation: Metrics.Timer] = [:]
        for operation in Operation.allCases {
            timers[operation] = Metrics.Timer(
                label: APIMetrics.storeOperationMetric, dimensions: [("operation", operation.rawValue)], factory: factory)
        }
        self.timers = timers
    }

    @inline(__always)
    private func timed<T>(_ operation: Operation, _ call: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer {
            let (seconds, attoseconds) = (ContinuousClock.now - start).components
            timers[operation]?.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
        return try call()
    }

    var callsMayBlock: Bool { base.callsMayBlock }
    var version: UInt64 { base.version }

    func article(ref: String) throws -> Article? { try timed(.article) { try base.article(ref: ref) } }

    func currentVersion(ref: String) throws -> (id: Article.ID, version: UInt64)? {
        try timed(.currentVersion) { try base.currentVersion(ref: ref) }
    }

    func articles(matching query: ArticleQuery, now: Timestamp) throws -> ArticlePage {
        try timed(.articles) { try base.articles(matching: query, now: now) }
    }

    func related(to article: Article, limit: Int, now: Timestamp) throws -> [Article] {
        try timed(.related) { try base.related(to: article, limit: limit, now: now) }
    }

    func facets(_ kind: FacetKind, prefix: String?, limit: Int?, now: Timestamp) throws -> [Facet] {
        try timed(.facets) { try base.facets(kind, prefix: prefix, limit: limit, now: now) }
    }

    func nextScheduledPublication(after now: Timestamp) throws -> Timestamp? {
        try timed(.nextScheduledPublication) { try base.nextScheduledPublication(after: now) }
    }

    func visibleBreakingFlags(at now: Timestamp) throws -> [Article.ID: Bool] {
        try timed(.visibleBreakingFlags) { try base.visibleBreakingFlags(at: now) }
    }

    func countsByStatus() throws -> [ArticleStatus: Int] { try timed(.countsByStatus) { try base.countsByStatus() } }

    @discardableResult func save(_ article: Article, expected: UInt64?) throws -> Article {
        try timed(.save) { try base.save(article, expected: expected) }
    }

    func delete(id: Article.ID, expected: UInt64?) throws { try timed(.delete) { try base.delete(id: id, expected: expected) } }

    func allArticles() throws -> [Article] { try timed(.allArticles) { try base.allArticles() } }

    func onChange(_ handler: @escaping @Sendable (ArticleChange) -> Void) { base.onChange(handler) }
}
