public import Articles

/// The `ArticleStore` reads, as SQL over `ArticleSchema`'s tables, shared by the database stores. Each function
/// takes the connection to run on; the answers are the memory store's (see `MemoryStore`).
public enum SQLArticleReads {
    /// The store's version (`store_meta`).
    public static func storeVersion(in database: some SQLExecutor) throws -> UInt64 {
        guard let version = try database.value(SQLStatement("SELECT version FROM store_meta"))?.integer else {
            throw SQLRowError("store_meta holds no version")
        }
        return UInt64(bitPattern: version)
    }

    /// By id, else by slug, any status.
    public static func article(ref: String, in database: some SQLExecutor) throws -> Article? {
        for column in ["id", "slug"] {
            let statement = SQLStatement(
                "SELECT \(ArticleColumns.selectList) FROM articles a WHERE a.\(column) = \(database.dialect.placeholder(1))",
                [.text(ref)])
            if let row = try database.rows(statement).first { return try ArticleColumns.article(from: row) }
        }
        return nil
    }

    /// The id and version of the article `ref` names (id, else slug).
    public static func currentVersion(ref: String, in database: some SQLExecutor) throws -> (id: Article.ID, version: UInt64)? {
        for column in ["id", "slug"] {
            let statement = SQLStatement(
                "SELECT a.id, a.version FROM articles a WHERE a.\(column) = \(database.dialect.placeholder(1))", [.text(ref)])
            if let row = try database.rows(statement).first {
                guard let id = row[0].text, let version = row[1].integer else { throw SQLRowError("bad id/version row") }
                return (id, UInt64(bitPattern: version))
            }
        }
        return nil
    }

    /// The earliest publication time after `now` of a published article.
    public static func nextScheduledPublication(after now: Timestamp, in database: some SQLExecutor) throws -> Timestamp? {
        let statement = SQLStatement(
            "SELECT MIN(published_at) FROM articles WHERE status = \(database.dialect.placeholder(1)) AND published_at > \(database.dialect.placeholder(2))",
            [.text(ArticleStatus.published.rawValue), .integer(now.secondsSince1970)])
        return try database.value(statement)?.integer.map(Timestamp.init(secondsSince1970:))
    }

    /// How many articles have each status (every status present).
    public static func countsByStatus(in database: some SQLExecutor) throws -> [ArticleStatus: Int] {
        var counts: [ArticleStatus: Int] = [:]
        for status in ArticleStatus.allCases { counts[status] = 0 }
        for row in try database.rows(SQLStatement("SELECT status, COUNT(*) FROM articles GROUP BY status")) {
            guard let name = row[0].text, let status = ArticleStatus(rawValue: name), let count = row[1].integer else {
                throw SQLRowError("bad status count row")
            }
            counts[status] = Int(count)
        }
        return counts
    }

    /// The ids of the articles readers can see at `now`, with their breaking flags: two narrow columns over
    /// the (status, publish_key) index, not every article's text.
    public static func visibleBreakingFlags(at now: Timestamp, in database: some SQLExecutor) throws -> [Article.ID: Bool] {
        var builder = SQLBuilder(database.dialect)
        let visible = ArticleFilterSQL.visible(now: now, into: &builder)
        builder.append("SELECT a.id, a.breaking FROM articles a WHERE \(visible)")
        var flags: [Article.ID: Bool] = [:]
        try database.forEachRow(builder.statement) { row in
            guard let id = row[0].text, let breaking = row[1].integer else { throw SQLRowError("bad visibility row") }
            flags[id] = breaking != 0
        }
        return flags
    }

    /// Every article, any status, by id ascending.
    public static func allArticles(in database: some SQLExecutor) throws -> [Article] {
        try database.rows(SQLStatement("SELECT \(ArticleColumns.selectList) FROM articles a ORDER BY a.id"))
            .map { try ArticleColumns.article(from: $0) }
    }

    /// Facet counts over what readers see at `now`: most first, then name ascending; `prefix` (tags only,
    /// case-insensitive) and `limit` optional. An author is named as the newest visible article spells it.
    public static func facets(
        _ kind: FacetKind, prefix: String?, limit: Int?, now: Timestamp, in database: some SQLExecutor
    ) throws -> [Facet] {
        var builder = SQLBuilder(database.dialect)
        let visible = ArticleFilterSQL.visible(now: now, into: &builder)
        switch kind {
        case .category:
            builder.append("SELECT a.category, COUNT(*) FROM articles a WHERE \(visible) GROUP BY a.category")
        case .tag:
            builder.append(
                "SELECT t.tag, COUNT(*) FROM article_tags t JOIN articles a ON a.id = t.article_id WHERE \(visible) GROUP BY t.tag")
        case .author:
            builder.append("""
                SELECT author, total FROM (
                    SELECT a.author AS author, COUNT(*) OVER (PARTITION BY a.author_key) AS total,
                        ROW_NUMBER() OVER (PARTITION BY a.author_key ORDER BY a.publish_key DESC, a.id DESC) AS place
                    FROM articles a WHERE \(visible) AND a.author_key IS NOT NULL
                ) named WHERE place = 1
                """)
        }
        let loweredPrefix = kind == .tag ? prefix?.lowercased() : nil
        var facets: [Facet] = []
        for row in try database.rows(builder.statement) {
            guard let name = row[0].text, let count = row[1].integer else { throw SQLRowError("bad facet row") }
            if let loweredPrefix, !name.hasPrefix(loweredPrefix) { continue }
            facets.append(Facet(name: name, count: Int(count)))
        }
        // Sorted here, not in SQL: Swift's String order is the memory store's, whatever the database's collation.
        facets.sort { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        if let limit, limit < facets.count { facets.removeSubrange(max(0, limit)...) }
        return facets
    }
}
