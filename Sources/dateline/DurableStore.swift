import Articles
import PostgresStore
import SQLiteStore

/// A store that keeps its articles between runs: `dateline import`, `export` and the seed of an empty
/// database use it.
protocol DurableStore: ArticleStore {
    /// Adds `articles` in one all-or-nothing write; throws `.invalid` naming every bad one; returns the
    /// store's new version.
    @discardableResult func importArticles(_ articles: [Article]) throws -> UInt64
    /// Imports `articles` only into a store never written to, atomically: of several instances starting
    /// with a seed at once, exactly one seeds. True if this call did.
    func seedIfEmpty(with articles: [Article]) throws -> Bool
}

extension SQLiteStore: DurableStore {}

extension PostgresStore: DurableStore {}

extension StoreLocation {
    /// Opens the durable store this names; `readers` is how many calls may read at once.
    func openDurable(readers: Int) throws -> any DurableStore {
        switch self {
        case .memory:
            throw ConfigurationError(
                setting: "store", value: "memory",
                expected: "the memory store keeps nothing between runs; give --store sqlite:PATH (or DATELINE_STORE, DATABASE_URL)")
        case .sqlite(let path):
            return try SQLiteStore(path: path, readers: readers)
        case .postgres(let url):
            return try PostgresStore(url: url, poolSize: readers)
        }
    }
}
