public import Articles

extension SQLArticleReads {
    /// The rail: the editor's visible `related` picks in order, then visible articles sharing tags (more shared
    /// first, then same category, then newest), then visible articles of the same category sharing no tag
    /// (newest first), then any other visible ones sharing no tag. Never `article` itself.
    public static func related(
        to article: Article, limit: Int, now: Timestamp, in database: some SQLExecutor
    ) throws -> [Article] {
        guard limit > 0 else { return [] }
        var chosen: [Article] = []
        var taken: Set<String> = [article.id]
        let picks = Array(Set(article.related))
        if !picks.isEmpty {
            var builder = SQLBuilder(database.dialect)
            let ids = builder.list(picks)
            builder.append("SELECT \(ArticleColumns.selectList) FROM articles a WHERE a.id IN \(ids)")
            var found: [String: Article] = [:]
            for row in try database.rows(builder.statement) {
                let candidate = try ArticleColumns.article(from: row)
                found[candidate.id] = candidate
            }
            for id in article.related where chosen.count < limit {
                guard let candidate = found[id] else { continue }
                if candidate.isVisible(at: now), taken.insert(candidate.id).inserted { chosen.append(candidate) }
            }
        }
        let tags = Array(Set(article.tags))

        // Sharing tags: ranked by how many, then same category, then publish order.
        if chosen.count < limit, !tags.isEmpty {
            var builder = SQLBuilder(database.dialect)
            let tagList = builder.list(tags)
            let visible = ArticleFilterSQL.visible(now: now, into: &builder)
            let excluded = builder.list(Array(taken))
            let category = builder.bind(.text(article.category))
            let count = builder.bind(.integer(Int64(limit - chosen.count)))
            builder.append("""
                SELECT \(ArticleColumns.selectList) FROM articles a
                JOIN (SELECT article_id, COUNT(*) AS shared FROM article_tags WHERE tag IN \(tagList) GROUP BY article_id) s
                    ON s.article_id = a.id
                WHERE \(visible) AND a.id NOT IN \(excluded)
                ORDER BY s.shared DESC, CASE WHEN a.category = \(category) THEN 0 ELSE 1 END, a.publish_key DESC, a.id DESC
                LIMIT \(count)
                """)
            for row in try database.rows(builder.statement) {
                let candidate = try ArticleColumns.article(from: row)
                taken.insert(candidate.id)
                chosen.append(candidate)
            }
        }

        // Then sharing no tag: the same category first, then anything; newest first.
        for sameCategory in [true, false] where chosen.count < limit {
            var builder = SQLBuilder(database.dialect)
            let visible = ArticleFilterSQL.visible(now: now, into: &builder)
            let excluded = builder.list(Array(taken))
            var conditions = "\(visible) AND a.id NOT IN \(excluded)"
            if sameCategory { conditions += " AND a.category = \(builder.bind(.text(article.category)))" }
            if !tags.isEmpty {
                conditions += " AND NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag IN \(builder.list(tags)))"
            }
            let count = builder.bind(.integer(Int64(limit - chosen.count)))
            builder.append("""
                SELECT \(ArticleColumns.selectList) FROM articles a WHERE \(conditions)
                ORDER BY a.publish_key DESC, a.id DESC LIMIT \(count)
                """)
            for row in try database.rows(builder.statement) {
                let candidate = try ArticleColumns.article(from: row)
                taken.insert(candidate.id)
                chosen.append(candidate)
            }
        }
        return chosen
    }
}
