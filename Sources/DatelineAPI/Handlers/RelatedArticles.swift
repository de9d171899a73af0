import Articles
import HTTPServer

extension DatelineApplication {
    /// `GET /articles/{ref}/related`: the "Also Read" / "Don't Miss" rail, only what readers may see.
    func relatedArticles(ref: String, _ context: RequestContext) throws -> HTTPResponse {
        var problems = unknownParameters(context, allowed: ["limit", "fields"])
        var limit = 5
        if let value = context.parameters.value("limit") {
            if let number = Int(value), (1...20).contains(number) {
                limit = number
            } else {
                problems.append(.parameter("limit", "must be a whole number from 1 to 20, not '\(value)'"))
            }
        }
        let fields = requestedFields(context, default: ArticleField.listDefault, problems: &problems)
        guard problems.isEmpty else { throw Problem.badParameters(problems) }
        let article = try visibleArticle(ref: ref, context)
        let related = try store.related(to: article, limit: limit, now: context.now)

        var json = JSONWriter(capacity: 512 + related.count * 700)
        json.beginObject()
        json.key("data")
        json.beginArray()
        for item in related { json.article(item, fields: fields) }
        json.endArray()
        json.key("meta")
        json.beginObject()
        json.key("total"); json.int(related.count)
        json.key("limit"); json.int(limit)
        json.endObject()
        json.key("links")
        json.beginObject()
        json.key("self"); json.string(ListLinks(path: context.request.path, parameters: context.parameters, rawQuery: context.request.query).selfLink)
        json.endObject()
        json.endObject()
        return jsonResponse(json.bytes, context)
    }
}
