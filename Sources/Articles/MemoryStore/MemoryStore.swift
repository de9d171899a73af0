import Locking
import Synchronization

/// The in-memory store (default). Thread-safe: reads share a read-write lock and run concurrently; writes are
/// serialised, patch the indexes under the write lock, and then tell the change handlers in commit order.
public final class MemoryStore: ArticleStore, @unchecked Sendable {
    private let lock = ReadWriteLock()
    // Guarded by `lock`.
    private var index = MemoryIndex()
    // Ids of deleted articles, never given out again. Guarded by `writer`.
    private var retiredIDs: Set<String> = []
    // Serialises writes, so change handlers run in commit order without holding readers up.
    private let writer = LockedValue<[@Sendable (ArticleChange) -> Void]>([])
    private let storeVersion = Atomic<UInt64>(0)

    /// A store holding `articles`, each validated (every problem is reported, named `articles[i].field`); ids and
    /// slugs must be unique and `related` ids must exist. A published article without `publishedAt` gets now.
    public convenience init(articles: [Article] = []) throws {
        try self.init(articles: articles, slotLimit: PackedPosting.slotLimit)
    }

    /// `slotLimit`: how many slots the index uses before renumbering them (tests make it small).
    init(articles: [Article], slotLimit: Int) throws {
        index.slotLimit = slotLimit
        var problems: [FieldProblem] = []
        var ids: Set<String> = []
        var slugs: Set<String> = []
        var prepared: [Article] = []
        prepared.reserveCapacity(articles.count)
        let now = Timestamp.now()
        for (position, original) in articles.enumerated() {
            var article = original
            for problem in ArticleValidator.problems(in: article) {
                problems.append(.field("articles[\(position)].\(problem.name)", problem.message))
            }
            if !ids.insert(article.id).inserted {
                problems.append(.field("articles[\(position)].id", "repeats the id '\(article.id)'"))
            }
            if !slugs.insert(article.slug).inserted {
                problems.append(.field("articles[\(position)].slug", "repeats the slug '\(article.slug)'"))
            }
            if article.status == .published && article.publishedAt == nil { article.publishedAt = now }
            article.version = 1
            prepared.append(article)
        }
        for (position, article) in prepared.enumerated() {
            for (number, id) in article.related.enumerated() where !ids.contains(id) {
                problems.append(.field("articles[\(position)].related[\(number)]", "no article has the id '\(id)'"))
            }
        }
        guard problems.isEmpty else { throw ArticleStoreError.invalid(ValidationError(problems: problems)) }
        index.build(prepared)
        storeVersion.store(prepared.isEmpty ? 0 : 1, ordering: .releasing)
    }

    /// Raised by every write; 1 after a non-empty initial load.
    public var version: UInt64 {
        storeVersion.load(ordering: .acquiring)
    }

    public func nextScheduledPublication(after now: Timestamp) throws -> Timestamp? {
        lock.withReadLock { index.nextScheduledPublication(after: now) }
    }

    public func currentVersion(ref: String) throws -> (id: Article.ID, version: UInt64)? {
        lock.withReadLock {
            index.slot(ref: ref).map { slot in
                let entry = index.entry(slot)
                return (entry.article.id, entry.article.version)
            }
        }
    }

    /// By id, else by slug, any status.
    public func article(ref: String) throws -> Article? {
        lock.withReadLock {
            index.slot(ref: ref).map { index.article($0) }
        }
    }

    /// Answers from the posting lists and the inverted index; see `ArticleStore`.
    public func articles(matching query: ArticleQuery, now: Timestamp) throws -> ArticlePage {
        lock.withReadLock { index.page(for: query, now: now) }
    }

    /// The rail; see `ArticleStore.related(to:limit:now:)`.
    public func related(to article: Article, limit: Int, now: Timestamp) throws -> [Article] {
        lock.withReadLock { index.related(to: article, limit: limit, now: now) }
    }

