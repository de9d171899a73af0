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

    /// A condition on the `articles` row aliased `a` that holds when its search text has every word of
    /// `match` (built by `SearchText.match`); `parameter` is the placeholder `match` is bound to.
    func searchCondition(parameter: String) -> String {
        switch self {
        case .sqlite:
            "a.seq IN (SELECT rowid FROM \(ArticleSchema.searchTable) WHERE \(ArticleSchema.searchTable) MATCH \(parameter))"
        case .postgres:
            "a.search_vector @@ to_tsquery('simple', \(parameter))"
        }
    }
}
