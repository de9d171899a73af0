import Hummingbird

/// Builds the router of the read endpoints over `store`.
func buildRouter(store: ArticleStore) -> Router<BasicRequestContext> {
    let router = Router()

    router.get("/health") { _, _ in
        Health(status: "ok")
    }

    router.get("/articles/:id") { _, context -> Article in
        let id = try context.parameters.require("id")
        guard let article = store.byID[id] else { throw HTTPError(.notFound) }
        return article
    }

    router.get("/articles") { request, _ -> ArticleList in
        let parameters = request.uri.queryParameters
        let limit = min(max(parameters.get("limit", as: Int.self) ?? 20, 1), 100)
        let offset = max(parameters.get("cursor", as: Int.self) ?? 0, 0)
        let tag = parameters.get("tag")
        let query = parameters.get("q")
        let matches = (tag == nil && query == nil) ? store.newestFirst : store.filter(tag: tag, query: query)
        let page = matches.dropFirst(offset).prefix(limit)
        // The cursor is simply the next offset: this baseline does not need keyset pagination.
        let next = offset + page.count < matches.count ? String(offset + page.count) : nil
        let path = request.uri.path
        let selfLink = request.uri.query.map { "\(path)?\($0)" } ?? path
        return ArticleList(
            data: page.map(ArticleSummary.init),
            meta: .init(total: matches.count, limit: limit, next: next),
            links: .init(self: selfLink, next: next.map { "\(path)?limit=\(limit)&cursor=\($0)" })
        )
    }

    return router
}
