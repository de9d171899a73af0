import HTTPServer

/// A 200 whose body does not change while the server runs (the OpenAPI document), in both forms made once:
/// identity with its strong ETag and, when the body is worth compressing, gzip with its own. Answering a
/// client that accepts gzip then compresses nothing, as with the response cache's entries.
struct PrecompressedAnswer: Sendable {
    /// The identity form's headers: those given, its ETag, and `Vary: Accept-Encoding` when a gzip form exists.
    let headers: HTTPHeaders
    let body: [UInt8]
    /// The identity form's strong tag.
    let entityTag: String
    /// The gzip form (with `Content-Encoding` and its own tag), when `ResponseEncoding.choice` would compress.
    let gzip: Form?

    /// One form's headers and body.
    struct Form: Sendable {
        let headers: HTTPHeaders
        let body: [UInt8]
    }

    /// Both forms of `body`, whose headers (`Content-Type`, `Cache-Control`, …) are `headers`; the ETag is
    /// computed here.
    init(headers: HTTPHeaders, body: [UInt8]) {
        let entityTag = EntityTag.of(body)
        var headers = headers
        headers.set("ETag", entityTag)
        let choice = ResponseEncoding.choice(contentType: headers["Content-Type"], length: body.count, accept: .gzipPreferred)
        if choice.varies { headers.add("Vary", "Accept-Encoding") }
        if choice.gzip {
            var gzipHeaders = headers
            gzipHeaders.set("ETag", EntityTag.gzipForm(of: entityTag))
            gzipHeaders.add("Content-Encoding", "gzip")
            gzip = Form(headers: gzipHeaders, body: Gzip.compress(body))
        } else {
            gzip = nil
        }
        self.headers = headers
        self.body = body
        self.entityTag = entityTag
    }

    /// The answer to a GET or HEAD: the form the client prefers, or a 304 when `If-None-Match` names either
    /// form's tag (or `If-Modified-Since` is not before `Last-Modified`). Allocates nothing but the response.
    func response(to request: HTTPRequest) -> HTTPResponse {
        let form = gzip.flatMap { AcceptEncoding(request.headers).prefersGzip ? $0 : nil }
        let headers = form?.headers ?? self.headers
        if ResponseEncoding.isNotModified(request.headers, entityTag: entityTag, lastModified: headers["Last-Modified"]) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        return HTTPResponse(status: .ok, headers: headers, body: form?.body ?? body)
    }
}
