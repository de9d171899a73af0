/// One facet value and how many visible articles have it.
public struct Facet: Sendable, Equatable {
    /// The category, tag or author.
    public var name: String
    /// Visible articles with it.
    public var count: Int

    /// `count` articles with `name`.
    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

/// What `ArticleStore.facets` counts.
public enum FacetKind: Sendable {
    case category, tag, author
}
