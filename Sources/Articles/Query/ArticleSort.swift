/// The order of a list. Ties are broken by id in the sort's direction.
public enum ArticleSort: String, Sendable, CaseIterable {
    /// publishedAt descending, then id descending.
    case newest
    /// publishedAt ascending, then id ascending.
    case oldest
    /// updatedAt descending, then id descending.
    case updated
    /// Search score descending, then publishedAt descending, then id descending (only with `q`).
    case relevance
}