    /// Facet counts over what readers see at `now`.
    public func facets(_ kind: FacetKind, prefix: String?, limit: Int?, now: Timestamp) throws -> [Facet] {
        lock.withReadLock { index.facets(kind, prefix: prefix, limit: limit, now: now) }
    }

    /// How many articles have each status (every status is present).
    public func countsByStatus() throws -> [ArticleStatus: Int] {
        lock.withReadLock {
            var counts: [ArticleStatus: Int] = [:]
            for status in ArticleStatus.allCases { counts[status] = index.byStatus[status]?.count ?? 0 }
            return counts
        }
    }

    /// Validates (including that `related` ids exist), checks the expected version and the slug, then replaces
    /// the article's index entries. A published article without `publishedAt` gets the current time.
    @discardableResult
    public func save(_ article: Article, expected: UInt64?) throws -> Article {
        try writer.withLock { handlers in
            var problems = ArticleValidator.problems(in: article)
            let (current, slugOwner, missingRelated) = lock.withReadLock {
                (
                    index.slotByID[article.id].map { index.article($0) },
                    index.slotBySlug[article.slug].map { index.article($0).id },
                    article.related.enumerated().filter { $0.element != article.id && index.slotByID[$0.element] == nil }
                )
            }
            for (number, id) in missingRelated where ArticleID.isValid(id) {
                problems.append(.field("related[\(number)]", "no article has the id '\(id)'"))
            }
            if expected == nil, current == nil, retiredIDs.contains(article.id) {
                problems.append(.field("id", "belonged to a deleted article and is never reused"))
            }
            guard problems.isEmpty else { throw ArticleStoreError.invalid(ValidationError(problems: problems)) }
            if let expected {
                guard let current else { throw ArticleStoreError.notFound(ref: article.id) }
                guard current.version == expected else { throw ArticleStoreError.versionConflict(current: current.version) }
            } else if let current {
                throw ArticleStoreError.versionConflict(current: current.version)
            }
            if let slugOwner, slugOwner != article.id { throw ArticleStoreError.slugTaken(article.slug) }

            var saved = article
            if saved.status == .published && saved.publishedAt == nil { saved.publishedAt = .now() }
            let newVersion = version + 1
            saved.version = newVersion
            lock.withWriteLock {
                if let slot = index.slotByID[article.id] { index.remove(slot: slot) }
                index.insert(saved)
                storeVersion.store(newVersion, ordering: .releasing)
            }
            let change = ArticleChange(
                kind: current == nil ? .created : .updated, before: current, after: saved, storeVersion: newVersion)
            for handler in handlers { handler(change) }
            return saved
        }
    }

    /// Deletes the article (its id is never reused); throws notFound or versionConflict.
    public func delete(id: Article.ID, expected: UInt64?) throws {
        try writer.withLock { handlers in
            guard let current = lock.withReadLock({ index.slotByID[id].map { index.article($0) } }) else {
                throw ArticleStoreError.notFound(ref: id)
            }
            if let expected, expected != current.version {
                throw ArticleStoreError.versionConflict(current: current.version)
            }
            let newVersion = version + 1
            lock.withWriteLock {
                if let slot = index.slotByID[id] { index.remove(slot: slot) }
                storeVersion.store(newVersion, ordering: .releasing)
            }
            retiredIDs.insert(id)
            let change = ArticleChange(kind: .deleted, before: current, after: nil, storeVersion: newVersion)
            for handler in handlers { handler(change) }
        }
    }

    /// Every article, any status, by id ascending.
    public func allArticles() throws -> [Article] {
        lock.withReadLock {
            index.entries.compactMap { $0?.article }.sorted { $0.id < $1.id }
        }
    }

    /// Registers `handler`; it runs on the writing thread, after the write is visible, in commit order. It must
    /// not write to this store (reads are fine).
    public func onChange(_ handler: @escaping @Sendable (ArticleChange) -> Void) {
        writer.withLock { $0.append(handler) }
    }
}
