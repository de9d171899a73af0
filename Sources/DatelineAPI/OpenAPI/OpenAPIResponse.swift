import HTTPServer

extension DatelineApplication {
    /// `GET /openapi.json`: the OpenAPI document in the form the client prefers, or a 304 (its ETag).
    func openAPIDocument(_ context: RequestContext) -> HTTPResponse {
        OpenAPIDocument.answer.response(to: context.request)
    }
}
