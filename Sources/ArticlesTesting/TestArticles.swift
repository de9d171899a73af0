public import Articles

/// Article sets for tests that compare stores.
public enum TestArticles {
    /// `count` generated articles with a few twists the generator never makes: drafts never published,
    /// authors in other cases, and runs of equal publish and update times (ties broken by id).
    public static func twisted(count: Int, seed: UInt64 = 7) -> [Article] {
        var articles = ArticleGenerator(seed: seed).generate(count: count)
        for index in articles.indices {
            if articles[index].status == .draft && index % 3 == 0 { articles[index].publishedAt = nil }
            if index % 7 == 0, let author = articles[index].author { articles[index].author = author.uppercased() }
            if index % 40 == 1 {
                articles[index].publishedAt = articles[index - 1].publishedAt ?? articles[index].createdAt
                articles[index].updatedAt = articles[index - 1].updatedAt
            }
        }
        return articles
    }
}

extension Timestamp {
    /// Test shorthand: a timestamp that must parse.
    public static func at(_ text: String) -> Timestamp {
        Timestamp(rfc3339: text)!
    }
}
