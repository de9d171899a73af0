extension MemoryIndex {
    /// Field weights of the relevance score: for each plain term, the weight of the best field it occurs in
    /// (title 100, summary or tags 10, body 1); for each phrase, the weight of the best field holding it. The
    /// score is the sum, so a title match outranks any number of body-only matches of the same terms.
    enum Weight {
        static let title: Int64 = 100
        static let summaryOrTags: Int64 = 10
        static let body: Int64 = 1

        static func of(_ fields: UInt8) -> Int64 {
            if fields & FieldBit.title != 0 { return title }
            if fields & (FieldBit.summary | FieldBit.tags) != 0 { return summaryOrTags }
            return body
        }
    }

    /// `q` (with any other filters). The posting lists the query needs (each term's, each phrase's word
    /// pairs') are walked together in slot order, driven by the shortest and galloping through the others,
    /// unless a filter's list is much shorter: then that list drives and each of its articles is looked up in
    /// the postings. Each candidate's status, `breaking` and list filters are tested on flat per-slot arrays
    /// and a bit set (`SlotMask`) before anything else, so only the publication window and long phrases read
    /// the article. A match's score comes from its postings' field bits; only a phrase of three or more words
    /// is checked in the text, and only in the fields where all its pairs are. Matches are counted and the
    /// page is kept in a bounded heap (`TopMatches`), never sorting them all.
    func searchPage(_ search: SearchQuery, query: ArticleQuery, filter: QueryFilter) -> ArticlePage {
        guard let plan = SearchPlan(search, in: self) else { return ArticlePage(articles: [], total: 0, nextCursor: nil) }
        let lists = plan.lists.map(postings)
        let shortest = lists.indices.min { lists[$0].count < lists[$1].count }!
        let smallestSource = candidateSources(filter).min { $0.count < $1.count }!
        var scan = SearchScan(index: self, plan: plan, query: query, filter: filter)
        defer { scan.fields.deallocate() }
        withBuffers(lists) { buffers in
            // A candidate from a filter's list costs a binary search per posting list; one from the driving
            // posting list, a few bit tests and a step forward in the others.
            if smallestSource.count * Self.lookUpCostRatio < buffers[shortest].count {
                let candidates = smallestSource.lists.count == 1
                    ? smallestSource.lists[0] : Array(Set(smallestSource.lists.joined()))
                scan.lookUp(candidates, in: buffers)
            } else {
                scan.intersect(buffers, drivenBy: shortest)
            }
        }
        return scan.top.page()
    }

    /// How many times a candidate looked up from a filter's list costs one met while walking the postings.
    static let lookUpCostRatio = 16

    private func postings(_ source: SearchPlan.Source) -> [UInt32] {
        switch source {
        case .term(let term): postings[Int(term)]
        case .pair(let pair): pairPostings[Int(pair)].packed()
        }
    }

    /// The weight of the best field in which the phrase occurs as consecutive words; nil if none. Only fields
    /// in `possibleFields` (those holding every word pair of the phrase) are read.
    func phraseWeight(_ phrase: PhraseMatcher, in article: Article, possibleFields: UInt8) -> Int64? {
        if possibleFields & FieldBit.title != 0, phrase.occurs(in: article.title) { return Weight.title }
        if possibleFields & FieldBit.summary != 0, let summary = article.summary, phrase.occurs(in: summary) {
            return Weight.summaryOrTags
        }
        if possibleFields & FieldBit.tags != 0, article.tags.contains(where: phrase.occurs(in:)) { return Weight.summaryOrTags }
        if possibleFields & FieldBit.body != 0, phrase.occurs(in: article.body) { return Weight.body }
        return nil
    }
}

/// One search's walk over its posting lists. A struct with mutating methods rather than closures over local
/// variables: those got dynamic exclusivity checks on every access in the inner loop.
private struct SearchScan {
    let index: MemoryIndex
    let plan: SearchPlan
    let filter: QueryFilter
    let slots: SlotFilter
    let sort: ArticleSort
    /// Whether a match needs its entry (the filter, a long phrase or `sort=updated` read the article).
    let readsEntry: Bool
    var top: TopMatches
    /// The current candidate's field bits, per list.
    let fields: UnsafeMutableBufferPointer<UInt8>

