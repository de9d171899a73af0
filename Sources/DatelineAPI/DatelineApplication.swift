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
    /// Which browser origins may read answers (CORS).
    let cors: CORSPolicy
    let cache: ResponseCache
    /// Responses of POSTs sent with an `Idempotency-Key`, for retries.
    let idempotencyKeys = IdempotencyKeys()
    /// Turns store changes into `/events` for subscribers.
    let eventHub: EventHub
    /// Threads for a store whose calls block (a database); nil for the memory store, called in place.
    let storePool: BlockingPool?
    /// What `/metrics` reports; nil when metrics are turned off.
    public let metrics: APIMetrics?

    public init(store: any ArticleStore, configuration: APIConfiguration, logger: Logger, readiness: Readiness = Readiness()) {
        let metrics = configuration.metricsEnabled ? APIMetrics() : nil
        self.metrics = metrics
        // Every store call timed for `/metrics` (dateline_store_operation_duration_seconds).
        self.store = metrics.map { TimedStore(store, factory: $0.factory) } ?? store
        self.configuration = configuration
        self.logger = logger
        self.readiness = readiness
        self.staticFiles = StaticFiles(root: configuration.publicDirectory)
        self.editorAuth = EditorAuth(tokens: configuration.editorTokens)
        self.cacheControl = "public, max-age=\(configuration.cacheMaxAge)"
        self.cache = ResponseCache(byteLimit: configuration.responseCacheBytes)
        self.cors = CORSPolicy(origins: configuration.corsOrigins)
        self.eventHub = EventHub(
            store: store, backlog: configuration.eventBacklog, heartbeat: configuration.eventHeartbeatInterval, logger: logger)
        self.storePool = store.callsMayBlock
            ? BlockingPool(threads: configuration.storeThreads, queueLimit: configuration.storeQueueLimit) : nil
        store.onChange { [cache] change in
            // Every ref the article was or is known by: its id, and its slug before and after.
            var refs: [String] = []
            for article in [change.before, change.after].compactMap({ $0 }) {
                for ref in [article.id, article.slug] where !refs.contains(ref) { refs.append(ref) }
            }
            cache.articleChanged(refs: refs, storeVersion: change.storeVersion)
        }
    }

    deinit {
        storePool?.stop()
    }

    /// Answers in place when that needs no blocking call: always with the memory store; with a database
    /// store, for cache hits and routes that do not read the store. Everything else is answered on the
    /// store's pool, and the connection waits for it without holding its event loop.
    public func respond(to request: HTTPRequest) throws -> HTTPResponse {
        guard let storePool, request.method != "OPTIONS" else { return answer(request) }
        let route = Route(path: request.path)
        guard route.readsStore else { return answer(request) }
        if let hit = try? cachedAnswer(request, route: route) { return hit }
        return .deferred { [self] completion in
            let queued = storePool.submit { completion.complete(self.answer(request)) }
            if !queued {
                completion.complete(finish(request, Problem(
                    .serviceUnavailable, detail: "The server is too busy to answer; retry shortly.",
                    headers: [("Retry-After", "1")]).response))
            }
        }
    }

    /// The answer to `request`, computed here and now.
    func answer(_ request: HTTPRequest) -> HTTPResponse {
        let requestID = RequestID.resolve(request.headers["X-Request-ID"])
        let route = Route(path: request.path)
        var response: HTTPResponse
        do {
            response = try handle(request, route: route, requestID: requestID)
        } catch let problem as Problem {
            response = encoded(problem.response, for: request)
        } catch let convertible as any ProblemConvertible {
            if case ArticleStoreError.unavailable(let reason) = convertible {
                logger.warning("store unavailable", metadata: [
                    "request_id": "\(requestID)", "route": "\(route.template)", "reason": "\(reason)",
                ])
            }
            response = encoded(convertible.problem.response, for: request)
        } catch {
            logger.error("handler failed", metadata: [
                "request_id": "\(requestID)", "route": "\(route.template)", "error": "\(error)",
            ])
            response = Problem(.internalServerError, detail: "The server failed to answer this request; it has been logged with request id \(requestID).").response
        }
        return finish(request, response, requestID: requestID, route: route)
    }

    /// Adds the CORS headers and the request id, and logs the access line: the last step of every answer.
    private func finish(_ request: HTTPRequest, _ response: HTTPResponse, requestID: String? = nil, route: Route? = nil) -> HTTPResponse {
        var response = response
        let requestID = requestID ?? RequestID.resolve(request.headers["X-Request-ID"])
        cors.apply(to: &response, for: request)
        response.headers.set("X-Request-ID", requestID)
        let route = route ?? Route(path: request.path)
        metrics?.record(route: route, request: request, response: response)
        logAccess(request, response: response, route: route, requestID: requestID)
        return response
    }

    /// A reader's GET answered from the response cache, with no store call; nil on a miss or when the
    /// request is not one the cache answers.
    private func cachedAnswer(_ request: HTTPRequest, route: Route) throws -> HTTPResponse? {
        guard request.method == "GET" || request.method == "HEAD" else { return nil }
        guard route.isCacheable, try !editorAuth.authenticate(request.headers["Authorization"]) else { return nil }
        let key = cacheKey(request)
        guard let cached = cache.lookup(key, source: cacheSource(route), now: Timestamp.now().secondsSince1970) else { return nil }
        // A miss is counted once, by the answer that follows on the pool.
        metrics?.cacheHit()
        return finish(request, cache.answer(request, from: cached, key: key), route: route)
    }

    private func cacheKey(_ request: HTTPRequest) -> String {
        request.query.map { request.path + "?" + $0 } ?? request.path
    }

    private func cacheSource(_ route: Route) -> CacheSource {
        if case .article(let ref) = route { return .article(ref: ref) }
        return .store(version: store.version)
    }

    public func respond(to error: HTTPServerError, request: HTTPRequest?) -> HTTPResponse {
        let requestID = RequestID.resolve(request?.headers["X-Request-ID"])
        var response = Problem(error.status, detail: error.detail).response
        if let request { cors.apply(to: &response, for: request) }
        response.headers.set("X-Request-ID", requestID)
        if error == .handlerFailed {
            logger.error("handler failed", metadata: ["request_id": "\(requestID)"])
        }
        if let request {
            let route = Route(path: request.path)
            metrics?.record(route: route, request: request, response: response)
            logAccess(request, response: response, route: route, requestID: requestID)
        } else {
            logger.info("rejected", metadata: ["status": "\(error.status.code)", "request_id": "\(requestID)"])
        }
        return response
    }

    private func handle(_ request: HTTPRequest, route: Route, requestID: String) throws -> HTTPResponse {
        if request.method == "OPTIONS" { return try cors.preflight(request, methods: route.allowedMethods) }
        guard request.method == "GET" || request.method == "HEAD" else {
            guard route.writeMethods.contains(request.method) else {
                throw Problem.methodNotAllowed(request.method, allowed: route.allowedMethods)
            }
            try requireEditor(request)
            let request = try WriteBody.decoded(request, limit: configuration.maxBodyBytes)
            let response = try dispatchWrite(route, method: request.method, context(for: request, requestID: requestID, isEditor: true, now: .now()))
            return encoded(response, for: request)
        }
        let isEditor = try editorAuth.authenticate(request.headers["Authorization"])
        let now = Timestamp.now()
        guard !isEditor && route.isCacheable else {
            var response = try dispatch(route, context(for: request, requestID: requestID, isEditor: isEditor, now: now))
            // Nothing an editor sees may be kept by a shared cache.
            if isEditor { response.headers.set("Cache-Control", "no-store") }
            // The document and static files come in the client's form already, their gzip forms made once.
            return route.encodesItself ? response : encoded(response, for: request)
        }
        // A reader's GET of an article route: answered from the cache when it holds a valid encoding. The
        // store's version is read before building, so a write that lands meanwhile makes the entry stale
        // (or, for one article, not kept) rather than hidden.
        let key = cacheKey(request)
        let builtFrom = store.version
        let source = cacheSource(route)
        if let cached = cache.lookup(key, source: source, now: now.secondsSince1970) {
            metrics?.cacheHit()
            return cache.answer(request, from: cached, key: key)
        }
        metrics?.cacheMiss()
        let response = try dispatch(route, context(for: request, requestID: requestID, isEditor: false, now: now))
        guard response.status == .ok, let tag = response.headers["ETag"] else { return encoded(response, for: request) }
        let validUntil = try store.nextScheduledPublication(after: now)?.secondsSince1970 ?? .max
        let entry = CachedResponse(
            status: response.status, headers: response.headers, body: response.body,
            entityTag: tag, source: source, validUntil: validUntil
        )
        cache.store(key, entry, builtFrom: builtFrom)
        // Answered as a hit would be, so a gzip form made now is kept with the entry.
        return cache.answer(request, from: entry, key: key)
    }

    /// A response built now (not from the cache), in the form the client prefers, or a 304 (ResponseEncoding).
    private func encoded(_ response: HTTPResponse, for request: HTTPRequest) -> HTTPResponse {
        var response = response
        ResponseEncoding.finish(&response, for: request)
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
        case .ready: ready(requestID: context.requestID)
        case .events: try events(context)
        case .metrics: try metrics(context)
        case .openAPI: openAPIDocument(context)
        case .staticFile: try staticFiles.response(for: context)
        }
    }
}
