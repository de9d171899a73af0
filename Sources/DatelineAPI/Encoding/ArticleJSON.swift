import Articles

/// The article's JSON form, written field by field in the contract's order.
extension JSONWriter {
    /// Writes `article` as an object with only `fields` (already in canonical order).
    mutating func article(_ article: Article, fields: [ArticleField]) {
        beginObject()
        for field in fields {
            encodedKey(ArticleKeys.encoded[field.ordinal])
            switch field {
            case .id: string(article.id)
            case .slug: string(article.slug)
            case .title: string(article.title)
            case .summary: optionalString(article.summary)
            case .body: string(article.body)
            case .author: optionalString(article.author)
            case .category: string(article.category)
            case .tags: stringArray(article.tags)
            case .language: string(article.language)
            case .breaking: bool(article.breaking)
            case .status: string(article.status.rawValue)
            case .publishedAt: optionalTimestamp(article.publishedAt)
            case .createdAt: timestamp(article.createdAt)
            case .updatedAt: timestamp(article.updatedAt)
            case .related: stringArray(article.related)
            }
        }
        endObject()
    }

    /// Each field's `"name":`, encoded once rather than escaped for every article of every answer.
    private enum ArticleKeys {
        static let encoded: [[UInt8]] = ArticleField.allCases.map { Array("\"\($0.rawValue)\":".utf8) }
    }

    mutating func stringArray(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    mutating func timestamp(_ value: Timestamp) {
        quoted { value.appendRFC3339(to: &$0) }
    }

    mutating func optionalTimestamp(_ value: Timestamp?) {
        if let value { timestamp(value) } else { null() }
    }
}
