/// The JSON field names of an article, in the contract's order (id, slug, title, summary, body, author,
/// category, tags, language, breaking, status, publishedAt, createdAt, updatedAt, related).
public enum ArticleField: String, Sendable, CaseIterable, Hashable {
    case id, slug, title, summary, body, author, category, tags, language, breaking, status,
         publishedAt, createdAt, updatedAt, related

    /// The field's position in `allCases` (a switch the compiler turns into a table), for per-field tables.
    public var ordinal: Int {
        switch self {
        case .id: 0
        case .slug: 1
        case .title: 2
        case .summary: 3
        case .body: 4
        case .author: 5
        case .category: 6
        case .tags: 7
        case .language: 8
        case .breaking: 9
        case .status: 10
        case .publishedAt: 11
        case .createdAt: 12
        case .updatedAt: 13
        case .related: 14
        }
    }

    /// Every field but body: the default of lists.
    public static let listDefault: [ArticleField] = allCases.filter { $0 != .body }
}
