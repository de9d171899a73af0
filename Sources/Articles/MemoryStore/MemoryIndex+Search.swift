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

    /// `q` (with any other filters): the smallest of the word postings and the filter lists drives; each
    /// candidate is checked against every word's postings (binary search), the filters, and the phrases.
    func searchPage(_ search: SearchQuery, query: ArticleQuery, filter: QueryFilter) -> ArticlePage {
        let words = search.allWords
        var lists: [[Posting]] = []
        for word in words {
            guard let term = vocabulary.id(of: word), !postings[Int(term)].isEmpty else {
                return ArticlePage(articles: [], total: 0, nextCursor: nil)
            }
            lists.append(postings[Int(term)])
        }
        let isTerm = words.map(search.terms.contains)
        // Per phrase: its matcher, and where its words are in `lists` (their postings' field bits tell which
        // fields can hold the phrase at all, so most fields are never read).
        let phrases = search.phrases.map { phrase in
            (matcher: PhraseMatcher(phrase), lists: phrase.compactMap { words.firstIndex(of: $0) })
        }

        var candidates: [Int32]
        let smallestPosting = lists.indices.min { lists[$0].count < lists[$1].count }!
        let smallestSource = candidateSources(filter).min { $0.count < $1.count }!
        if smallestSource.count < lists[smallestPosting].count {
            candidates = smallestSource.lists.count == 1 ? smallestSource.lists[0] : Array(Set(smallestSource.lists.joined()))
        } else {
            candidates = lists[smallestPosting].map(\.slot)
        }

        // The sort keys ride along, so sorting compares integers and touches an article only on a tie.
        var matches: [(slot: Int32, score: Int64, key: Int64)] = []
        let sort = query.sort
        var fields = [UInt8](repeating: 0, count: lists.count)  // this candidate's field bits, per word
        candidateLoop: for slot in candidates {
            // Postings may still name removed articles (swept later in bulk): skip them.
            guard let entry = entries[Int(slot)], filter.admits(entry) else { continue }
            var score: Int64 = 0
            for index in lists.indices {
                let list = lists[index]
                let position = Self.postingIndex(of: slot, in: list)
                guard position < list.count, list[position].slot == slot else { continue candidateLoop }
                fields[index] = list[position].fields
                if isTerm[index] { score += Weight.of(list[position].fields) }
            }
            for phrase in phrases {
                let possible = phrase.lists.reduce(FieldBit.all) { $0 & fields[$1] }
                guard let weight = phraseWeight(phrase.matcher, in: entry.article, possibleFields: possible) else {
                    continue candidateLoop
                }
                score += weight
            }
            let key = sort == .updated ? entry.article.updatedAt.secondsSince1970 : entry.publishKey
            matches.append((slot, sort == .relevance ? score : 0, key))
        }

        let ascending = sort == .oldest
        matches.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.key != b.key { return ascending ? a.key < b.key : a.key > b.key }
            let leftID = entry(a.slot).article.id
            let rightID = entry(b.slot).article.id
            return ascending ? leftID < rightID : leftID > rightID
        }
        return paginate(matches.map(\.slot), query: query, sort: sort, scores: matches.map(\.score))
    }

    /// The weight of the best field in which the phrase occurs as consecutive words; nil if none. Only fields
    /// in `possibleFields` (those holding every word of the phrase) are read.
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
