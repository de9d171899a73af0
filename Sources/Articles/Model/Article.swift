/// A news article in the contract's shape (API.md, "The article").
public struct Article: Sendable, Equatable, Codable {
    /// Lowercase letters and digits, at most 32 characters, never reused.
    public typealias ID = String

    /// Assigned by the server; lowercase letters and digits, at most 32.
    public var id: ID
    /// Unique, `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 120 characters.
    public var slug: String
    /// 1–300 characters, stored trimmed.
    public var title: String
    /// The dek under the headline.
    public var summary: String?
    /// Plain text; paragraphs separated by a blank line.
    public var body: String
    /// At most 120 characters.
    public var author: String?
    /// One slug-shaped word (`world`, `africa`).
    public var category: String
    /// At most 20 slug-shaped tags, order kept.
    public var tags: [String]
    /// A BCP 47 tag (`en`, `sw`, `pt-BR`).
    public var language: String
    /// Breaking news.
    public var breaking: Bool
    /// Draft, published or archived.
    public var status: ArticleStatus
    /// When it goes (or went) live; may be in the future (scheduled).
    public var publishedAt: Timestamp?
    /// Set by the server when created.
    public var createdAt: Timestamp
    /// Set by the server on every change.
    public var updatedAt: Timestamp
    /// Ids of the editor's "Also Read" choices, in order.
    public var related: [ID]
    /// The store's version of this article, raised on every write; not part of the JSON (used for ETags/If-Match).
    public var version: UInt64

    /// An article with the contract's defaults for everything not given.
    public init(
        id: ID,
        slug: String,
        title: String,
        summary: String? = nil,
        body: String,
        author: String? = nil,
        category: String,
        tags: [String] = [],
        language: String = "en",
        breaking: Bool = false,
        status: ArticleStatus = .draft,
        publishedAt: Timestamp? = nil,
        createdAt: Timestamp,
        updatedAt: Timestamp,
        related: [ID] = [],
        version: UInt64 = 0
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.summary = summary
        self.body = body
        self.author = author
        self.category = category
        self.tags = tags
        self.language = language
        self.breaking = breaking
        self.status = status
        self.publishedAt = publishedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.related = related
        self.version = version
    }

    /// Whether a reader (no credentials) may see it at `now`: published and publishedAt <= now.
    @inlinable
    public func isVisible(at now: Timestamp) -> Bool {
        guard status == .published, let publishedAt else { return false }
        return publishedAt <= now
    }
}
