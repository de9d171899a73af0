public import Articles

/// The article columns, in the order the shared statements select and write them, and the conversions between
/// a row and an `Article`.
public enum ArticleColumns {
    /// The columns that make up an `Article`, in row order.
    public static let names = [
        "id", "slug", "title", "summary", "body", "author", "category", "tags", "language", "breaking", "status",
        "published_at", "created_at", "updated_at", "related", "version",
    ]

    /// The columns derived from the others (see `ArticleSchema`), written after `names`. PostgreSQL's search
    /// columns (`SearchSQL.columnNames`) follow them; SQLite's search index is a table of its own.
    public static let derivedNames = ["author_key", "language_key", "publish_key"]

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
            .integer((article.publishedAt ?? article.createdAt).secondsSince1970),
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
            // By bytes: a Character-wise split walks grapheme breaks, the larger part of decoding a row.
            return joined.isEmpty ? [] : joined.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
                .map { String(Substring($0)) }
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

    /// Inserts `articles` (every column; at least one) into `articles` in one statement.
    static func insert(_ articles: some Collection<Article>, dialect: SQLDialect) -> SQLStatement {
        var builder = SQLBuilder(dialect)
        var columns: [String] = []
        var rows: [String] = []
        for article in articles {
            let (names, placeholders) = assignments(of: article, into: &builder)
            columns = names
            rows.append("(\(placeholders.joined(separator: ", ")))")
        }
        builder.append("INSERT INTO articles (\(columns.joined(separator: ", "))) VALUES \(rows.joined(separator: ", "))")
        return builder.statement
    }

    /// Overwrites every column of the row whose id is `article.id`.
    static func update(_ article: Article, dialect: SQLDialect) -> SQLStatement {
        var builder = SQLBuilder(dialect)
        let (columns, placeholders) = assignments(of: article, into: &builder, skippingID: true)
        let sets = zip(columns, placeholders).map { "\($0.0) = \($0.1)" }
        let id = builder.bind(.text(article.id))
        builder.append("UPDATE articles SET \(sets.joined(separator: ", ")) WHERE id = \(id)")
        return builder.statement
    }

    /// Every written column (but `id` when `skippingID`) and the SQL of its value, parameters bound into
    /// `builder` in column order.
    private static func assignments(
        of article: Article, into builder: inout SQLBuilder, skippingID: Bool = false
    ) -> (columns: [String], values: [String]) {
        var columns: [String] = []
        var sql: [String] = []
        for (column, value) in zip(names + derivedNames, values(of: article)) where !(skippingID && column == "id") {
            columns.append(column)
            sql.append(builder.bind(value))
        }
        if builder.dialect == .postgres {
            let fields = SearchText.fields(of: article)
            let vectors = [fields.title, fields.summary, fields.body].map { "to_tsvector('simple', \(builder.bind(.text($0))))" }
            columns += SearchSQL.columnNames + [SearchSQL.wordsColumn]
            sql += vectors + ["strip(\(vectors.joined(separator: " || ")))"]
        }
        return (columns, sql)
    }
}
