/// Where the two databases' SQL differs in what the shared statements need.
public enum SQLDialect: Sendable {
    /// SQLite: `?` placeholders, FTS5 for search.
    case sqlite
    /// PostgreSQL: `$1` placeholders, a tsvector column for search.
    case postgres

    /// The placeholder for the `number`th (1-based) parameter.
    public func placeholder(_ number: Int) -> String {
        switch self {
        case .sqlite: "?"
        case .postgres: "$\(number)"
        }
    }
}
