/// The JSON field names of an article, in the contract's order (id, slug, title, summary, body, author,
/// category, tags, language, breaking, status, publishedAt, createdAt, updatedAt, related).
public enum ArticleField: String, Sendable, CaseIterable, Hashable {
    case id, slug, title, summary, body, author, category, tags, language, breaking, status,
         publishedAt, createdAt, updatedAt, related

    /// Every field but body: the default of lists.
    public static let listDefault: [ArticleField] = allCases.filter { $0 != .body }
}
