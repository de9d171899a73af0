/// Why a store refused a read or write. Carries no HTTP; DatelineAPI maps it.
public enum ArticleStoreError: Error, Sendable, Equatable {
    /// No article has this id (or slug).
    case notFound(ref: String)
    /// The expected version is stale (or the id exists on a create); `current` is the stored version.
    case versionConflict(current: UInt64)
    /// Another article already has this slug.
    case slugTaken(String)
    /// The article breaks the contract's rules; every problem is listed (location `.field`).
    case invalid(ValidationError)
    /// The store cannot answer now (its database is down or unreachable, its disk full); `reason` says which,
    /// in words for an operator. Nothing was changed. The API answers 503 and recovers when the store does.
    case unavailable(reason: String)
}
