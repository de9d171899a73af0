public import Articles
public import HTTPServer
public import Logging

/// The Dateline API as an `HTTPResponder`: routes a request, runs its handler, and turns every error into
/// problem+json in exactly one place (`respond(to:)`).
public final class DatelineApplication: HTTPResponder {
    /// Turned off on drain; `/ready` reports it.
    public let readiness: Readiness
    let store: any ArticleStore
    let configuration: APIConfiguration
    let logger: Logger
    let staticFiles: StaticFiles
    let editorAuth: EditorAuth
    let cacheControl: String
    let cache = ResponseCache()
    /// Responses of POSTs sent with an `Idempotency-Key`, for retries.
    let idempotencyKeys = IdempotencyKeys()
    /// Turns store changes into `/events` for subscribers.
    let eventHub: EventHub

    public init(store: any ArticleStore, configuration: APIConfiguration, logger: Logger, readiness: Readiness = Readiness()) {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        self.readiness = readiness
        self.staticFiles = StaticFiles(root: configuration.publicDirectory)
        self.editorAuth = EditorAuth(tokens: configuration.editorTokens)
        self.cacheControl = "public, max-age=\(configuration.cacheMaxAge)"
        self.eventHub = EventHub(
            store: store, backlog: configuration.eventBacklog, heartbeat: configuration.eventHeartbeatInterval, logger: logger)
    }

    public func respond(to request: HTTPRequest) throws -> HTTPResponse {
        let requestID = RequestID.resolve(request.headers["X-Request-ID"])
        let route = Route(path: request.path)
        var response: HTTPResponse
        do {
            response = try handle(request, route: route, requestID: requestID)
        } catch let problem as Problem {
            response = problem.response
        } catch let convertible as any ProblemConvertible {
            response = convertible.problem.response
        } catch {
            logger.error("handler failed", metadata: [
                "request_id": "\(requestID)", "route": "\(route.template)", "error": "\(error)",
            ])
            response = Problem(.internalServerError, detail: "The server failed to answer this request; it has been logged with request id \(requestID).").response
        }
        response.headers.set("X-Request-ID", requestID)
        logAccess(request, response: response, route: route.template, requestID: requestID)
        return response
    }

    public func respond(to error: HTTPServerError, request: HTTPRequest?) -> HTTPResponse {
        let requestID = RequestID.resolve(request?.headers["X-Request-ID"])
        var response = Problem(error.status, detail: error.detail).response
        response.headers.set("X-Request-ID", requestID)
        if error == .handlerFailed {
            logger.error("handler failed", metadata: ["request_id": "\(requestID)"])
        }
        if let request {
            logAccess(request, response: response, route: Route(path: request.path).template, requestID: requestID)
        } else {
            logger.info("rejected", metadata: ["status": "\(error.status.code)", "request_id": "\(requestID)"])
        }
        return response
    }

    private func handle(_ request: HTTPRequest, route: Route, requestID: String) throws -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            guard route.writeMethods.contains(request.method) else {
                throw Problem.methodNotAllowed(request.method, allowed: route.allowedMethods)
            }
            try requireEditor(request)
            return try dispatchWrite(route, method: request.method, context(for: request, requestID: requestID, isEditor: true, now: .now()))
        }
        let isEditor = try editorAuth.authenticate(request.headers["Authorization"])
        let now = Timestamp.now()
        guard !isEditor && route.isCacheable else {
            var response = try dispatch(route, context(for: request, requestID: requestID, isEditor: isEditor, now: now))
            // Nothing an editor sees may be kept by a shared cache.
            if isEditor { response.headers.set("Cache-Control", "no-store") }
            return response
        }
        // A reader's GET of an article route: answered from the cache when it holds a valid encoding. The
        // version (the store's, or the one article's) is read before building, so a write that lands
        // meanwhile makes the entry stale rather than hidden.
        let key = request.query.map { request.path + "?" + $0 } ?? request.path
        let source: CacheSource
        if case .article(let ref) = route {
            // No article of that ref: nothing to cache; the handler answers 404.
            guard let current = try store.currentVersion(ref: ref) else {
                return try dispatch(route, context(for: request, requestID: requestID, isEditor: false, now: now))
            }
            source = .article(id: current.id, version: current.version)
        } else {
            source = .store(version: store.version)
        }
        if let cached = cache.lookup(key, source: source, now: now.secondsSince1970) {
            return cached.response(to: request)
        }
        let response = try dispatch(route, context(for: request, requestID: requestID, isEditor: false, now: now))
        if response.status == .ok, let tag = response.headers["ETag"] {
            let validUntil = try store.nextScheduledPublication(after: now)?.secondsSince1970 ?? .max
            cache.store(key, CachedResponse(
                status: response.status, headers: response.headers, body: response.body,
                entityTag: tag, source: source, validUntil: validUntil
            ))
        }
        return response
    }

    private func context(for request: HTTPRequest, requestID: String, isEditor: Bool, now: Timestamp) -> RequestContext {
        RequestContext(
            request: request,
            requestID: requestID,
            path: request.path,
            parameters: QueryParameters(request.query),
            isEditor: isEditor,
            now: now
        )
    }

    private func dispatch(_ route: Route, _ context: RequestContext) throws -> HTTPResponse {
        switch route {
        case .articles: try listArticles(context)
        case .article(let ref): try showArticle(ref: ref, context)
        case .related(let ref): try relatedArticles(ref: ref, context)
        case .categories: try facets(.category, context)
        case .tags: try facets(.tag, context)
        case .authors: try facets(.author, context)
        case .health: health()
        case .ready: ready()
        case .events: try events(context)
        case .staticFile: try staticFiles.response(for: context)
        }
    }

    private func logAccess(_ request: HTTPRequest, response: HTTPResponse, route: String, requestID: String) {
        guard logger.logLevel <= .info else { return }
        let elapsed = ContinuousClock.now - request.receivedAt
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        logger.info("\(request.method) \(request.target) \(response.status.code)", metadata: [
            "route": "\(route)",
            "status": "\(response.status.code)",
            "bytes": "\(response.body.count)",
            "duration_ms": "\(Double(microseconds) / 1000)",
            "request_id": "\(requestID)",
            "remote": "\(request.remoteAddress)",
        ])
    }
}
