import HTTPServer

extension DatelineApplication {
    /// `GET /events`: the Server-Sent Events stream of what readers see (`?breaking=true`: breaking news
    /// only), resumed after `Last-Event-ID` when the backlog still holds it.
    func events(_ context: RequestContext) throws -> HTTPResponse {
        var problems = unknownParameters(context, allowed: ["breaking"])
        var breakingOnly = false
        if let value = context.parameters.value("breaking") {
            switch value {
            case "true": breakingOnly = true
            case "false": breakingOnly = false
            default: problems.append(.parameter("breaking", "must be true or false, not '\(value)'"))
            }
        }
        guard problems.isEmpty else { throw Problem.badParameters(problems) }
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/event-stream")
        headers.add("Cache-Control", "no-store")
        // Proxies that buffer (nginx) would hold events back.
        headers.add("X-Accel-Buffering", "no")
        let lastEventID = context.request.headers["Last-Event-ID"]
        return HTTPResponse(status: .ok, headers: headers, stream: EventStream(
            hub: eventHub, breakingOnly: breakingOnly, lastEventID: lastEventID))
    }
}
