/// The parsed form of GET /articles parameters (the contract's "Reading" table).
public struct ArticleQuery: Sendable, Equatable {
    /// q
    public var search: SearchQuery?
    /// Any of (lowercase).
    public var categories: [String]
    /// tag=a,b (lowercase)
    public var tagsAll: [String]
    /// tag=a|b (lowercase)
    public var tagsAny: [String]
    /// tag=a,-b (lowercase)
    public var tagsExcluded: [String]
    /// Any of, compared case-insensitively (kept as given).
    public var authors: [String]
    /// Any of, compared case-insensitively (kept as given).
    public var languages: [String]
    /// nil = either.
    public var breaking: Bool?
    /// Inclusive.
    public var from: Timestamp?
    /// Inclusive (a YYYY-MM-DD `to` means through the end of that day).
    public var to: Timestamp?
    /// Default newest, or relevance with q.
    public var sort: ArticleSort
    /// 1...100, default 20.
    public var limit: Int
    /// Where the previous page ended (cursor mode).
    public var cursor: ArticleCursor?
    /// 1-based; nil = cursor mode.
    public var page: Int?
    /// Default `ArticleField.listDefault`; "*" = all; canonical order.
    public var fields: [ArticleField]
    /// Default `.visible`; `status=` values draft|published|archived|any.
    public var status: StatusFilter

    /// The query of a bare `GET /articles`: every visible article, newest first, 20 a page.
    public init() {
        search = nil
        categories = []
        tagsAll = []
        tagsAny = []
        tagsExcluded = []
        authors = []
        languages = []
        breaking = nil
        from = nil
        to = nil
        sort = .newest
        limit = 20
        cursor = nil
        page = nil
        fields = ArticleField.listDefault
        status = .visible
    }

    /// The parameter names `parse` understands.
    public static let parameterNames: [String] = [
        "q", "category", "tag", "author", "lang", "breaking", "from", "to", "sort", "limit", "cursor", "page",
        "fields", "status",
    ]

    /// The largest `limit`.
    public static let maximumLimit = 100
}
