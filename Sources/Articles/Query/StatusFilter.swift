/// Who is asking: readers see only visible articles; editors may filter by status.
/// `.visible` = readers' view (published && publishedAt <= now). `published` for editors includes scheduled ones.
public enum StatusFilter: Sendable, Equatable {
    case visible, draft, published, archived, any

    /// Whether `article` passes this filter at `now`.
    @inlinable
    public func admits(_ article: Article, at now: Timestamp) -> Bool {
        switch self {
        case .visible: article.isVisible(at: now)
        case .draft: article.status == .draft
        case .published: article.status == .published
        case .archived: article.status == .archived
        case .any: true
        }
    }
}
