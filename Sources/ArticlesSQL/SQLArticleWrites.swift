public import Articles

/// The `ArticleStore` writes, as SQL over `ArticleSchema`'s tables, shared by the database stores. Each runs
/// inside a transaction the store opened on `database`; the store commits when it returns, rolls back when it
/// throws, and then (after the commit) tells its change handlers. The first statement raises the version in
/// `store_meta`, so a concurrent writer waits on that row from the start (PostgreSQL) and versions follow
/// commit order. Checks and errors are the memory store's, in the same order.
public enum SQLArticleWrites {
    /// Creates (expected nil) or replaces (expected = the stored version) `article`; `now` fills a missing
    /// `publishedAt` of a published article.
    public static func save(
        _ article: Article, expected: UInt64?, now: Timestamp, in database: some SQLExecutor
    ) throws -> ArticleChange {
        let newVersion = try raiseVersion(in: database)
        var problems = ArticleValidator.problems(in: article)
        let current = try fetch(id: article.id, in: database)
        let slugOwner = try database.value(
            SQLStatement("SELECT id FROM articles WHERE slug = \(database.dialect.placeholder(1))", [.text(article.slug)]))?.text
        let others = article.related.filter { $0 != article.id && ArticleID.isValid($0) }
        let existing = try existingIDs(others, table: "articles", in: database)
        for (number, id) in article.related.enumerated()
        where id != article.id && ArticleID.isValid(id) && !existing.contains(id) {
            problems.append(.field("related[\(number)]", "no article has the id '\(id)'"))
        }
        if expected == nil, current == nil, try !existingIDs([article.id], table: "retired_ids", in: database).isEmpty {
            problems.append(.field("id", "belonged to a deleted article and is never reused"))
        }
        guard problems.isEmpty else { throw ArticleStoreError.invalid(ValidationError(problems: problems)) }
        if let expected {
            guard let current else { throw ArticleStoreError.notFound(ref: article.id) }
            guard current.version == expected else { throw ArticleStoreError.versionConflict(current: current.version) }
        } else if let current {
            throw ArticleStoreError.versionConflict(current: current.version)
        }
        if let slugOwner, slugOwner != article.id { throw ArticleStoreError.slugTaken(article.slug) }

        var saved = article
        if saved.status == .published && saved.publishedAt == nil { saved.publishedAt = now }
        saved.version = newVersion
        if let current {
            try SearchPostings.replace(current, with: saved, seq: try SearchPostings.seq(of: saved.id, in: database), in: database)
            try SearchSQL.unindex(id: saved.id, in: database)
            try database.run(ArticleColumns.update(saved, dialect: database.dialect))
            try database.run(
                SQLStatement("DELETE FROM article_tags WHERE article_id = \(database.dialect.placeholder(1))", [.text(saved.id)]))
        } else {
            try database.run(ArticleColumns.insert(CollectionOfOne(saved), dialect: database.dialect))
            try SearchPostings.add(saved, seq: try SearchPostings.seq(of: saved.id, in: database), in: database)
        }
        try SearchSQL.index(saved, in: database)
        try insertTags(of: [saved], in: database)
        return ArticleChange(kind: current == nil ? .created : .updated, before: current, after: saved, storeVersion: newVersion)
    }

    /// Deletes the article (its id is retired); throws notFound or versionConflict.
    public static func delete(id: Article.ID, expected: UInt64?, in database: some SQLExecutor) throws -> ArticleChange {
        let newVersion = try raiseVersion(in: database)
        guard let current = try fetch(id: id, in: database) else { throw ArticleStoreError.notFound(ref: id) }
        if let expected, expected != current.version { throw ArticleStoreError.versionConflict(current: current.version) }
        let placeholder = database.dialect.placeholder(1)
        try database.run(SQLStatement("DELETE FROM article_tags WHERE article_id = \(placeholder)", [.text(id)]))
        try SearchSQL.unindex(id: id, in: database)
        try SearchPostings.remove(current, seq: try SearchPostings.seq(of: id, in: database), in: database)
        try database.run(SQLStatement("DELETE FROM articles WHERE id = \(placeholder)", [.text(id)]))
        try database.run(SQLStatement("INSERT INTO retired_ids (id) VALUES (\(placeholder))", [.text(id)]))
        return ArticleChange(kind: .deleted, before: current, after: nil, storeVersion: newVersion)
    }

