public import Articles
import ArticlesSQL

extension PostgresStore {
    /// Creates or replaces `article` in one transaction (see `ArticleStore.save`); the change reaches this
    /// instance's handlers before this returns, and the other instances' through NOTIFY.
    @discardableResult
    public func save(_ article: Article, expected: UInt64?) throws -> Article {
        let change = try write { connection in
            do {
                return try SQLArticleWrites.save(article, expected: expected, now: .now(), in: connection)
            } catch let error as PGError where error.isUniqueViolation {
                throw ArticleStoreError.slugTaken(article.slug)
            }
        }
        guard let saved = change.after else { preconditionFailure("a save's change has the saved article") }
        return saved
    }

    /// Deletes in one transaction; the id is never given out again.
    public func delete(id: Article.ID, expected: UInt64?) throws {
        try write { try SQLArticleWrites.delete(id: id, expected: expected, in: $0) }
    }

    /// Loads `articles` into a store that has never been written to, as one write (the memory store's initial
    /// load: version 1 for all); validated like `MemoryStore.init`. Returns false, changing nothing, when the
    /// store has been written to before: of several instances starting together, exactly one seeds.
    @discardableResult
    public func seedIfEmpty(with articles: [Article]) throws -> Bool {
        guard !articles.isEmpty else { return false }
        let seeded: UInt64? = try Self.mapErrors {
            try pool.withConnection { connection in
                try connection.execute("SELECT pg_advisory_lock(\(Migrations.lockKey))")
                defer { _ = try? connection.execute("SELECT pg_advisory_unlock(\(Migrations.lockKey))") }
                guard try SQLArticleReads.storeVersion(in: connection) == 0 else { return nil }
                return try connection.transaction {
                    let version = try SQLArticleWrites.insertAll(articles, now: .now(), in: connection)
                    try connection.execute("SELECT pg_notify($1, $2)", [ChangeFeed.channel, String(version)])
                    return version
                }
            }
        }
        guard let seeded else { return false }
        feed.catchUp(through: seeded)
        vacuumAfterBulkLoad()
        return true
    }

    /// Adds `articles` in one all-or-nothing write (one version for all); throws `.invalid` naming every bad one
    /// (`articles[i].field`: ids and slugs new to the file and the store, `related` ids that exist). Other
    /// instances see the articles at once (their version moves on). Returns the store's new version.
    @discardableResult
    public func importArticles(_ articles: [Article]) throws -> UInt64 {
        let version: UInt64 = try Self.mapErrors {
            try pool.withConnection { connection in
                try connection.transaction {
                    let version = try SQLArticleWrites.insertAll(articles, now: .now(), in: connection)
                    try connection.execute("SELECT pg_notify($1, $2)", [ChangeFeed.channel, String(version)])
                    return version
                }
            }
        }
        feed.catchUp(through: version)
        feed.awaitOtherInstances(through: version, ownListener: listenerPID)
        vacuumAfterBulkLoad()
        return version
    }

    /// After a bulk load: `VACUUM (ANALYZE)` the tables it filled. Until a vacuum marks their pages all-visible,
    /// PostgreSQL's index-only scans (a search's postings, its walk in publication order) visit the table for
    /// every row, and until an analysis the planner does not know the new rows; autovacuum would get there,
    /// minutes later. Best effort: the load is committed whatever happens here.
    private func vacuumAfterBulkLoad() {
        _ = try? pool.withConnection { connection in
            try connection.execute("VACUUM (ANALYZE) articles, article_tags, \(SearchPostings.table)")
        }
    }

    /// Runs one write transaction: `body`'s statements, then the change log row and the NOTIFY, committed
    /// together; then tells this instance's handlers and waits (briefly) for the other instances' listeners, so
    /// that once a client has the answer, every instance serves the write.
    @discardableResult
    private func write(_ body: (PGConnection) throws -> ArticleChange) throws -> ArticleChange {
        var committing: UInt64?
        let change: ArticleChange
        do {
            change = try Self.mapErrors {
                try pool.withConnection { connection in
                    try connection.transaction {
                        let change = try body(connection)
                        try ChangeFeed.record(change, in: connection)
                        // From here the listener may hear of it before this thread hands it over.
                        committing = change.storeVersion
                        feed.willCommit(change.storeVersion)
                        return change
                    }
                }
            }
        } catch {
            if let committing { feed.commitFailed(committing) }
            throw error
        }
        feed.deliverOwn(change)
        feed.awaitOtherInstances(through: change.storeVersion, ownListener: listenerPID)
        return change
    }
}
