import Articles
import HTTPServer

/// What a handler knows about the request beyond its bytes.
struct RequestContext {
    let request: HTTPRequest
    let requestID: String
    /// The path without its query, percent-decoded segment by segment by the router.
    let path: String
    let parameters: QueryParameters
    /// A valid editor token was presented.
    let isEditor: Bool
    /// One clock reading per request, so every visibility check in it agrees.
    let now: Timestamp
}
