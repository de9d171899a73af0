/// The contract's relevance rule, computed from an article's text: for each plain term the weight of the best
/// field it occurs in as a whole word (title 100, summary or a tag 10, body 1), for each phrase the weight of the
/// best field holding its words consecutively; the score is the sum. Stores whose index finds the candidates
/// (SQLite's FTS5, PostgreSQL's tsvector) rank them with this, so every store orders results identically.
public enum Relevance {
    public static let titleWeight: Int64 = 100
    public static let summaryOrTagWeight: Int64 = 10
    public static let bodyWeight: Int64 = 1

    /// The score of `article` for `search`, or nil when some term or phrase occurs in none of its fields.
    public static func score(of article: Article, for search: SearchQuery) -> Int64? {
        let title = TextFolding.words(in: article.title)
        let summary = article.summary.map { TextFolding.words(in: $0) } ?? []
        let tags = article.tags.map { TextFolding.words(in: $0) }
        var body: [String]?   // folded only when a word is not found in the shorter fields
        func weight(_ run: [String]) -> Int64? {
            if contains(run, in: title) { return titleWeight }
            if contains(run, in: summary) || tags.contains(where: { contains(run, in: $0) }) { return summaryOrTagWeight }
            if body == nil { body = TextFolding.words(in: article.body) }
            if contains(run, in: body!) { return bodyWeight }
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
        return total
    }

    /// True when `run` occurs as consecutive words of `words`.
    static func contains(_ run: [String], in words: [String]) -> Bool {
        guard !run.isEmpty, words.count >= run.count else { return false }
        if run.count == 1 { return words.contains(run[0]) }
        outer: for start in 0...(words.count - run.count) where words[start] == run[0] {
            for offset in 1..<run.count where words[start + offset] != run[offset] { continue outer }
            return true
        }
        return false
    }
}
