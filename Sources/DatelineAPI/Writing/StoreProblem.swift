import Articles

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
        }
    }
}

extension DatelineApplication {
    /// Writes that lose a race they may retry (no If-Match, or a derived slug taken meanwhile) are retried
    /// this many times in all.
    static let writeAttempts = 8
}
