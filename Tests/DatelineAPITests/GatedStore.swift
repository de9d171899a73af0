import Articles
import Foundation
import Locking

/// The memory store behind a gate, declaring that its calls block as a database's do: the test closes the
/// gate to hold every store call (as a slow database would) and counts the calls that got through. The
/// answers are the memory store's own.
final class GatedStore: ArticleStore {
    let inner: MemoryStore
    private let state = LockedValue(State())

    private struct State {
        var open = true
        var calls = 0
        var waiting = 0
    }

    init(_ inner: MemoryStore) { self.inner = inner }

    var callsMayBlock: Bool { true }

    /// Store calls made so far (held ones included).
    var calls: Int { state.withLock { $0.calls } }
    /// Calls held at the closed gate right now.
    var waiting: Int { state.withLock { $0.waiting } }

    func close() { state.withLock { $0.open = false } }
    func open() { state.withLock { $0.open = true } }

    /// Waits (at most 5 s) until `count` calls are held at the gate.
    func waitForHeld(_ count: Int) -> Bool {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if waiting >= count { return true }
            usleep(2_000)
        }
        return false
    }

    private func pass() {
        var held = false
        while true {
            let open = state.withLock { state -> Bool in
                if !held { state.calls += 1 }
                if state.open {
                    if held { state.waiting -= 1 }
                    return true
                }
                if !held { state.waiting += 1 }
                return false
            }
            if open { return }
            held = true
            usleep(1_000)
        }
    }

    var version: UInt64 { inner.version }
    func article(ref: String) throws -> Article? { pass(); return try inner.article(ref: ref) }
    func currentVersion(ref: String) throws -> (id: Article.ID, version: UInt64)? { pass(); return try inner.currentVersion(ref: ref) }
    func articles(matching query: ArticleQuery, now: Timestamp) throws -> ArticlePage { pass(); return try inner.articles(matching: query, now: now) }
    func related(to article: Article, limit: Int, now: Timestamp) throws -> [Article] { pass(); return try inner.related(to: article, limit: limit, now: now) }
    func facets(_ kind: FacetKind, prefix: String?, limit: Int?, now: Timestamp) throws -> [Facet] { pass(); return try inner.facets(kind, prefix: prefix, limit: limit, now: now) }
    func nextScheduledPublication(after now: Timestamp) throws -> Timestamp? { pass(); return try inner.nextScheduledPublication(after: now) }
    func countsByStatus() throws -> [ArticleStatus: Int] { pass(); return try inner.countsByStatus() }
    func visibleBreakingFlags(at now: Timestamp) throws -> [Article.ID: Bool] { pass(); return try inner.visibleBreakingFlags(at: now) }
    func save(_ article: Article, expected: UInt64?) throws -> Article { pass(); return try inner.save(article, expected: expected) }
    func delete(id: Article.ID, expected: UInt64?) throws { pass(); try inner.delete(id: id, expected: expected) }
    func allArticles() throws -> [Article] { pass(); return try inner.allArticles() }
    func onChange(_ handler: @escaping @Sendable (ArticleChange) -> Void) { inner.onChange(handler) }
}
