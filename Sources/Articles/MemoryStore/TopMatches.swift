/// One search match: its relevance score (0 unless sorted by relevance), its time key (publish key, or the
/// update time for `sort=updated`) and its slot.
struct SearchMatch {
    var score: Int64
    var key: Int64
    var slot: Int32
}

/// The page of a search, chosen while the matches stream past: every match is counted (`total`), only the
/// ones after the cursor are ranked, and only the best `offset + limit` of those are kept, in a binary heap
/// whose root is the worst kept. A common word matches most articles; sorting all of them to show twenty was
/// most of a search's time.
struct TopMatches {
    private let entries: [MemoryIndex.Entry?]
    private let sort: ArticleSort
    private let cursor: ArticleCursor?
    private let offset: Int
    private let limit: Int
    private let need: Int
    /// `page=` asked for (an offset, no next cursor) rather than a cursor or the first page.
    private let isPaged: Bool
    private let hasCursor: Bool
    /// A max-heap by rank: no element ranks before its parent.
    private var heap: [SearchMatch] = []
    private(set) var total = 0
    private var afterCursor = 0

    init(query: ArticleQuery, entries: [MemoryIndex.Entry?]) {
        self.entries = entries
        sort = query.sort
        limit = max(0, query.limit)
        isPaged = query.page != nil
        if let page = query.page {
            cursor = nil
            let start = (page - 1).multipliedReportingOverflow(by: limit)
            let end = start.partialValue.addingReportingOverflow(limit)
            // A page past any possible match: none are kept, all are counted.
            offset = start.overflow || end.overflow ? Int.max : max(0, start.partialValue)
            need = start.overflow || end.overflow ? 0 : max(0, end.partialValue)
        } else {
            cursor = query.cursor
            offset = 0
            need = limit
        }
        hasCursor = cursor != nil
        heap.reserveCapacity(min(need, 1024))
    }

    /// Whether `a` is listed before `b`: score descending, then the time key (ascending for `oldest`,
    /// else descending), then the id the same way.
    @inline(__always)
    private func ranksBefore(_ a: SearchMatch, _ b: SearchMatch) -> Bool {
        if a.score != b.score { return a.score > b.score }
        let ascending = sort == .oldest
        if a.key != b.key { return ascending ? a.key < b.key : a.key > b.key }
        let left = entries[Int(a.slot)].unsafelyUnwrapped.article.id
        let right = entries[Int(b.slot)].unsafelyUnwrapped.article.id
        return ascending ? left < right : left > right
    }

    /// Whether `match` comes strictly after the cursor's position (`MemoryIndex.comesAfter`, integers first).
    private func isAfter(_ match: SearchMatch, _ cursor: ArticleCursor) -> Bool {
        switch sort {
        case .relevance:
            if match.score != cursor.score { return match.score < cursor.score }
            if match.key != cursor.key { return match.key < cursor.key }
            return entries[Int(match.slot)].unsafelyUnwrapped.article.id < cursor.id
        case .newest, .updated:
            if match.key != cursor.key { return match.key < cursor.key }
            return entries[Int(match.slot)].unsafelyUnwrapped.article.id < cursor.id
        case .oldest:
            if match.key != cursor.key { return match.key > cursor.key }
            return entries[Int(match.slot)].unsafelyUnwrapped.article.id > cursor.id
        }
    }

    @inline(__always)
    mutating func offer(_ match: SearchMatch) {
        total += 1
        // Most matches of a common word score below the worst one kept: no cursor and one comparison. (The
        // cursor is not unwrapped here: that copied it and retained its id on every match.)
        if !hasCursor && heap.count == need && need > 0 && match.score < heap[0].score {
            afterCursor += 1
            return
        }
        if hasCursor && !isAfter(match, cursor.unsafelyUnwrapped) { return }
        afterCursor += 1
        if heap.count < need {
            heap.append(match)
            siftUp(heap.count - 1)
        } else if need > 0 && ranksBefore(match, heap[0]) {
            heap[0] = match
            siftDown(0)
        }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard ranksBefore(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var worst = left
            if left + 1 < heap.count && ranksBefore(heap[left], heap[left + 1]) { worst = left + 1 }
            guard ranksBefore(heap[parent], heap[worst]) else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }

    /// The page: what `MemoryIndex.paginate` would cut from all the matches in order.
    func page() -> ArticlePage {
        let ordered = heap.sorted(by: ranksBefore)
        let start = min(offset, ordered.count)
        let shown = ordered[start..<min(ordered.count, start + limit)]
        let articles = shown.map { entries[Int($0.slot)].unsafelyUnwrapped.article }
        var next: ArticleCursor?
        if !isPaged, let last = shown.last, afterCursor > shown.count {
            next = ArticleCursor(
                sort: sort, key: last.key, score: last.score, id: entries[Int(last.slot)].unsafelyUnwrapped.article.id)
        }
        return ArticlePage(articles: articles, total: total, nextCursor: next)
    }
}
