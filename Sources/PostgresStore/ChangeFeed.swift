import Articles
import ArticlesSQL
import Glibc
import Locking
import Synchronization

/// Hands every change (this instance's and the others') to the store's handlers exactly once, in commit order,
/// and keeps the newest version this instance knows of.
///
/// Each write records its change in `store_changes` and NOTIFYs `dateline_changes` in its transaction. This
/// instance's own changes are delivered by the writing thread right after the commit, with the articles in
/// hand. Other instances' are read back from `store_changes` when a notification arrives (or, after the
/// listener reconnects, for whatever was missed meanwhile): `after` is the article as it is now, and `before`
/// names it by id and its slug before the change (all the handlers need of a change made elsewhere).
final class ChangeFeed: Sendable {
    /// The NOTIFY channel.
    static let channel = "dateline_changes"
    /// The change log keeps at least this many of the newest changes (for listeners that reconnect).
    static let retained: UInt64 = 10_000

    private let pool: ConnectionPool
    private let known: Atomic<UInt64>
    private let state: LockedValue<State>

    private struct State {
        var handlers: [@Sendable (ArticleChange) -> Void] = []
        /// Changes up to this version have been handed over (or were not there to hand over).
        var delivered: UInt64
        /// This instance's writes between their COMMIT being sent and `deliverOwn`: the log must not hand
        /// them over (it knows them only by name), nor anything after them before them.
        var committing: Set<UInt64> = []
        /// This instance's committed writes waiting for an earlier change to be handed over first.
        var ready: [UInt64: ArticleChange] = [:]
    }

    init(pool: ConnectionPool, version: UInt64) {
        self.pool = pool
        known = Atomic(version)
        state = LockedValue(State(delivered: version))
    }

    var knownVersion: UInt64 { known.load(ordering: .acquiring) }

    func add(_ handler: @escaping @Sendable (ArticleChange) -> Void) {
        state.withLock { $0.handlers.append(handler) }
    }

    /// In the write's transaction: the change log row, the NOTIFY (delivered at commit), and now and then the
    /// log's oldest rows dropped.
    static func record(_ change: ArticleChange, in connection: PGConnection) throws {
        guard let article = change.after ?? change.before else { return }
        let kind = switch change.kind {
        case .created: "created"
        case .updated: "updated"
        case .deleted: "deleted"
        }
        let version = String(change.storeVersion)
        let beforeSlug = change.before?.slug
        try connection.execute(
            prepared: "record_change",
            "INSERT INTO store_changes (version, kind, id, slug, before_slug) VALUES ($1, $2, $3, $4, $5)",
            [version, kind, article.id, article.slug, beforeSlug])
        // The payload names the change in full (version kind id slug before-slug, `-` for none); receivers
        // read the log from their last version, so none is lost while a listener reconnects.
        let payload = "\(version) \(kind) \(article.id) \(article.slug) \(beforeSlug ?? "-")"
        try connection.execute(prepared: "notify_change", "SELECT pg_notify($1, $2)", [channel, payload])
        if change.storeVersion % 1000 == 0, change.storeVersion > retained {
            try connection.execute(
                prepared: "prune_changes", "DELETE FROM store_changes WHERE version <= $1",
                [String(change.storeVersion - retained)])
        }
    }

    /// In a write's transaction, just before its COMMIT: the change of `version` is this instance's to hand over.
    func willCommit(_ version: UInt64) {
        state.withLock { _ = $0.committing.insert(version) }
    }

    /// The COMMIT of `version` failed, or its outcome is unknown (the connection broke): if it did commit,
    /// the log hands it over like another instance's change.
    func commitFailed(_ version: UInt64) {
        let known = knownVersion
        state.withLock { state in
            state.committing.remove(version)
            advance(through: known, state: &state)
        }
    }

    /// After this instance's commit: any earlier change first (other instances', or this one's on other
    /// threads), then this one, then whatever the listener has heard of since.
    func deliverOwn(_ change: ArticleChange) {
        raiseKnown(to: change.storeVersion)
        let known = knownVersion
        state.withLock { state in
            state.committing.remove(change.storeVersion)
            guard state.delivered < change.storeVersion else { return }
            state.ready[change.storeVersion] = change
            advance(through: max(known, change.storeVersion), state: &state)
        }
    }

    /// On a notification of `version` (nil: after the listener (re)connected, so up to the database's version).
    /// Returns the version handed over through.
    @discardableResult
    func catchUp(through version: UInt64?) -> UInt64 {
        if let version { raiseKnown(to: version) }
        let target: UInt64
        if let version {
            target = version
        } else if let current = try? pool.withConnection({ try SQLArticleReads.storeVersion(in: $0) }) {
            target = current
            raiseKnown(to: current)
        } else {
            target = 0
        }
        return state.withLock { state in
            advance(through: target, state: &state)
            return state.delivered
        }
    }

