import Foundation
import Hummingbird

/// An article as `dateline generate` writes it and `GET /articles/{id}` returns it.
struct Article: Codable, Sendable, ResponseEncodable {
    var id: String
    var slug: String
    var title: String
    var summary: String
    var body: String
    var author: String
    var category: String
    var tags: [String]
    var language: String
    var breaking: Bool
    var status: String
    var publishedAt: Date
    var createdAt: Date
    var updatedAt: Date
    var related: [String]
}

/// A list item: every field of the article but its body, as Dateline's lists return it.
struct ArticleSummary: Codable, Sendable {
    var id: String
    var slug: String
    var title: String
    var summary: String
    var author: String
    var category: String
    var tags: [String]
    var language: String
    var breaking: Bool
    var status: String
    var publishedAt: Date
    var createdAt: Date
    var updatedAt: Date
    var related: [String]

    init(_ article: Article) {
        id = article.id
        slug = article.slug
        title = article.title
        summary = article.summary
        author = article.author
        category = article.category
        tags = article.tags
        language = article.language
        breaking = article.breaking
        status = article.status
        publishedAt = article.publishedAt
        createdAt = article.createdAt
        updatedAt = article.updatedAt
        related = article.related
    }
}
