extension MemoryIndex {
    /// Answers a list query: the smallest candidate list drives, the other filters are checked per slot
    /// (`SlotFilter`), so the cost grows with the smallest list rather than the collection.
    func page(for query: ArticleQuery, now: Timestamp) -> ArticlePage {
        let filter = QueryFilter(query, now: now)
        if let search = query.search { return searchPage(search, query: query, filter: filter) }

        let sources = candidateSources(filter)
        let chosen = sources.min { $0.count < $1.count }!
        let driver = chosen.lists.count == 1 ? chosen.lists[0] : union(chosen.lists)

        // In publish order the scheduled articles are at the head and the window [from, to] is one run.
        let order = PublishOrder(entries: entries)
        var latest = filter.to?.secondsSince1970 ?? .max
        if filter.status == .visible { latest = min(latest, now.secondsSince1970) }
        let lower = partition(driver) { order.entries[Int($0)].unsafelyUnwrapped.publishKey > latest }
        var upper = driver.count
        if let from = filter.from?.secondsSince1970 {
            upper = partition(driver) { order.entries[Int($0)].unsafelyUnwrapped.publishKey >= from }
        }
        let window = driver[lower..<max(lower, upper)]

        // Every published article has a publishedAt, so on the status list alone the window is the answer.
        let windowIsAnswer = chosen.isStatusList && filter.onlyStatusAndWindow
            && (filter.status == .visible || filter.status == .published || (filter.from == nil && filter.to == nil))
        // Else each article of the window is tested on the slot (`SlotFilter`), and read only for `from`/`to`.
        let slots = SlotFilter(filter, in: self)
        let admits = { (slot: Int32) in
            slots.admits(slot, in: self) && (!slots.checksArticle || filter.admits(self.entry(slot)))
        }
        switch query.sort {
        case .newest, .relevance:
            if windowIsAnswer { return paginate(window, query: query, sort: .newest) }
            return paginate(window.filter(admits), query: query, sort: .newest)
        case .oldest:
            let matches = windowIsAnswer ? Array(window) : window.filter(admits)
            return paginate(Array(matches.reversed()), query: query, sort: .oldest)
        case .updated:
            var matches = windowIsAnswer ? Array(window) : window.filter(admits)
            matches.sort { a, b in
                let left = entry(a)
                let right = entry(b)
                let leftKey = left.article.updatedAt.secondsSince1970
                let rightKey = right.article.updatedAt.secondsSince1970
                if leftKey != rightKey { return leftKey > rightKey }
                return left.article.id > right.article.id
            }
            return paginate(matches, query: query, sort: .updated)
        }
    }

    /// The published list is in publish order, newest first, so the scheduled articles are its head and the
    /// soonest of them is the last one of that head: one binary search.
    func nextScheduledPublication(after now: Timestamp) -> Timestamp? {
        let published = byStatus[.published] ?? []
        let firstVisible = partition(published) { entry($0).publishKey > now.secondsSince1970 }
        guard firstVisible > 0 else { return nil }
        return entry(published[firstVisible - 1]).article.publishedAt
    }

    /// A union of publish-ordered lists: some article has to be in one of them.
    struct CandidateSource {
        var lists: [[Int32]]
        var isStatusList = false
        var count: Int { lists.reduce(0) { $0 + $1.count } }
    }

