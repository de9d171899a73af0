import HTTPServer

/// What a cached answer depends on.
enum CacheSource: Equatable, Sendable {
    /// Lists, the rail and facets depend on every article: any write makes them stale.
    case store(version: UInt64)
    /// One article's answer (`/articles/{ref}`) depends on that article only: it stays valid until a change
    /// to the article that `ref` named, or names now, drops it (`ResponseCache.articleChanged`).
    case article(ref: String)
}

/// A reader's 200 response, encoded once, with what decides when it is stale.
struct CachedResponse: Sendable {
    var status: HTTPStatus
    var headers: HTTPHeaders
    var body: [UInt8]
    var entityTag: String
    /// What the answer was built from; when that changes, the entry is stale.
    var source: CacheSource
    /// Seconds since 1970 at which a scheduled article becomes visible and the answer may change.
    var validUntil: Int64
}

extension CachedResponse {
    /// The cached answer to `request`: a 304 when its validators match (`If-None-Match` first, else
    /// `If-Modified-Since` against `Last-Modified`), otherwise the whole response.
    func response(to request: HTTPRequest) -> HTTPResponse {
        if let condition = request.headers["If-None-Match"] {
            if EntityTag.noneMatchHits(condition, tag: entityTag) { return HTTPResponse(status: .notModified, headers: headers) }
        } else if let since = request.headers["If-Modified-Since"].flatMap(HTTPDate.parse),
                  let modified = headers["Last-Modified"].flatMap(HTTPDate.parse), modified <= since {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}
