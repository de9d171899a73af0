/// One page of a list query's results.
public struct ArticlePage: Sendable {
    /// This page, in the query's order.
    public var articles: [Article]
    /// Number matching, all pages.
    public var total: Int
    /// Cursor mode only; nil on the last page.
    public var nextCursor: ArticleCursor?

    /// A page of `articles` out of `total`.
    public init(articles: [Article], total: Int, nextCursor: ArticleCursor?) {
        self.articles = articles
        self.total = total
        self.nextCursor = nextCursor
    }
}
