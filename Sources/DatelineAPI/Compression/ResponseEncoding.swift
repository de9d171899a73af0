import HTTPServer

/// The last step of every response: picks gzip or identity for the client (`Accept-Encoding`), gives the
/// chosen form its own strong ETag, and answers a matching `If-None-Match` (either form's tag) or
/// `If-Modified-Since` with 304. Handlers build plain identity 200s; this decides what goes out.
enum ResponseEncoding {
    /// How one body goes out to one client.
    struct Choice: Equatable {
        /// The response depends on `Accept-Encoding`: it carries `Vary: Accept-Encoding`.
        var varies: Bool
        /// The body goes out gzipped.
        var gzip: Bool

        static let identity = Choice(varies: false, gzip: false)
    }

    /// The choice for a body of `length` bytes of `contentType`: compressible types of at least 1 KiB vary by
    /// `Accept-Encoding`, and go out gzipped to clients that prefer gzip. Anything else goes out as it is, also
    /// to a client that refuses identity (RFC 9110 §12.5.3 lets a server send identity then).
    static func choice(contentType: String?, length: Int, accept: AcceptEncoding) -> Choice {
        guard length >= Compressible.minimumLength,
              let contentType, Compressible.isCompressible(contentType: contentType) else { return .identity }
        return Choice(varies: true, gzip: accept.prefersGzip)
    }

    /// Encodes a freshly built response for `request`. Streams, bodiless and already encoded responses go out
    /// as they are; conditionals apply to 200s of GET and HEAD that carry an ETag.
    static func finish(_ response: inout HTTPResponse, for request: HTTPRequest) {
        guard response.stream == nil, !response.body.isEmpty, !response.headers.contains("Content-Encoding") else { return }
        let choice = choice(
            contentType: response.headers["Content-Type"], length: response.body.count, accept: AcceptEncoding(request.headers))
        if choice.varies { response.headers.add("Vary", "Accept-Encoding") }
        let tag = response.headers["ETag"]
        if choice.gzip, let tag { response.headers.set("ETag", EntityTag.gzipForm(of: tag)) }
        if response.status == .ok, request.method == "GET" || request.method == "HEAD",
           isNotModified(request.headers, entityTag: tag, lastModified: response.headers["Last-Modified"]) {
            response.status = .notModified
            response.body = []
            return
        }
        if choice.gzip {
            response.body = Gzip.compress(response.body)
            response.headers.add("Content-Encoding", "gzip")
        }
    }

    /// Whether a GET with these headers gets 304 (RFC 9110 §13.2.2): `If-None-Match` naming either form of
    /// `entityTag` (the identity form's tag) or `*` when it is present, else `If-Modified-Since` not before
    /// `Last-Modified`.
    static func isNotModified(_ headers: HTTPHeaders, entityTag: String?, lastModified: String?) -> Bool {
        if let condition = headers["If-None-Match"] {
            guard let entityTag else { return false }
            return EntityTag.noneMatchHits(condition, tag: entityTag)
        }
        guard let lastModified, let since = headers["If-Modified-Since"].flatMap(HTTPDate.parse),
              let modified = HTTPDate.parse(lastModified) else { return false }
        return modified <= since
    }
}