    /// After this instance's write of `version`: waits until every other live instance's listener has handed
    /// it over (so their caches and subscribers have it), for at most `limit`. An instance that does not keep
    /// up (stopped, overloaded) costs writers that wait, never correctness of the write.
    func awaitOtherInstances(through version: UInt64, ownListener: Int32, limit: Duration = .milliseconds(250)) {
        let deadline = ContinuousClock.now + limit
        var pause: UInt32 = 200
        while true {
            let lagging = try? pool.withConnection { connection in
                try connection.execute(
                    prepared: "lagging_listeners",
                    """
                    SELECT COUNT(*) FROM pg_stat_activity s LEFT JOIN store_listeners l ON l.pid = s.pid
                    WHERE s.datname = current_database() AND s.application_name = $1 AND s.pid <> $2
                        AND COALESCE(l.delivered, 0) < $3
                    """,
                    [ChangeListener.role, String(ownListener), String(version)]
                ).scalar?.integer
            }
            guard let lagging, lagging > 0, ContinuousClock.now < deadline else { return }
            usleep(pause)
            pause = min(pause * 2, 5_000)
        }
    }

    private func raiseKnown(to version: UInt64) {
        var current = known.load(ordering: .acquiring)
        while current < version {
            let (exchanged, original) = known.compareExchange(
                expected: current, desired: version, ordering: .acquiringAndReleasing)
            if exchanged { break }
            current = original
        }
    }

    /// Hands over every change after `state.delivered` through `target`, in version order: this instance's
    /// own with the articles in hand, the others' from the log. Stops before an own write still committing
    /// (its writer continues from there). A version with no log row (the seed, or pruned) is skipped. If the
    /// database cannot answer, what was handed over so far stands; the next call continues from there.
    private func advance(through target: UInt64, state: inout State) {
        while state.delivered < target {
            let next = state.delivered + 1
            if let own = state.ready.removeValue(forKey: next) {
                for handler in state.handlers { handler(own) }
                state.delivered = next
                continue
            }
            if state.committing.contains(next) { return }
            // Others' changes up to the next own write.
            let nextOwn = state.committing.union(state.ready.keys).filter { $0 > next }.min()
            let stop = min(target, nextOwn.map { $0 - 1 } ?? target)
            let rows: [[SQLValue]]
            do {
                rows = try pool.withConnection { connection in
                    try connection.execute(
                        prepared: "changes_after",
                        """
                        SELECT c.version, c.kind, c.id, c.slug, c.before_slug, \(ArticleColumns.selectList)
                        FROM store_changes c LEFT JOIN articles a ON a.id = c.id
                        WHERE c.version > $1 AND c.version <= $2 ORDER BY c.version LIMIT 500
                        """,
                        [String(state.delivered), String(stop)]
                    ).rows
                }
            } catch {
                return
            }
            for row in rows {
                if let change = Self.change(from: row) {
                    for handler in state.handlers { handler(change) }
                }
                if let version = row.first?.integer { state.delivered = UInt64(bitPattern: version) }
            }
            if rows.count < 500 { state.delivered = stop }
        }
    }

    /// A change made by another instance, from its log row joined with the article as it is now. nil for a
    /// create or update of an article deleted since (its deletion follows in the log).
    private static func change(from row: [SQLValue]) -> ArticleChange? {
        guard let version = row[0].integer, let kindName = row[1].text, let id = row[2].text, let slug = row[3].text else {
            return nil
        }
        let after = row[5] == .null ? nil : try? ArticleColumns.article(from: row, at: 5)
        let kind: ArticleChange.Kind
        switch kindName {
        case "created": kind = .created
        case "updated": kind = .updated
        default: kind = .deleted
        }
        if kind != .deleted && after == nil { return nil }
        let beforeSlug = kind == .deleted ? slug : row[4].text
        let before = beforeSlug.map { named(id: id, slug: $0) }
        return ArticleChange(kind: kind, before: before, after: kind == .deleted ? nil : after, storeVersion: UInt64(bitPattern: version))
    }

    /// An article known only by its id and slug (the rest empty): how a change made elsewhere names `before`.
    private static func named(id: Article.ID, slug: String) -> Article {
        let epoch = Timestamp(secondsSince1970: 0)
        return Article(id: id, slug: slug, title: "", body: "", category: "", createdAt: epoch, updatedAt: epoch)
    }
}
