import Articles
import HTTPServer

extension DatelineApplication {
    /// The article's full JSON as `GET /articles/{ref}` sends it: its bytes are what the ETag is made from.
    func representation(of article: Article) -> [UInt8] {
        var json = JSONWriter(capacity: 1024 + article.body.utf8.count)
        json.article(article, fields: ArticleField.allCases)
        return json.bytes
    }

    /// The ETag a reader's GET of `article` carries, which `If-Match` must name.
    func entityTag(of article: Article) -> String {
        EntityTag.of(representation(of: article))
    }

    /// A write's answer: the whole article with its ETag, never kept by a shared cache.
    func writeResponse(_ status: HTTPStatus, _ article: Article, extraHeaders: [(String, String)] = []) -> HTTPResponse {
        let body = representation(of: article)
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json; charset=utf-8")
        headers.add("Cache-Control", "no-store")
        headers.add("ETag", EntityTag.of(body))
        headers.add("Last-Modified", HTTPDate.format(secondsSince1970: article.updatedAt.secondsSince1970))
        for (name, value) in extraHeaders { headers.add(name, value) }
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}

extension Problem {
    /// 412: the article changed (or the tag never was its own) since the editor read it.
    static func stale(_ ref: String) -> Problem {
        Problem(
            .preconditionFailed,
            detail: "The article '\(ref)' has changed since the ETag in If-Match was issued; "
                + "GET it again, reapply your change and retry with the new ETag."
        )
    }

    /// 422 listing every bad field.
    static func invalidFields(_ entries: [Entry]) -> Problem {
        let detail: String
        if entries.count == 1, let entry = entries.first {
            detail = "The field '\(entry.name)' is invalid: \(entry.message)."
        } else {
            detail = "\(entries.count) fields are invalid; see errors."
        }
        return Problem(.unprocessableContent, detail: detail, errors: entries)
    }

    /// 404 for a ref no article has.
    static func noArticle(_ ref: String) -> Problem {
        .notFound("No article has the id or slug '\(ref)'.")
    }
}
