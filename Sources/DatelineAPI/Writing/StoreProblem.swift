public import Articles

extension ArticleStoreError {
    /// How a store's refusal looks to the editor whose write it was, once retrying cannot help.
    func problem(ref: String, conditional: Bool) -> Problem {
        switch self {
        case .notFound:
            .noArticle(ref)
        case .versionConflict:
            conditional
                ? .stale(ref)
                : Problem(.conflict, detail: "The article '\(ref)' kept changing while this write was applied; retry it.")
        case .slugTaken(let slug):
            .invalidFields([.field("slug", "'\(slug)' is already used by another article; choose another")])
        case .invalid(let error):
            .invalidFields(error.problems.map { .field($0.name, $0.message) })
        case .unavailable:
            problem
        }
    }
}

extension ArticleStoreError: ProblemConvertible {
    /// How a store error looks where no article reference gives it context (a read, or a store that is down):
    /// `unavailable` is a 503 the client may retry shortly; the rest are the store refusing an article.
    public var problem: Problem {
        switch self {
        case .unavailable:
            // The reason is for the operator's log; a client learns only that it may retry.
            Problem(.serviceUnavailable, detail: "The article store is not answering; retry shortly.", headers: [("Retry-After", "1")])
        case .notFound(let ref):
            .noArticle(ref)
        case .versionConflict:
            Problem(.conflict, detail: "The article changed while this request was answered; retry it.")
        case .slugTaken(let slug):
            .invalidFields([.field("slug", "'\(slug)' is already used by another article; choose another")])
        case .invalid(let error):
            .invalidFields(error.problems.map { .field($0.name, $0.message) })
        }
    }
}

extension DatelineApplication {
    /// Writes that lose a race they may retry (no If-Match, or a derived slug taken meanwhile) are retried
    /// this many times in all.
    static let writeAttempts = 8
}
