/// Which browser origins may read the API's answers, and how (the Fetch standard's CORS protocol).
///
/// With `*` (the default) every origin may read, and no credentials are allowed: `*` and
/// `Access-Control-Allow-Credentials` never go together. With a list, an allowed origin is echoed back with
/// `Vary: Origin` and credentials allowed; any other origin gets no CORS headers, so the browser blocks it.
struct CORSPolicy: Sendable {
    enum Origins: Equatable, Sendable {
        /// Every origin: `Access-Control-Allow-Origin: *`.
        case any
        /// These origins only (ASCII-lowercased serializations: `https://news.example:8443`).
        case list(Set<String>)
    }

    let origins: Origins

    /// The methods the API answers somewhere, for `Access-Control-Allow-Methods`.
    static let allowedMethods = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"
    /// The request headers a browser may send, beyond the CORS-safelisted ones.
    static let allowedHeaders = "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, Last-Event-ID, X-Request-ID"
    /// The response headers a page's script may read, beyond the CORS-safelisted ones.
    static let exposedHeaders = "ETag, Link, Location, X-Total-Count, X-Request-ID, Idempotent-Replayed"
    /// How long a browser may reuse a preflight's answer, in seconds.
    static let maxAge = "600"

    /// `origins` as configured: `*` (anywhere in it) for any origin, else the listed ones.
    init(origins: [String]) {
        if origins.isEmpty || origins.contains("*") {
            self.origins = .any
        } else {
            self.origins = .list(Set(origins.map { $0.lowercased() }))
        }
    }

    /// The `Access-Control-Allow-Origin` value for a request from `origin`, or nil when it is not allowed.
    func allowOrigin(for origin: String) -> String? {
        switch origins {
        case .any: "*"
        case .list(let allowed): allowed.contains(origin.lowercased()) ? origin : nil
        }
    }

    /// Whether answers differ by `Origin`, so shared caches must keep them apart (`Vary: Origin`).
    var variesByOrigin: Bool { origins != .any }

    /// Whether `text` is a value `--cors-origin` takes: `*`, or an origin as browsers send it
    /// (`scheme://host[:port]`, no path, no trailing slash).
    static func isValidOrigin(_ text: String) -> Bool {
        if text == "*" { return true }
        guard let separator = text.range(of: "://") else { return false }
        let scheme = text[..<separator.lowerBound]
        let authority = text[separator.upperBound...]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
              !authority.isEmpty,
              !authority.contains(where: { "/?#@ \t".contains($0) || !$0.isASCII }) else { return false }
        return true
    }
}
