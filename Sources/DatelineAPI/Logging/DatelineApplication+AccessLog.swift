import HTTPServer
import Logging

extension DatelineApplication {
    /// One line per answered request: method, route template, path, status, body bytes, duration, request
    /// id, remote address and protocol. `/health` and `/ready` (a balancer's probes, every few seconds) log
    /// at debug. No header is logged, so neither `Authorization` nor a token ever is.
    func logAccess(_ request: HTTPRequest, response: HTTPResponse, route: Route, requestID: String) {
        let level: Logger.Level = route == .health || route == .ready ? .debug : .info
        guard logger.logLevel <= level else { return }
        let elapsed = ContinuousClock.now - request.receivedAt
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        logger.log(level: level, "\(request.method) \(request.target) \(response.status.code)", metadata: [
            "method": "\(request.method)",
            "route": "\(route.template)",
            "path": "\(request.path)",
            "status": "\(response.status.code)",
            "bytes": "\(request.method == "HEAD" ? 0 : response.body.count)",
            "duration_ms": "\(Double(microseconds) / 1000)",
            "request_id": "\(requestID)",
            "remote": "\(request.remoteAddress)",
            "protocol": "\(request.version.major == 2 ? "HTTP/2" : request.version.description)",
        ])
    }
}