    init(index: MemoryIndex, plan: SearchPlan, query: ArticleQuery, filter: QueryFilter) {
        self.index = index
        self.plan = plan
        self.filter = filter
        slots = SlotFilter(filter, in: index)
        sort = query.sort
        readsEntry = slots.checksArticle || sort == .updated || plan.phrases.contains { $0.matcher != nil }
        top = TopMatches(query: query, entries: index.entries)
        fields = .allocate(capacity: plan.lists.count)
        fields.initialize(repeating: 0)
    }

    /// The candidates (from a filter's lists) looked up in every posting list.
    mutating func lookUp(_ candidates: [Int32], in buffers: [UnsafeBufferPointer<UInt32>]) {
        candidateLoop: for slot in candidates where slots.admits(slot, in: index) {
            for (number, list) in buffers.enumerated() {
                let position = PackedPosting.seek(slot, in: list, from: 0)
                guard position < list.count, PackedPosting.slot(list[position]) == slot else { continue candidateLoop }
                fields[number] = PackedPosting.fields(list[position])
            }
            consider(slot)
        }
    }

    /// The slots in every list, walked in slot order: the shortest list drives, the others gallop.
    mutating func intersect(_ buffers: [UnsafeBufferPointer<UInt32>], drivenBy shortest: Int) {
        var positions = [Int](repeating: 0, count: buffers.count)
        let driver = buffers[shortest]
        driverLoop: for posting in driver {
            let slot = PackedPosting.slot(posting)
            guard slots.admits(slot, in: index) else { continue }
            for number in buffers.indices where number != shortest {
                let list = buffers[number]
                let position = PackedPosting.seek(slot, in: list, from: positions[number])
                positions[number] = position
                guard position < list.count else { break driverLoop }
                guard PackedPosting.slot(list[position]) == slot else { continue driverLoop }
                fields[number] = PackedPosting.fields(list[position])
            }
            fields[shortest] = PackedPosting.fields(posting)
            consider(slot)
        }
    }

    /// One candidate admitted by `slots` whose postings are all found (their fields in `fields`): the rest of
    /// the filter, score, offer.
    private mutating func consider(_ slot: Int32) {
        let key = index.slotKeys[Int(slot)]
        var entry: MemoryIndex.Entry?
        if readsEntry {
            guard let found = index.entries[Int(slot)], !slots.checksArticle || filter.admits(found) else { return }
            entry = found
        }
        var score: Int64 = 0
        for list in plan.termLists { score += MemoryIndex.Weight.of(fields[list]) }
        for phrase in plan.phrases {
            var possible = MemoryIndex.FieldBit.all
            for list in phrase.lists { possible &= fields[list] }
            if let matcher = phrase.matcher {
                guard let weight = index.phraseWeight(matcher, in: entry.unsafelyUnwrapped.article, possibleFields: possible)
                else { return }
                score += weight
            } else {
                // A two-word phrase: its pair's fields are exactly where it occurs.
                score += MemoryIndex.Weight.of(possible)
            }
        }
        let sortKey = sort == .updated ? entry.unsafelyUnwrapped.article.updatedAt.secondsSince1970 : key
        top.offer(SearchMatch(score: sort == .relevance ? score : 0, key: sortKey, slot: slot))
    }
}

/// Calls `body` with every list's elements in place (nested `withUnsafeBufferPointer`s), so the search's
/// inner loops index plain memory.
private func withBuffers(
    _ lists: [[UInt32]], _ body: ([UnsafeBufferPointer<UInt32>]) -> Void
) {
    var buffers: [UnsafeBufferPointer<UInt32>] = []
    buffers.reserveCapacity(lists.count)
    func next(_ index: Int) {
        guard index < lists.count else { return body(buffers) }
        lists[index].withUnsafeBufferPointer { buffer in
            buffers.append(buffer)
            next(index + 1)
        }
    }
    next(0)
}
