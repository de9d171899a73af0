import Articles

extension DatelineApplication {
    /// The article a write will save: built from the body, its slug settled (derived ones de-duplicated, given
    /// ones checked for clashes), `related` ids checked against the store, and every rule of the contract's
    /// table checked. Throws one 422 listing every bad field. `slugDerived` tells the caller a slug clash at
    /// save time (a concurrent write took it) may be retried with a fresh derivation.
    func prepare(_ input: ArticleInput, id: Article.ID, existing: Article?, mode: WriteMode, now: Timestamp) throws
        -> (article: Article, slugDerived: Bool) {
        var (article, needsSlug, problems) = input.build(id: id, existing: existing, mode: mode, now: now)
        if needsSlug {
            let base = Slug.derive(from: article.title) ?? id
            article.slug = Slug.unique(base) { isTaken($0, except: id) }
        } else if case .value(let slug) = input.slug, Slug.isValid(slug), isTaken(slug, except: id) {
            problems.append(.field("slug", "'\(slug)' is already used by another article; choose another, or send null to derive one from the title"))
        }
        var reported = Set(problems.map(\.name))
        for problem in ArticleValidator.problems(in: article) where !reported.contains(problem.name) {
            problems.append(.field(problem.name, problem.message))
        }
        reported = Set(problems.map(\.name))
        for (position, related) in article.related.enumerated() where !reported.contains("related[\(position)]") {
            if try store.article(ref: related)?.id != related {
                problems.append(.field("related[\(position)]", "no article has the id '\(related)'"))
            }
        }
        guard problems.isEmpty else { throw Problem.invalidFields(Self.inFieldOrder(problems)) }
        return (article, needsSlug)
    }

    /// The problems in the article's field order (`tags[1]` before `tags[2]`), unknown fields last in body
    /// order, so a document lists them as an editor reads the article.
    static func inFieldOrder(_ problems: [Problem.Entry]) -> [Problem.Entry] {
        func rank(_ entry: Problem.Entry) -> (Int, Int) {
            let base = entry.name.prefix { $0 != "[" }
            let field = ArticleField.allCases.firstIndex { $0.rawValue == base } ?? ArticleField.allCases.count
            let position = entry.name.last == "]" ? Int(entry.name.dropFirst(base.count + 1).dropLast()) ?? 0 : -1
            return (field, position)
        }
        return problems.enumerated()
            .sorted {
                let (left, right) = (rank($0.element), rank($1.element))
                return (left.0, left.1, $0.offset) < (right.0, right.1, $1.offset)
            }
            .map(\.element)
    }

    /// Whether `slug` would name an article other than `id` (as a slug, or as another article's id).
    private func isTaken(_ slug: String, except id: Article.ID) -> Bool {
        guard let found = (try? store.article(ref: slug)) ?? nil else { return false }
        return found.id != id
    }
}