    /// Adds `articles` in one write (one version for all, as the memory store's initial load): each is
    /// validated, ids and slugs must be new to the file and the store, `related` ids must exist in one of them.
    /// Throws `.invalid` naming every problem as `articles[i].field`; returns the store's new version.
    public static func insertAll(_ articles: [Article], now: Timestamp, in database: some SQLExecutor) throws -> UInt64 {
        let newVersion = try raiseVersion(in: database)
        var problems: [FieldProblem] = []
        let storedIDs = try existingIDs(articles.map(\.id), table: "articles", in: database)
        let retiredIDs = try existingIDs(articles.map(\.id), table: "retired_ids", in: database)
        let takenSlugs = try existingIDs(articles.map(\.slug), table: "articles", column: "slug", in: database)
        let storedRelated = try existingIDs(Array(Set(articles.flatMap(\.related))), table: "articles", in: database)
        var ids: Set<String> = []
        var slugs: Set<String> = []
        for (position, article) in articles.enumerated() {
            for problem in ArticleValidator.problems(in: article) {
                problems.append(.field("articles[\(position)].\(problem.name)", problem.message))
            }
            if !ids.insert(article.id).inserted {
                problems.append(.field("articles[\(position)].id", "repeats the id '\(article.id)'"))
            } else if storedIDs.contains(article.id) {
                problems.append(.field("articles[\(position)].id", "is already in the store"))
            } else if retiredIDs.contains(article.id) {
                problems.append(.field("articles[\(position)].id", "belonged to a deleted article and is never reused"))
            }
            if !slugs.insert(article.slug).inserted {
                problems.append(.field("articles[\(position)].slug", "repeats the slug '\(article.slug)'"))
            } else if takenSlugs.contains(article.slug) {
                problems.append(.field("articles[\(position)].slug", "is taken by an article already in the store"))
            }
        }
        for (position, article) in articles.enumerated() {
            for (number, id) in article.related.enumerated() where !ids.contains(id) && !storedRelated.contains(id) {
                problems.append(.field("articles[\(position)].related[\(number)]", "no article has the id '\(id)'"))
            }
        }
        guard problems.isEmpty else { throw ArticleStoreError.invalid(ValidationError(problems: problems)) }
        // In batches: one statement per batch of rows (and of tags), not per article, saves a round trip per
        // row to PostgreSQL and a statement per row to SQLite.
        var batch: [Article] = []
        batch.reserveCapacity(insertBatch)
        var postings = PostingEdits()
        for (position, original) in articles.enumerated() {
            var article = original
            if article.status == .published && article.publishedAt == nil { article.publishedAt = now }
            article.version = newVersion
            batch.append(article)
            guard batch.count == insertBatch || position == articles.count - 1 else { continue }
            try database.run(ArticleColumns.insert(batch, dialect: database.dialect))
            for article in batch { try SearchSQL.index(article, in: database) }
            let seqs = try self.seqs(of: batch.map(\.id), in: database)
            for article in batch {
                guard let seq = seqs[article.id] else { throw SQLRowError("article \(article.id) has no seq") }
                postings.add(seq: seq, tokens: SearchPostings.tokens(of: article))
            }
            // New rows take rising seqs: a chunk is complete once a later one has begun.
            if postings.chunkCount > 1, let last = seqs.values.max() { try postings.write(in: database, keeping: PostingEdits.chunk(of: last)) }
            try insertTags(of: batch, in: database)
            batch.removeAll(keepingCapacity: true)
        }
        try postings.write(in: database)
        return newVersion
    }

    /// The seqs of the stored articles `ids`.
    static func seqs(of ids: [Article.ID], in database: some SQLExecutor) throws -> [Article.ID: Int64] {
        var builder = SQLBuilder(database.dialect)
        let list = builder.list(ids)
        builder.append("SELECT id, seq FROM articles WHERE id IN \(list)")
        var seqs: [Article.ID: Int64] = [:]
        for row in try database.rows(builder.statement) {
            guard row.count == 2, let id = row[0].text, let seq = row[1].integer else { throw SQLRowError("bad id/seq row") }
            seqs[id] = seq
        }
        return seqs
    }

    /// Raises the store's version by one and returns it.
    static func raiseVersion(in database: some SQLExecutor) throws -> UInt64 {
        let statement = SQLStatement("UPDATE store_meta SET version = version + 1 RETURNING version")
        guard let version = try database.value(statement)?.integer else { throw SQLRowError("store_meta holds no version") }
        return UInt64(bitPattern: version)
    }

    static func fetch(id: Article.ID, in database: some SQLExecutor) throws -> Article? {
        let statement = SQLStatement(
            "SELECT \(ArticleColumns.selectList) FROM articles a WHERE a.id = \(database.dialect.placeholder(1))", [.text(id)])
        return try database.rows(statement).first.map { try ArticleColumns.article(from: $0) }
    }

    /// Which of `values` are in `table`'s `column`, asked in chunks (a bulk import checks thousands).
    static func existingIDs(
        _ values: [String], table: String, column: String = "id", in database: some SQLExecutor
    ) throws -> Set<String> {
        var found: Set<String> = []
        var start = 0
        while start < values.count {
            let chunk = Array(values[start..<min(values.count, start + 500)])
            start += chunk.count
            var builder = SQLBuilder(database.dialect)
            let list = builder.list(chunk)
            builder.append("SELECT \(column) FROM \(table) WHERE \(column) IN \(list)")
            for row in try database.rows(builder.statement) {
                if let value = row.first?.text { found.insert(value) }
            }
        }
        return found
    }

    /// Articles per INSERT in a bulk load (well under both databases' limits on parameters per statement).
    static let insertBatch = 100

    static func insertTags(of articles: [Article], in database: some SQLExecutor) throws {
        let pairs = articles.flatMap { article in article.tags.map { (tag: $0, id: article.id) } }
        guard !pairs.isEmpty else { return }
        switch database.dialect {
        case .sqlite:
            var builder = SQLBuilder(database.dialect)
            let rows = pairs.map { "(\(builder.bind(.text($0.tag))), \(builder.bind(.text($0.id))))" }
            builder.append("INSERT INTO article_tags (tag, article_id) VALUES \(rows.joined(separator: ", "))")
            try database.run(builder.statement)
        case .postgres:
            // Two arrays, so the text is the same however many rows (PostgreSQL prepares each text once).
            try database.run(SQLStatement(
                "INSERT INTO article_tags (tag, article_id) SELECT * FROM unnest($1::text[], $2::text[])",
                [.text(arrayLiteral(pairs.map(\.tag))), .text(arrayLiteral(pairs.map(\.id)))]))
        }
    }

    /// A PostgreSQL array literal of `values`, each quoted.
    static func arrayLiteral(_ values: [String]) -> String {
        let quoted = values.map { value in
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
    }
}
