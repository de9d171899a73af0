import Articles

extension ArticleInput {
    /// The article this write asks for, before its slug is settled: `needsSlug` is true when the slug must
    /// be derived from the title. `problems` lists required fields left out or nulled, after the input's own.
    func build(id: Article.ID, existing: Article?, mode: WriteMode, now: Timestamp)
        -> (article: Article, needsSlug: Bool, problems: [Problem.Entry]) {
        var problems = self.problems
        // For PATCH a left-out field keeps its value; for POST and PUT it takes the default.
        let keeps = mode == .patch

        func required(_ input: FieldInput<String>, _ name: String, _ current: String?) -> String {
            switch input {
            case .value(let text): return text
            case .null:
                problems.append(.field(name, "is required and cannot be null"))
            case .absent:
                if keeps, let current { return current }
                // A key that is present but broken has been reported already.
                if !keys.contains(name) { problems.append(.field(name, "is required")) }
            }
            return current ?? ""
        }
        func optional<T>(_ input: FieldInput<T>, current: T, default value: T, keptOnReplace: Bool = false) -> T {
            switch input {
            case .value(let given): given
            case .null: value
            case .absent: keeps || keptOnReplace && mode == .replace ? current : value
            }
        }

        let title = required(self.title, "title", existing?.title).withoutSurroundingWhitespace
        let body = required(self.body, "body", existing?.body)
        let category = required(self.category, "category", existing?.category)
        var needsSlug = false
        var slug = existing?.slug ?? ""
        switch self.slug {
        case .value(let given): slug = given
        case .null: needsSlug = true
        case .absent: needsSlug = existing == nil
        }
        let article = Article(
            id: id,
            slug: slug,
            title: title,
            summary: optional(summary.optional, current: existing?.summary, default: nil),
            body: body,
            author: optional(author.optional, current: existing?.author, default: nil),
            category: category,
            tags: optional(tags, current: existing?.tags ?? [], default: []),
            language: optional(language, current: existing?.language ?? "en", default: "en"),
            breaking: optional(breaking, current: existing?.breaking ?? false, default: false),
            status: optional(status, current: existing?.status ?? .draft, default: .draft),
            publishedAt: optional(publishedAt.optional, current: existing?.publishedAt, default: nil, keptOnReplace: true),
            createdAt: existing?.createdAt ?? now,
            updatedAt: now,
            related: optional(related, current: existing?.related ?? [], default: []),
            version: existing?.version ?? 0
        )
        return (article, needsSlug, problems)
    }
}

extension FieldInput {
    /// The same input over an optional value, so `null` can mean nil.
    var optional: FieldInput<Value?> {
        switch self {
        case .absent: .absent
        case .null: .null
        case .value(let value): .value(value)
        }
    }
}

extension String {
    /// Without leading and trailing whitespace and newlines, as the validator trims (titles are stored trimmed).
    var withoutSurroundingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        if first == startIndex && index(after: last) == endIndex { return self }
        return String(self[first...last])
    }
}
