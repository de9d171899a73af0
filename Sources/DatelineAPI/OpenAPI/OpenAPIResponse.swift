import HTTPServer

extension DatelineApplication {
    /// `GET /openapi.json`: the OpenAPI document, revalidated by its ETag (`Cache-Control: no-cache`).
    func openAPIDocument(_ context: RequestContext) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json; charset=utf-8")
        headers.add("Cache-Control", "no-cache")
        headers.add("ETag", OpenAPIDocument.entityTag)
        if let condition = context.request.headers["If-None-Match"], EntityTag.noneMatchHits(condition, tag: OpenAPIDocument.entityTag) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        return HTTPResponse(status: .ok, headers: headers, body: OpenAPIDocument.bytes)
    }
}

extension OpenAPIDocument {
    /// The document's bytes, made once.
    static let bytes = Array(json.utf8)
    /// Its strong ETag, made once (hashing the whole document per request would cost more than sending it).
    static let entityTag = EntityTag.of(bytes)
}
