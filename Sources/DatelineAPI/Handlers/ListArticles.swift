import Articles
import HTTPServer

extension DatelineApplication {
    /// `GET /articles`: the filtered, sorted, paginated list in the contract's envelope.
    func listArticles(_ context: RequestContext) throws -> HTTPResponse {
        let allowed = ArticleQuery.parameterNames
        var problems = unknownParameters(context, allowed: allowed)
        if context.parameters.value("status") != nil, !context.isEditor {
            throw Problem.unauthorized("The 'status' parameter is for editors; send 'Authorization: Bearer <token>'.")
        }
        var query = ArticleQuery()
        do {
            query = try ArticleQuery.parse(context.parameters.pairs(in: allowed))
        } catch {
            problems += error.problems.map { .parameter($0.name, $0.message) }
        }
        guard problems.isEmpty else { throw Problem.badParameters(problems) }

        let page = try store.articles(matching: query, now: context.now)
        let links = ListLinks(path: "/articles", parameters: context.parameters, rawQuery: context.request.query)
        var json = JSONWriter(capacity: 512 + page.articles.count * 700)
        var headers: [(String, String)] = [("X-Total-Count", String(page.total))]
        json.beginObject()
        json.key("data")
        json.beginArray()
        for article in page.articles { json.article(article, fields: query.fields) }
        json.endArray()
        json.key("meta")
        json.beginObject()
        json.key("total"); json.int(page.total)
        json.key("limit"); json.int(query.limit)
        if let pageNumber = query.page {
            let pages = (page.total + query.limit - 1) / query.limit
            json.key("page"); json.int(pageNumber)
            json.key("pages"); json.int(pages)
            json.endObject()
            let pageLinks = links.pageLinks(page: pageNumber, pages: pages)
            json.key("links")
            json.beginObject()
            for (rel, url) in pageLinks {
                json.key(rel); json.string(url)
            }
            json.endObject()
            let linkHeader = pageLinks.filter { $0.rel != "self" }.map { "<\($0.url)>; rel=\"\($0.rel)\"" }
            if !linkHeader.isEmpty { headers.append(("Link", linkHeader.joined(separator: ", "))) }
        } else {
            json.key("next")
            json.optionalString(page.nextCursor?.encoded)
            json.endObject()
            json.key("links")
            json.beginObject()
            json.key("self"); json.string(links.selfLink)
            if let cursor = page.nextCursor {
                let next = links.cursorLink(cursor.encoded)
                json.key("next"); json.string(next)
                headers.append(("Link", "<\(next)>; rel=\"next\""))
            }
            json.endObject()
        }
        json.endObject()
        return jsonResponse(json.bytes, context, extraHeaders: headers)
    }
}
