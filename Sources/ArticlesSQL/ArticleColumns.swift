public import Articles

/// The article columns, in the order the shared statements select and write them, and the conversions between
/// a row and an `Article`.
public enum ArticleColumns {
    /// The columns that make up an `Article`, in row order.
    public static let names = [
        "id", "slug", "title", "summary", "body", "author", "category", "tags", "language", "breaking", "status",
        "published_at", "created_at", "updated_at", "related", "version",
    ]

    /// The columns derived from the others (see `ArticleSchema`), written after `names`.
    public static let derivedNames = ["author_key", "language_key", "publish_key", "search_text"]

    /// `a.id, a.slug, ...`: the select list that `article(from:)` reads.
    public static let selectList = names.map { "a." + $0 }.joined(separator: ", ")

    /// The values of every column in `names` then `derivedNames`, for an insert or update.
    public static func values(of article: Article) -> [SQLValue] {
        [
            .text(article.id), .text(article.slug), .text(article.title), .text(article.summary), .text(article.body),
            .text(article.author), .text(article.category), .text(article.tags.joined(separator: ",")),
            .text(article.language), .integer(article.breaking ? 1 : 0), .text(article.status.rawValue),
            .integer(article.publishedAt?.secondsSince1970), .integer(article.createdAt.secondsSince1970),
            .integer(article.updatedAt.secondsSince1970), .text(article.related.joined(separator: ",")),
            .integer(Int64(bitPattern: article.version)),
            .text(article.author?.lowercased()), .text(article.language.lowercased()),
            .integer((article.publishedAt ?? article.createdAt).secondsSince1970), .text(SearchText.indexed(article)),
        ]
    }

    /// The article in `row[offset...]` (columns in `names` order).
    public static func article(from row: [SQLValue], at offset: Int = 0) throws -> Article {
        guard row.count >= offset + names.count else {
            throw SQLRowError("an article row has \(row.count - offset) columns, not \(names.count)")
        }
        func text(_ index: Int) throws -> String {
            guard let value = row[offset + index].text else { throw SQLRowError("column \(names[index]) is not text") }
            return value
        }
        func optionalText(_ index: Int) throws -> String? {
            if row[offset + index] == .null { return nil }
            return try text(index)
        }
        func integer(_ index: Int) throws -> Int64 {
            guard let value = row[offset + index].integer else { throw SQLRowError("column \(names[index]) is not an integer") }
            return value
        }
        func list(_ index: Int) throws -> [String] {
            let joined = try text(index)
            return joined.isEmpty ? [] : joined.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let status = ArticleStatus(rawValue: try text(10)) else {
            throw SQLRowError("column status holds '\(try text(10))'")
        }
        let publishedAt: Timestamp? = row[offset + 11] == .null ? nil : Timestamp(secondsSince1970: try integer(11))
        return Article(
            id: try text(0),
            slug: try text(1),
            title: try text(2),
            summary: try optionalText(3),
            body: try text(4),
            author: try optionalText(5),
            category: try text(6),
            tags: try list(7),
            language: try text(8),
            breaking: try integer(9) != 0,
            status: status,
            publishedAt: publishedAt,
            createdAt: Timestamp(secondsSince1970: try integer(12)),
            updatedAt: Timestamp(secondsSince1970: try integer(13)),
            related: try list(14),
            version: UInt64(bitPattern: try integer(15))
        )
    }

    /// Inserts `article` (every column) into `articles`.
    static func insert(_ article: Article, dialect: SQLDialect) -> SQLStatement {
        var builder = SQLBuilder(dialect)
        let columns = names + derivedNames
        let placeholders = values(of: article).map { builder.bind($0) }
        builder.append("INSERT INTO articles (\(columns.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))")
        return builder.statement
    }

    /// Overwrites every column of the row whose id is `article.id`.
    static func update(_ article: Article, dialect: SQLDialect) -> SQLStatement {
        var builder = SQLBuilder(dialect)
        let columns = names + derivedNames
        var assignments: [String] = []
        for (column, value) in zip(columns, values(of: article)) where column != "id" {
            assignments.append("\(column) = \(builder.bind(value))")
        }
        let id = builder.bind(.text(article.id))
        builder.append("UPDATE articles SET \(assignments.joined(separator: ", ")) WHERE id = \(id)")
        return builder.statement
    }
}
