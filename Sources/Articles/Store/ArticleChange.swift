/// A change the store made, in commit order (feeds caches and /events later).
public struct ArticleChange: Sendable {
    /// What happened to the article.
    public enum Kind: Sendable {
        case created, updated, deleted
    }

    /// Created, updated or deleted.
    public var kind: Kind
    /// The article before the change (nil when created).
    public var before: Article?
    /// The article after the change (nil when deleted).
    public var after: Article?
    /// The store's version after the change.
    public var storeVersion: UInt64

    /// A change of `kind` from `before` to `after`.
    public init(kind: Kind, before: Article?, after: Article?, storeVersion: UInt64) {
        self.kind = kind
        self.before = before
        self.after = after
        self.storeVersion = storeVersion
    }
}
