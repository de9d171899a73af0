import Articles
import HTTPServer

extension DatelineApplication {
    /// A 200 JSON response with a strong ETag. `ResponseEncoding.finish` later turns it into a 304 when a
    /// validator matches, and gzips it for clients that want it.
    func jsonResponse(_ body: [UInt8], _ context: RequestContext, cacheControl: String? = nil,
                      extraHeaders: [(String, String)] = []) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json; charset=utf-8")
        headers.add("Cache-Control", cacheControl ?? self.cacheControl)
        headers.add("ETag", EntityTag.of(body))
        for (name, value) in extraHeaders { headers.add(name, value) }
        return HTTPResponse(status: .ok, headers: headers, body: body)
    }

    /// The `fields` parameter as the list parser reads it, or `defaultFields` without one; a bad value adds
    /// its problem to `problems`.
    func requestedFields(_ context: RequestContext, default defaultFields: [ArticleField], problems: inout [Problem.Entry]) -> [ArticleField] {
        guard let value = context.parameters.value("fields") else { return defaultFields }
        do {
            return try ArticleQuery.parse([("fields", value)]).fields
        } catch {
            problems += error.problems.map { .parameter($0.name, $0.message) }
            return defaultFields
        }
    }

    /// Rejects parameters the route does not know (with suggestions) and malformed encodings, all at once.
    func unknownParameters(_ context: RequestContext, allowed: [String]) -> [Problem.Entry] {
        context.parameters.malformed + context.parameters.unknown(allowed: allowed)
    }
}
