import Articles

/// A list query's status and filters as sets of `SearchPostings`: which articles of a chunk a search may return.
/// Every filter but the publication dates has tokens (`SearchPostings.filterTokens`), so a search with a
/// category, tags, authors, languages or `breaking` is counted and ranked from the postings like one without:
/// the admitted set is one more AND in the pass over the bitmaps. The rules are the memory store's
/// (`QueryFilter`): the query's values as parsed (categories lower-cased, tags as given), authors and languages
/// by their lower-cased keys.
struct PostingFilter {
    let status: StatusFilter
    /// The status's token (nil for `any`).
    let statusToken: String?
    /// Lists of which an article must hold at least one token each: the categories, the tags of `tag=a|b`, the
    /// authors, the languages.
    private let anyOf: [[String]]
    /// Tokens an article must hold: each tag of `tag=a,b`, and `breaking=true`'s.
    private let allOf: [String]
    /// Tokens an article must not hold: excluded tags, and `breaking=false`'s.
    private let noneOf: [String]

    /// The filter of `query`; nil when the postings cannot answer it (a date bound, or a value longer than a
    /// kept token: no article's token would hold it, though an article's value may).
    init?(_ query: ArticleQuery) {
        guard query.from == nil, query.to == nil else { return nil }
        status = query.status
        statusToken = switch query.status {
        case .visible, .published: SearchPostings.statusToken(.published)
        case .draft: SearchPostings.statusToken(.draft)
        case .archived: SearchPostings.statusToken(.archived)
        case .any: nil
        }
        anyOf = [
            query.categories.map(SearchPostings.categoryToken), query.tagsAny.map(SearchPostings.tagToken),
            query.authors.map(SearchPostings.authorToken), query.languages.map(SearchPostings.languageToken),
        ].filter { !$0.isEmpty }
        allOf = query.tagsAll.map(SearchPostings.tagToken) + (query.breaking == true ? [SearchPostings.breakingToken] : [])
        noneOf = query.tagsExcluded.map(SearchPostings.tagToken) + (query.breaking == false ? [SearchPostings.breakingToken] : [])
        guard tokens.allSatisfy({ $0.utf8.count <= SearchPostings.maximumTokenBytes }) else { return nil }
    }

    /// Every token the filter reads.
    var tokens: [String] {
        (statusToken.map { [$0] } ?? []) + anyOf.flatMap { $0 } + allOf + noneOf
    }

    /// The chunks that may hold admitted articles (nil: any chunk).
    func chunks(in postings: [String: [Int64: PostingChunk]]) -> Set<Int64>? {
        func holding(_ token: String) -> Set<Int64> { Set(postings[token]?.keys.map { $0 } ?? []) }
        var chunks: Set<Int64>?
        func narrow(to others: Set<Int64>) { chunks = chunks.map { $0.intersection(others) } ?? others }
        if let statusToken { narrow(to: holding(statusToken)) }
        for tokens in anyOf { narrow(to: tokens.reduce(into: Set<Int64>()) { $0.formUnion(holding($1)) }) }
        for token in allOf { narrow(to: holding(token)) }
        return chunks
    }

    /// The admitted articles of `chunk` (nil: every article, for `any` and no filter).
    func admitted(in chunk: Int64, from postings: [String: [Int64: PostingChunk]]) -> PostingChunk? {
        let empty = PostingChunk()
        func set(_ token: String) -> PostingChunk { postings[token]?[chunk] ?? empty }
        var admitted = statusToken.map(set)
        func narrow(to other: PostingChunk) {
            if admitted == nil { admitted = other } else { admitted?.formIntersection(other) }
        }
        for tokens in anyOf {
            narrow(to: tokens.reduce(into: PostingChunk()) { $0.formUnion(set($1)) })
        }
        for token in allOf { narrow(to: set(token)) }
        if !noneOf.isEmpty {
            // Nothing narrowed yet (`any`, exclusions alone): every offset but the excluded. Offsets without an
            // article are never in a run's sets, so admitting them adds no match.
            var kept = admitted ?? PostingChunk.full
            for token in noneOf { kept.subtract(set(token)) }
            admitted = kept
        }
        return admitted
    }
}
