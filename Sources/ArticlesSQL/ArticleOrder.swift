import Articles

/// A sort as SQL: the key column, the direction, and the keyset condition that resumes after a cursor.
struct ArticleOrder {
    /// The sort the page is cut in (relevance without a search is newest, as in the memory store).
    let sort: ArticleSort

    init(_ sort: ArticleSort) {
        self.sort = sort == .relevance ? .newest : sort
    }

    var keyColumn: String { sort == .updated ? "a.updated_at" : "a.publish_key" }
    var ascending: Bool { sort == .oldest }

    /// `ORDER BY` items: the key, then id, both in the sort's direction.
    var orderBy: String {
        let direction = ascending ? "ASC" : "DESC"
        return "\(keyColumn) \(direction), a.id \(direction)"
    }

    /// Rows strictly after the cursor's position in this order.
    func after(_ cursor: ArticleCursor, into builder: inout SQLBuilder) -> String {
        let key = builder.bind(.integer(cursor.key))
        let id = builder.bind(.text(cursor.id))
        return "(\(keyColumn), a.id) \(ascending ? ">" : "<") (\(key), \(id))"
    }

    /// The sort key of `article` in this order (what a cursor remembers).
    func key(of article: Article) -> Int64 {
        sort == .updated ? article.updatedAt.secondsSince1970 : (article.publishedAt ?? article.createdAt).secondsSince1970
    }
}