    func candidateSources(_ filter: QueryFilter) -> [CandidateSource] {
        var sources: [CandidateSource] = []
        switch filter.status {
        case .visible, .published: sources.append(CandidateSource(lists: [byStatus[.published] ?? []], isStatusList: true))
        case .draft: sources.append(CandidateSource(lists: [byStatus[.draft] ?? []], isStatusList: true))
        case .archived: sources.append(CandidateSource(lists: [byStatus[.archived] ?? []], isStatusList: true))
        case .any: sources.append(CandidateSource(lists: [all], isStatusList: true))
        }
        for tag in filter.tagsAll { sources.append(CandidateSource(lists: [byTag[tag] ?? []])) }
        if !filter.categories.isEmpty { sources.append(CandidateSource(lists: filter.categories.map { byCategory[$0] ?? [] })) }
        if !filter.tagsAny.isEmpty { sources.append(CandidateSource(lists: filter.tagsAny.map { byTag[$0] ?? [] })) }
        if !filter.authorKeys.isEmpty { sources.append(CandidateSource(lists: filter.authorKeys.map { byAuthor[$0] ?? [] })) }
        if !filter.languageKeys.isEmpty {
            sources.append(CandidateSource(lists: filter.languageKeys.map { byLanguage[$0] ?? [] }))
        }
        return sources
    }

    /// The lists merged into one publish-ordered list without repeats.
    func union(_ lists: [[Int32]]) -> [Int32] {
        let order = PublishOrder(entries: entries)
        var merged = lists.flatMap { $0 }
        merged.sort(by: order.precedes)
        var unique: [Int32] = []
        unique.reserveCapacity(merged.count)
        for slot in merged where unique.last != slot { unique.append(slot) }
        return unique
    }

    /// The first index of `list` where `isBefore` turns false (it must be true for a prefix only).
    func partition<C: RandomAccessCollection>(_ list: C, _ isBefore: (C.Element) -> Bool) -> C.Index {
        var low = list.startIndex
        var count = list.count
        while count > 0 {
            let half = count / 2
            let middle = list.index(low, offsetBy: half)
            if isBefore(list[middle]) {
                low = list.index(after: middle)
                count -= half + 1
            } else {
                count = half
            }
        }
        return low
    }

    /// Cuts one page out of the ordered matches: by page number (offset), or after the cursor (keyset).
    func paginate<C: RandomAccessCollection>(
        _ ordered: C, query: ArticleQuery, sort: ArticleSort, scores: [Int64]? = nil
    ) -> ArticlePage where C.Element == Int32, C.Index == Int {
        let total = ordered.count
        var start = ordered.startIndex
        if let page = query.page {
            let offset = (page - 1).multipliedReportingOverflow(by: query.limit)
            start = offset.overflow ? ordered.endIndex : ordered.index(start, offsetBy: min(offset.partialValue, total))
        } else if let cursor = query.cursor {
            start = partition(ordered.indices) { index in
                !comesAfter(ordered[index], score: scores?[index - ordered.startIndex] ?? 0, cursor: cursor, sort: sort)
            }
        }
        let end = ordered.index(start, offsetBy: min(query.limit, ordered.distance(from: start, to: ordered.endIndex)))
        let articles = ordered[start..<end].map { article($0) }
        var next: ArticleCursor?
        if query.page == nil, end < ordered.endIndex, end > start {
            let last = ordered[end - 1]
            let entry = entry(last)
            let key = sort == .updated ? entry.article.updatedAt.secondsSince1970 : entry.publishKey
            next = ArticleCursor(sort: sort, key: key, score: scores?[end - 1 - ordered.startIndex] ?? 0, id: entry.article.id)
        }
        return ArticlePage(articles: articles, total: total, nextCursor: next)
    }

    /// Whether the article in `slot` comes strictly after the cursor's position in `sort` order.
    func comesAfter(_ slot: Int32, score: Int64, cursor: ArticleCursor, sort: ArticleSort) -> Bool {
        let entry = entry(slot)
        let id = entry.article.id
        switch sort {
        case .newest:
            return (entry.publishKey, id) < (cursor.key, cursor.id)
        case .oldest:
            return (entry.publishKey, id) > (cursor.key, cursor.id)
        case .updated:
            return (entry.article.updatedAt.secondsSince1970, id) < (cursor.key, cursor.id)
        case .relevance:
            return (score, entry.publishKey, id) < (cursor.score, cursor.key, cursor.id)
        }
    }
}
