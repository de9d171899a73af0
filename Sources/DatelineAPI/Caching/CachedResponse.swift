import HTTPServer

/// What a cached answer depends on.
enum CacheSource: Equatable, Sendable {
    /// Lists, the rail and facets depend on every article: any write makes them stale.
    case store(version: UInt64)
    /// One article's answer (`/articles/{ref}`) depends on that article only: it stays valid until a change
    /// to the article that `ref` named, or names now, drops it (`ResponseCache.articleChanged`).
    case article(ref: String)
}

/// A reader's 200 response, encoded once, with what decides when it is stale. Its gzip form is built by the
/// first client that wants it and kept beside it (`ResponseCache.attach`), so a hot article is compressed
/// once, not per request.
struct CachedResponse: Sendable {
    var status: HTTPStatus
    /// The identity form's headers, `Vary: Accept-Encoding` included when a gzip form may exist.
    var headers: HTTPHeaders
    var body: [UInt8]
    /// The identity form's strong tag.
    var entityTag: String
    /// What the answer was built from; when that changes, the entry is stale.
    var source: CacheSource
    /// Seconds since 1970 at which a scheduled article becomes visible and the answer may change.
    var validUntil: Int64
    /// A compressible type at least `Compressible.minimumLength` long: clients that want gzip get it.
    var compressible: Bool
    /// The gzip form, once a client asked for it.
    var gzip: GzipForm?

    /// The gzip form of the body, with its own headers (`Content-Encoding`, its own ETag).
    struct GzipForm: Sendable {
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    /// An entry for a freshly built response (identity, as handlers build them); `Vary: Accept-Encoding` is
    /// added when the body may be compressed.
    init(status: HTTPStatus, headers: HTTPHeaders, body: [UInt8], entityTag: String, source: CacheSource, validUntil: Int64) {
        self.status = status
        self.headers = headers
        self.body = body
        self.entityTag = entityTag
        self.source = source
        self.validUntil = validUntil
        self.compressible = body.count >= Compressible.minimumLength
            && headers["Content-Type"].map(Compressible.isCompressible(contentType:)) == true
        if compressible { self.headers.add("Vary", "Accept-Encoding") }
    }

    /// Bytes held: the body and the gzip form's.
    var byteCount: Int { body.count + (gzip?.body.count ?? 0) }

    /// The gzip form of this entry, made now.
    func makeGzipForm() -> GzipForm {
        var headers = self.headers
        headers.set("ETag", EntityTag.gzipForm(of: entityTag))
        headers.add("Content-Encoding", "gzip")
        return GzipForm(headers: headers, body: Gzip.compress(body))
    }
}

extension CachedResponse {
    /// The answer to `request` in the form `form` (identity when nil): a 304 when a validator matches
    /// (`If-None-Match` naming either form's tag first, else `If-Modified-Since` against `Last-Modified`),
    /// otherwise the whole response.
    func response(to request: HTTPRequest, gzip form: GzipForm?) -> HTTPResponse {
        let headers = form?.headers ?? self.headers
        if let condition = request.headers["If-None-Match"] {
            if EntityTag.noneMatchHits(condition, tag: entityTag) { return HTTPResponse(status: .notModified, headers: headers) }
        } else if let since = request.headers["If-Modified-Since"].flatMap(HTTPDate.parse),
                  let modified = headers["Last-Modified"].flatMap(HTTPDate.parse), modified <= since {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        return HTTPResponse(status: status, headers: headers, body: form?.body ?? body)
    }
}
