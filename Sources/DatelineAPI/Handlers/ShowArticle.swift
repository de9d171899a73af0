import Articles
import HTTPServer

extension DatelineApplication {
    /// `GET /articles/{ref}`: the whole article (or `fields`), with `ETag` and `Last-Modified`.
    func showArticle(ref: String, _ context: RequestContext) throws -> HTTPResponse {
        var problems = unknownParameters(context, allowed: ["fields"])
        let fields = requestedFields(context, default: ArticleField.allCases, problems: &problems)
        guard problems.isEmpty else { throw Problem.badParameters(problems) }
        let article = try visibleArticle(ref: ref, context)

        // `If-Modified-Since` is answered from Last-Modified by ResponseEncoding.finish, as If-None-Match is.
        let lastModified = HTTPDate.format(secondsSince1970: article.updatedAt.secondsSince1970)
        var json = JSONWriter(capacity: 1024 + article.body.utf8.count)
        json.article(article, fields: fields)
        return jsonResponse(json.bytes, context, extraHeaders: [("Last-Modified", lastModified)])
    }

    /// The article named by id or slug as this requester may see it: readers get 404 for what they may not see.
    func visibleArticle(ref: String, _ context: RequestContext) throws -> Article {
        guard let article = try store.article(ref: ref), context.isEditor || article.isVisible(at: context.now) else {
            throw Problem.notFound("No article has the id or slug '\(ref)'.")
        }
        return article
    }
}
