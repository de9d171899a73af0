import HTTPServer

extension DatelineApplication {
    /// Runs the write a method on a route asks for; the caller has checked the route allows the method.
    func dispatchWrite(_ route: Route, method: String, _ context: RequestContext) throws -> HTTPResponse {
        switch (route, method) {
        case (.articles, "POST"): try createArticle(context)
        case (.article(let ref), "PUT"): try updateArticle(ref: ref, mode: .replace, context)
        case (.article(let ref), "PATCH"): try updateArticle(ref: ref, mode: .patch, context)
        case (.article(let ref), "DELETE"): try deleteArticle(ref: ref, context)
        default: throw Problem.methodNotAllowed(method, allowed: route.allowedMethods)
        }
    }
}
