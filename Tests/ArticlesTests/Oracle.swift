import Articles

/// A plain, independent answer to a list query: a linear filter and a full sort over every article.
/// The store must give the same ids in the same order.
struct Oracle: Sendable {
    final class Indexed: Sendable {
        let article: Article
        let title: [String]
        let summary: [String]
        let tags: [[String]]
        let body: [String]
        let authorKey: String?
        let languageKey: String
        let publishKey: Int64
        let updatedKey: Int64
        let publishedAt: Int64?

        init(_ article: Article) {
            self.article = article
            title = TextFolding.words(in: article.title)
            summary = article.summary.map { TextFolding.words(in: $0) } ?? []
            tags = article.tags.map { TextFolding.words(in: $0) }
            body = TextFolding.words(in: article.body)
            authorKey = article.author?.lowercased()
            languageKey = article.language.lowercased()
            publishKey = (article.publishedAt ?? article.createdAt).secondsSince1970
            updatedKey = article.updatedAt.secondsSince1970
            publishedAt = article.publishedAt?.secondsSince1970
        }
    }

    let items: [Indexed]

    init(_ articles: [Article]) {
        items = articles.map(Indexed.init)
    }

    /// The ids the query must list, all pages, in order.
    func ids(_ query: ArticleQuery, now: Timestamp) -> [String] {
        ranked(query, now: now).map(\.id)
    }

    /// The matches in order, with their relevance scores (0 unless sorted by relevance).
    func ranked(_ query: ArticleQuery, now: Timestamp) -> [(score: Int64, key: Int64, id: String)] {
        // (score, time key, id): sorted descending, or ascending for oldest.
        var matches: [(score: Int64, key: Int64, id: String)] = []
        let authors = query.authors.map { $0.lowercased() }
        let languages = query.languages.map { $0.lowercased() }
        for item in items {
            guard passes(item, query, authors: authors, languages: languages, now: now) else { continue }
            var score: Int64 = 0
            if let search = query.search {
                guard let value = self.score(item, search) else { continue }
                score = query.sort == .relevance ? value : 0
            }
            matches.append((score, query.sort == .updated ? item.updatedKey : item.publishKey, item.article.id))
        }
        if query.sort == .oldest {
            matches.sort { ($0.key, $0.id) < ($1.key, $1.id) }
        } else {
            matches.sort { ($0.score, $0.key, $0.id) > ($1.score, $1.key, $1.id) }
        }
        return matches
    }

    private func passes(
        _ item: Indexed, _ query: ArticleQuery, authors: [String], languages: [String], now: Timestamp
    ) -> Bool {
        let status = item.article.status
        switch query.status {
        case .visible:
            guard status == .published, let published = item.publishedAt, published <= now.secondsSince1970 else {
                return false
            }
        case .published: guard status == .published else { return false }
        case .draft: guard status == .draft else { return false }
        case .archived: guard status == .archived else { return false }
        case .any: break
        }
        if !query.categories.isEmpty && !query.categories.contains(item.article.category) { return false }
        if !query.tagsAll.isEmpty || !query.tagsAny.isEmpty || !query.tagsExcluded.isEmpty {
            let tags = item.article.tags
            if !query.tagsAll.allSatisfy({ tags.contains($0) }) { return false }
            if !query.tagsAny.isEmpty && !query.tagsAny.contains(where: { tags.contains($0) }) { return false }
            if query.tagsExcluded.contains(where: { tags.contains($0) }) { return false }
        }
        if !authors.isEmpty {
            guard let author = item.authorKey, authors.contains(author) else { return false }
        }
        if !languages.isEmpty && !languages.contains(item.languageKey) { return false }
        if let breaking = query.breaking, item.article.breaking != breaking { return false }
        if query.from != nil || query.to != nil {
            guard let published = item.publishedAt else { return false }
            if let from = query.from, published < from.secondsSince1970 { return false }
            if let to = query.to, published > to.secondsSince1970 { return false }
        }
        return true
    }

    /// Title 100, summary or tags 10, body 1: per term its best field, per phrase its best field; nil = no match.
    private func score(_ item: Indexed, _ search: SearchQuery) -> Int64? {
        func weight(_ words: [String]) -> Int64? {
            if contains(item.title, words) { return 100 }
            if contains(item.summary, words) || item.tags.contains(where: { contains($0, words) }) { return 10 }
            if contains(item.body, words) { return 1 }
            return nil
        }
        var total: Int64 = 0
        for term in search.terms {
            guard let value = weight([term]) else { return nil }
            total += value
        }
        for phrase in search.phrases {
            guard let value = weight(phrase) else { return nil }
            total += value
        }
        // Every phrase word must also be somewhere (it is, if the phrase is).
        return total
    }

    private func contains(_ words: [String], _ run: [String]) -> Bool {
        if run.count == 1 { return words.contains(run[0]) }
        guard words.count >= run.count else { return false }
        outer: for start in 0...(words.count - run.count) where words[start] == run[0] {
            for offset in 1..<run.count where words[start + offset] != run[offset] { continue outer }
            return true
        }
        return false
    }
}
