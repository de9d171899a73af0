import HTTPServer

extension DatelineApplication {
    /// `GET /health`: liveness. 200 while the process serves.
    func health() -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json; charset=utf-8")
        headers.add("Cache-Control", "no-store")
        return HTTPResponse(status: .ok, headers: headers, body: Self.healthBody)
    }

    /// `GET /ready`: 200 when the store answers and the server is not draining; 503 otherwise.
    func ready(requestID: String) -> HTTPResponse {
        if readiness.isDraining {
            return Problem(.serviceUnavailable, detail: "The server is shutting down; send requests to another instance.").response
        }
        do {
            _ = try store.article(ref: "-")
        } catch {
            logger.warning("readiness check failed", metadata: ["error": "\(error)", "request_id": "\(requestID)"])
            return Problem(.serviceUnavailable, detail: "The article store does not answer.").response
        }
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json; charset=utf-8")
        headers.add("Cache-Control", "no-store")
        return HTTPResponse(status: .ok, headers: headers, body: Self.readyBody)
    }

    private static let healthBody = Array(#"{"status":"ok"}"#.utf8)
    private static let readyBody = Array(#"{"status":"ready"}"#.utf8)
}
