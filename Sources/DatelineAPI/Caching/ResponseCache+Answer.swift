import HTTPServer

extension ResponseCache {
    /// The answer to `request` from `entry`, found (or just stored) under `key`, in the form the client
    /// prefers: gzip for a compressible entry when `Accept-Encoding` asks for it, built once and then kept in
    /// the entry, identity otherwise. This is the cache-hit path: no header is parsed twice, and nothing is
    /// allocated once the gzip form exists.
    func answer(_ request: HTTPRequest, from entry: CachedResponse, key: String) -> HTTPResponse {
        guard entry.compressible, AcceptEncoding(request.headers).prefersGzip else {
            return entry.response(to: request, gzip: nil)
        }
        if let form = entry.gzip { return entry.response(to: request, gzip: form) }
        let form = entry.makeGzipForm()
        attach(form, to: key, entityTag: entry.entityTag)
        return entry.response(to: request, gzip: form)
    }
}
