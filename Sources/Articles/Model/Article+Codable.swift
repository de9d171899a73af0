extension Article {
    enum CodingKeys: String, CodingKey {
        case id, slug, title, summary, body, author, category, tags, language, breaking, status,
             publishedAt, createdAt, updatedAt, related
    }

    /// Decodes the contract's JSON shape; absent optional fields take the contract's defaults. `version` is 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        slug = try container.decode(String.self, forKey: .slug)
        title = try container.decode(String.self, forKey: .title)
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        body = try container.decode(String.self, forKey: .body)
        author = try container.decodeIfPresent(String.self, forKey: .author)
        category = try container.decode(String.self, forKey: .category)
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
        language = try container.decodeIfPresent(String.self, forKey: .language) ?? "en"
        breaking = try container.decodeIfPresent(Bool.self, forKey: .breaking) ?? false
        status = try container.decodeIfPresent(ArticleStatus.self, forKey: .status) ?? .draft
        publishedAt = try container.decodeIfPresent(Timestamp.self, forKey: .publishedAt)
        createdAt = try container.decode(Timestamp.self, forKey: .createdAt)
        updatedAt = try container.decode(Timestamp.self, forKey: .updatedAt)
        related = try container.decodeIfPresent([String].self, forKey: .related) ?? []
        version = 0
    }

    /// Encodes the contract's JSON shape (every field; absent optionals as null). `version` is not written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(slug, forKey: .slug)
        try container.encode(title, forKey: .title)
        try container.encode(summary, forKey: .summary)
        try container.encode(body, forKey: .body)
        try container.encode(author, forKey: .author)
        try container.encode(category, forKey: .category)
        try container.encode(tags, forKey: .tags)
        try container.encode(language, forKey: .language)
        try container.encode(breaking, forKey: .breaking)
        try container.encode(status, forKey: .status)
        try container.encode(publishedAt, forKey: .publishedAt)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(related, forKey: .related)
    }
}
