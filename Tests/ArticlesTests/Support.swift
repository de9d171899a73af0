import Articles

/// A small valid article to vary in tests.
func makeArticle(
    id: String = "t1",
    slug: String? = nil,
    title: String = "A title",
    body: String = "Some body text.",
    category: String = "world",
    tags: [String] = [],
    status: ArticleStatus = .published,
    publishedAt: String? = "2025-09-01T08:00:00Z",
    related: [String] = []
) -> Article {
    let published = publishedAt.flatMap { Timestamp(rfc3339: $0) }
    let created = published ?? Timestamp(rfc3339: "2025-08-01T00:00:00Z")!
    return Article(
        id: id, slug: slug ?? "slug-\(id)", title: title, body: body, category: category, tags: tags,
        status: status, publishedAt: published, createdAt: created, updatedAt: created, related: related)
}
