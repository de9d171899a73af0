import HTTPServer

extension CORSPolicy {
    /// Adds the CORS headers to a response for `request`: for an allowed `Origin`, `Allow-Origin` and
    /// `Expose-Headers` (and with a list, `Allow-Credentials`); with a list, `Vary: Origin` on every answer,
    /// so a shared cache never hands one origin's answer to another.
    func apply(to response: inout HTTPResponse, for request: HTTPRequest) {
        if variesByOrigin { response.headers.add("Vary", "Origin") }
        guard let origin = request.headers["Origin"], let allowed = allowOrigin(for: origin) else { return }
        response.headers.add("Access-Control-Allow-Origin", allowed)
        if variesByOrigin { response.headers.add("Access-Control-Allow-Credentials", "true") }
        if request.method != "OPTIONS" { response.headers.add("Access-Control-Expose-Headers", Self.exposedHeaders) }
    }

    /// The answer to `OPTIONS` on a route that answers `methods`. A CORS preflight (an `Origin` and an
    /// `Access-Control-Request-Method`) from an allowed origin gets 204 with the allowed methods and headers
    /// and how long to keep them; one from any other origin a 403 problem naming the origin. A plain
    /// `OPTIONS` gets 204 with `Allow`. `apply(to:for:)` adds the origin headers afterwards.
    func preflight(_ request: HTTPRequest, methods: [String]) throws -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Allow", methods.joined(separator: ", "))
        guard let origin = request.headers["Origin"], request.headers.contains("Access-Control-Request-Method") else {
            return HTTPResponse(status: .noContent, headers: headers)
        }
        guard allowOrigin(for: origin) != nil else {
            throw Problem(
                .forbidden,
                detail: "The origin '\(origin)' may not call this API from a browser; the server's --cors-origin list does not include it."
            )
        }
        headers.add("Access-Control-Allow-Methods", Self.allowedMethods)
        headers.add("Access-Control-Allow-Headers", Self.allowedHeaders)
        headers.add("Access-Control-Max-Age", Self.maxAge)
        return HTTPResponse(status: .noContent, headers: headers)
    }
}
