import Articles

/// The WHERE conditions of a list query over `articles a`, the same rules as the memory store's `QueryFilter`.
enum ArticleFilterSQL {
    /// Conditions joined by AND (`1 = 1` when there are none), parameters bound into `builder`.
    static func conditions(_ query: ArticleQuery, now: Timestamp, into builder: inout SQLBuilder) -> String {
        var parts: [String] = []
        switch query.status {
        case .visible: parts.append(visible(now: now, into: &builder))
        case .draft: parts.append("a.status = \(builder.bind(.text(ArticleStatus.draft.rawValue)))")
        case .published: parts.append("a.status = \(builder.bind(.text(ArticleStatus.published.rawValue)))")
        case .archived: parts.append("a.status = \(builder.bind(.text(ArticleStatus.archived.rawValue)))")
        case .any: break
        }
        if !query.categories.isEmpty { parts.append("a.category IN \(builder.list(query.categories))") }
        for tag in query.tagsAll {
            parts.append("EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = \(builder.bind(.text(tag))))")
        }
        if !query.tagsAny.isEmpty {
            parts.append("EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag IN \(builder.list(query.tagsAny)))")
        }
        if !query.tagsExcluded.isEmpty {
            parts.append(
                "NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag IN \(builder.list(query.tagsExcluded)))")
        }
        if !query.authors.isEmpty { parts.append("a.author_key IN \(builder.list(query.authors.map { $0.lowercased() }))") }
        if !query.languages.isEmpty {
            parts.append("a.language_key IN \(builder.list(query.languages.map { $0.lowercased() }))")
        }
        if let breaking = query.breaking { parts.append("a.breaking = \(builder.bind(.integer(breaking ? 1 : 0)))") }
        // NULL (never published) fails both comparisons, as in the memory store.
        if let from = query.from { parts.append("a.published_at >= \(builder.bind(.integer(from.secondsSince1970)))") }
        if let to = query.to { parts.append("a.published_at <= \(builder.bind(.integer(to.secondsSince1970)))") }
        if let search = query.search { parts.append(SearchSQL.condition(search, into: &builder)) }
        return parts.isEmpty ? "1 = 1" : parts.joined(separator: " AND ")
    }

    /// What readers see at `now`: published, and its time has come. A published article always has
    /// `published_at` (the writes fill it), so its `publish_key` is that time: the condition is a range of the
    /// (status, publish_key, id) index, which also gives the newest-first order without a sort.
    static func visible(now: Timestamp, into builder: inout SQLBuilder) -> String {
        "a.status = \(builder.bind(.text(ArticleStatus.published.rawValue))) AND a.publish_key <= \(builder.bind(.integer(now.secondsSince1970)))"
    }
}
