import Articles
import HTTPServer

extension DatelineApplication {
    /// `POST /articles`: 201 with `Location`, the article and its `ETag`. With an `Idempotency-Key`, a retry
    /// with the same body gets the first response, and the same key with another body is a 422.
    func createArticle(_ context: RequestContext) throws -> HTTPResponse {
        let problems = unknownParameters(context, allowed: [])
        guard problems.isEmpty else { throw Problem.badParameters(problems) }
        guard let key = context.request.headers["Idempotency-Key"] else { return try insertArticle(context) }
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) else {
            throw Problem(.badRequest, detail: "The Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.")
        }
        let fingerprint = EntityTag.of(context.request.body)
        switch idempotencyKeys.begin(key, fingerprint: fingerprint, now: context.now.secondsSince1970) {
        case .replay(var response):
            response.headers.set("Idempotent-Replayed", "true")
            return response
        case .mismatch:
            throw Problem(
                .unprocessableContent,
                detail: "The Idempotency-Key '\(key)' was already used with a different body; use a new key for a new article."
            )
        case .inProgress:
            throw Problem(.conflict, detail: "A request with the Idempotency-Key '\(key)' is still being answered; retry in a moment.")
        case .proceed:
            do {
                let response = try insertArticle(context)
                idempotencyKeys.finish(key, fingerprint: fingerprint, response: response)
                return response
            } catch {
                // A refused request created nothing; its key stays free for a corrected retry.
                idempotencyKeys.abandon(key)
                throw error
            }
        }
    }

    private func insertArticle(_ context: RequestContext) throws -> HTTPResponse {
        let input = ArticleInput(try WriteBody.object(of: context.request, accepting: WriteBody.json))
        var attempt = 0
        while true {
            attempt += 1
            let (article, slugDerived) = try prepare(input, id: ArticleID.generate(), existing: nil, mode: .create, now: .now())
            do {
                let saved = try store.save(article, expected: nil)
                return writeResponse(.created, saved, extraHeaders: [("Location", "/articles/\(saved.id)")])
            } catch let error as ArticleStoreError {
                let retry = switch error {
                case .slugTaken: slugDerived
                case .versionConflict: true  // a fresh id for the next attempt
                case .notFound, .invalid, .unavailable: false
                }
                guard retry, attempt < Self.writeAttempts else { throw error.problem(ref: article.id, conditional: false) }
            }
        }
    }
}
