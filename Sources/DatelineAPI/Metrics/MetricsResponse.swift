import Articles
import HTTPServer

extension DatelineApplication {
    /// `GET /metrics`: the Prometheus text exposition; 404 when metrics are turned off.
    func metrics(_ context: RequestContext) throws -> HTTPResponse {
        guard let metrics else {
            throw Problem.notFound("Metrics are turned off on this server (--metrics false).")
        }
        let counts = try store.countsByStatus()
        let articles = ArticleStatus.allCases.map { (status: $0.rawValue, count: counts[$0] ?? 0) }
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        headers.add("Cache-Control", "no-store")
        return HTTPResponse(
            status: .ok, headers: headers, body: metrics.render(articles: articles, subscribers: eventHub.subscriberCount))
    }
}
