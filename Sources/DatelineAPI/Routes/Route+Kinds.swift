extension Route {
    /// One route of each kind, in `index` order: what metrics label and the OpenAPI test walks.
    static let everyKind: [Route] = [
        .articles, .article(ref: "{ref}"), .related(ref: "{ref}"), .categories, .tags, .authors,
        .health, .ready, .events, .metrics, .openAPI, .staticFile,
    ]

    /// The templates of `everyKind`, by `index`.
    static let templates: [String] = everyKind.map(\.template)

    /// The route's position in `everyKind`. The switch is exhaustive, so a new route does not compile until
    /// it has a place there (and so a metrics label and an OpenAPI test).
    var index: Int {
        switch self {
        case .articles: 0
        case .article: 1
        case .related: 2
        case .categories: 3
        case .tags: 4
        case .authors: 5
        case .health: 6
        case .ready: 7
        case .events: 8
        case .metrics: 9
        case .openAPI: 10
        case .staticFile: 11
        }
    }
}
