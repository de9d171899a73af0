/// A list query's filters, normalised once per query for the per-article checks.
struct QueryFilter {
    let status: StatusFilter
    let categories: [String]
    let tagsAll: [String]
    let tagsAny: [String]
    let tagsExcluded: [String]
    let authorKeys: [String]
    let languageKeys: [String]
    let breaking: Bool?
    let from: Timestamp?
    let to: Timestamp?
    let now: Timestamp

    init(_ query: ArticleQuery, now: Timestamp) {
        status = query.status
        categories = query.categories
        tagsAll = query.tagsAll
        tagsAny = query.tagsAny
        tagsExcluded = query.tagsExcluded
        authorKeys = query.authors.map { $0.lowercased() }
        languageKeys = query.languages.map { $0.lowercased() }
        breaking = query.breaking
        from = query.from
        to = query.to
        self.now = now
    }

    /// Whether nothing but status and the publish window is asked for.
    var onlyStatusAndWindow: Bool {
        categories.isEmpty && tagsAll.isEmpty && tagsAny.isEmpty && tagsExcluded.isEmpty && authorKeys.isEmpty
            && languageKeys.isEmpty && breaking == nil
    }

    func admits(_ entry: MemoryIndex.Entry) -> Bool {
        // Read fields through the entry rather than copying the whole Article out of it: a copy retains and
        // releases every string of the article, and this runs once per candidate.
        guard status.admits(entry.article, at: now) else { return false }
        if tagsAll.isEmpty && tagsAny.isEmpty && tagsExcluded.isEmpty && categories.isEmpty && breaking == nil
            && from == nil && to == nil && authorKeys.isEmpty && languageKeys.isEmpty { return true }
        return admitsFields(entry)
    }

    private func admitsFields(_ entry: MemoryIndex.Entry) -> Bool {
        let article = entry.article
        if !categories.isEmpty && !categories.contains(article.category) { return false }
        if let breaking, article.breaking != breaking { return false }
        if from != nil || to != nil {
            guard let publishedAt = article.publishedAt else { return false }
            if let from, publishedAt < from { return false }
            if let to, publishedAt > to { return false }
        }
        for tag in tagsAll where !article.tags.contains(tag) { return false }
        if !tagsAny.isEmpty && !tagsAny.contains(where: article.tags.contains) { return false }
        if !tagsExcluded.isEmpty && tagsExcluded.contains(where: article.tags.contains) { return false }
        if !authorKeys.isEmpty {
            guard let author = entry.authorKey, authorKeys.contains(author) else { return false }
        }
        if !languageKeys.isEmpty && !languageKeys.contains(entry.languageKey) { return false }
        return true
    }
}
