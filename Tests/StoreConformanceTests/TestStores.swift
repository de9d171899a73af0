import Articles
import Foundation
import Locking
@testable import PostgresStore
import SQLiteStore

/// The stores every conformance test runs against. A store that cannot be made here fails its tests; it is
/// never skipped.
enum StoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    case memory
    case sqlite
    case postgres

    var description: String { rawValue }

    /// Every kind but the reference (the memory store), for comparisons against it.
    static var databases: [StoreKind] { allCases.filter { $0 != .memory } }
}

/// A store made for one test, and what it took (a temporary database file), given back when it goes. It is
/// the store (every call forwards), so the file lives exactly as long as a test uses it.
final class TestStore: ArticleStore, @unchecked Sendable {
    let store: any ArticleStore
    let kind: StoreKind
    private let cleanup: () -> Void

    init(_ store: any ArticleStore, kind: StoreKind, cleanup: @escaping () -> Void = {}) {
        self.store = store
        self.kind = kind
        self.cleanup = cleanup
    }

    deinit { cleanup() }

    var callsMayBlock: Bool { store.callsMayBlock }
    var version: UInt64 { store.version }
    func article(ref: String) throws -> Article? { try store.article(ref: ref) }
    func currentVersion(ref: String) throws -> (id: Article.ID, version: UInt64)? { try store.currentVersion(ref: ref) }
    func articles(matching query: ArticleQuery, now: Timestamp) throws -> ArticlePage {
        try store.articles(matching: query, now: now)
    }
    func related(to article: Article, limit: Int, now: Timestamp) throws -> [Article] {
        try store.related(to: article, limit: limit, now: now)
    }
    func facets(_ kind: FacetKind, prefix: String?, limit: Int?, now: Timestamp) throws -> [Facet] {
        try store.facets(kind, prefix: prefix, limit: limit, now: now)
    }
    func nextScheduledPublication(after now: Timestamp) throws -> Timestamp? { try store.nextScheduledPublication(after: now) }
    func countsByStatus() throws -> [ArticleStatus: Int] { try store.countsByStatus() }
    func visibleBreakingFlags(at now: Timestamp) throws -> [Article.ID: Bool] { try store.visibleBreakingFlags(at: now) }
    @discardableResult func save(_ article: Article, expected: UInt64?) throws -> Article { try store.save(article, expected: expected) }
    func delete(id: Article.ID, expected: UInt64?) throws { try store.delete(id: id, expected: expected) }
    func allArticles() throws -> [Article] { try store.allArticles() }
    func onChange(_ handler: @escaping @Sendable (ArticleChange) -> Void) { store.onChange(handler) }
}

enum TestStores {
    /// A fresh store of `kind` holding `articles` (loaded in one write, as `MemoryStore(articles:)` does).
    static func make(_ kind: StoreKind, articles: [Article] = []) throws -> TestStore {
        switch kind {
        case .memory:
            return TestStore(try MemoryStore(articles: articles), kind: kind)
        case .sqlite:
            let path = temporaryPath("conformance")
            TemporaryFiles.removeAtExit(path)
            let store = try SQLiteStore(path: path, readers: 4)
            if !articles.isEmpty { try store.importArticles(articles) }
            return TestStore(store, kind: kind) { removeDatabase(at: path) }
        case .postgres:
            let (url, drop) = try newPostgresDatabase()
            do {
                let store = try PostgresStore(url: url)
                try store.seedIfEmpty(with: articles)
                return TestStore(store, kind: kind) {
                    store.close()
                    drop()
                }
            } catch {
                drop()
                throw error
            }
        }
    }

    /// A new database with a random name on the test PostgreSQL that `make test` starts
    /// (DATELINE_TEST_POSTGRES_URL), and how to drop it. Without that variable this throws, saying to run
    /// `make test`: the tests then fail, never skip.
    static func newPostgresDatabase() throws -> (url: String, drop: @Sendable () -> Void) {
        guard let server = ProcessInfo.processInfo.environment["DATELINE_TEST_POSTGRES_URL"], !server.isEmpty else {
            throw MissingTestPostgres()
        }
        let name = "dateline_conformance_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        try PGConnection(url: server).execute("CREATE DATABASE \(name)")
        // The server URL's database (the last path segment) replaced by the new one.
        let base = server.split(separator: "?", maxSplits: 1).first.map(String.init) ?? server
        let query = server.dropFirst(base.count)
        let root = base[..<(base.lastIndex(of: "/") ?? base.endIndex)]
        return (root + "/" + name + query, { _ = try? PGConnection(url: server).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") })
    }

    /// A path for a new database file in the temporary directory.
    static func temporaryPath(_ label: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dateline-\(label)-\(getpid())-\(UUID().uuidString).sqlite").path
    }

    /// Removes the database file and its WAL and shared-memory companions.
    static func removeDatabase(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// Database files to delete when the test process ends, for stores that live as long as it (the comparison
/// stores are globals, never deinitialised): without this every run would leave ~100 MB in the temporary
/// directory.
enum TemporaryFiles {
    private static let paths = LockedValue<[String]>([])
    private static let registered = LockedValue(false)

    static func removeAtExit(_ path: String) {
        paths.withLock { $0.append(path) }
        registered.withLock { done in
            guard !done else { return }
            done = true
            atexit { TemporaryFiles.removeAll() }
        }
    }

    private static func removeAll() {
        for path in paths.withLock({ $0 }) { TestStores.removeDatabase(at: path) }
    }
}

/// Why the PostgreSQL store cannot be made for a test.
struct MissingTestPostgres: Error, CustomStringConvertible {
    var description: String {
        "DATELINE_TEST_POSTGRES_URL is not set: run the tests with `make test`, which starts a throwaway PostgreSQL."
    }
}
