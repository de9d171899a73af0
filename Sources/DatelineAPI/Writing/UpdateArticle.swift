import Articles
import HTTPServer

extension DatelineApplication {
    /// `PUT` (`.replace`) and `PATCH` (`.patch`) of `/articles/{ref}`: 200 with the whole article. With
    /// `If-Match`, a tag that is not the current article's is a 412 and nothing changes; without it the write
    /// applies to whatever is current, retried if another write lands in between.
    func updateArticle(ref: String, mode: WriteMode, _ context: RequestContext) throws -> HTTPResponse {
        let problems = unknownParameters(context, allowed: [])
        guard problems.isEmpty else { throw Problem.badParameters(problems) }
        let mediaTypes = mode == .patch ? WriteBody.mergePatch : WriteBody.json
        let input = ArticleInput(try WriteBody.object(of: context.request, accepting: mediaTypes))
        let condition = context.request.headers["If-Match"]
        let strict = isStrict(condition)
        var attempt = 0
        while true {
            attempt += 1
            guard let current = try store.article(ref: ref) else { throw Problem.noArticle(ref) }
            if let condition, !IfMatch.matches(condition, tag: entityTag(of: current)) { throw Problem.stale(ref) }
            let (article, slugDerived) = try prepare(input, id: current.id, existing: current, mode: mode, now: .now())
            do {
                // Saving against the version the tag was checked on makes check and write one atomic step.
                let saved = try store.save(article, expected: current.version)
                return writeResponse(.ok, saved)
            } catch let error as ArticleStoreError {
                let retry = switch error {
                case .versionConflict: !strict
                case .slugTaken: slugDerived
                case .notFound, .invalid, .unavailable: false
                }
                guard retry, attempt < Self.writeAttempts else { throw error.problem(ref: ref, conditional: strict) }
            }
        }
    }

    /// `DELETE /articles/{ref}`: 204, and the article is gone for everyone.
    func deleteArticle(ref: String, _ context: RequestContext) throws -> HTTPResponse {
        let problems = unknownParameters(context, allowed: [])
        guard problems.isEmpty else { throw Problem.badParameters(problems) }
        let condition = context.request.headers["If-Match"]
        let strict = isStrict(condition)
        guard let current = try store.article(ref: ref) else { throw Problem.noArticle(ref) }
        if let condition, !IfMatch.matches(condition, tag: entityTag(of: current)) { throw Problem.stale(ref) }
        do {
            try store.delete(id: current.id, expected: strict ? current.version : nil)
        } catch let error as ArticleStoreError {
            throw error.problem(ref: ref, conditional: strict)
        }
        var headers = HTTPHeaders()
        headers.add("Cache-Control", "no-store")
        return HTTPResponse(status: .noContent, headers: headers)
    }

    /// An `If-Match` naming tags (not `*`, which any current article matches) pins the write to one version.
    private func isStrict(_ condition: String?) -> Bool {
        guard let condition else { return false }
        return !condition.split(separator: ",").contains { $0.trimmingSpaces == "*" }
    }
}
