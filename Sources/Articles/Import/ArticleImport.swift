public import Foundation

/// Reads a JSON array of articles in the contract's shape (what /work/shared/bench/gen_articles.py writes).
/// Validates everything; a bad file throws an error whose description names the article (index and id/slug)
/// and the field. Imported ids of valid form are kept; missing ids are generated; missing slugs derived.
///
/// Defaults for absent fields: those of the contract (language `en`, status `draft`, ...); `createdAt` is
/// `publishedAt` (or now), `updatedAt` is `createdAt`, a published article without `publishedAt` gets
/// `createdAt`. Titles are stored trimmed. Unknown fields are ignored. Throws `ArticleImportError`.
public enum ArticleImport {
    /// Decodes and validates a JSON array of articles; throws `ArticleImportError` naming every bad one.
    public static func decode(_ data: Data) throws -> [Article] {
        let records: [ArticleRecord]
        do {
            records = try data.withUnsafeBytes { raw in
                var reader = ArticleRecordReader(raw.bindMemory(to: UInt8.self))
                return try reader.read()
            }
        } catch let failure as ArticleRecordReader.Failure {
            throw importError(for: failure, in: data)
        }
        return try build(records)
    }

    /// Reads and decodes the JSON file at `path` (see `decode`).
    public static func load(contentsOf path: String) throws -> [Article] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ArticleImportError(
                problems: [.field("file", "cannot be read")], lines: ["\(path): cannot be read (\(error.localizedDescription))"])
        }
        return try decode(data)
    }

    private static func build(_ records: [ArticleRecord]) throws -> [Article] {
        let now = Timestamp.now()
        var problems: [FieldProblem] = []
        var lines: [String] = []
        func report(_ position: Int, _ label: String, _ field: String, _ message: String) {
            problems.append(.field("articles[\(position)].\(field)", message))
            lines.append("article \(position)\(label): \(field): \(message)")
        }

        var articles: [Article] = []
        articles.reserveCapacity(records.count)
        var givenSlugs: Set<String> = []
        for record in records {
            if let slug = record.slug { givenSlugs.insert(slug) }
        }
        var usedSlugs: Set<String> = []
        var ids: Set<String> = []
        var labels: [String] = []
        for (position, record) in records.enumerated() {
            let label = Self.label(id: record.id, slug: record.slug)
            labels.append(label)
            let id = record.id ?? ArticleID.generate()
            let title = (record.title ?? "").trimmingWhitespace
            if record.title == nil { report(position, label, "title", "is required") }
            if record.body == nil { report(position, label, "body", "is required") }
            if record.category == nil { report(position, label, "category", "is required") }
            var slug: String
            if let given = record.slug {
                slug = given
                if !usedSlugs.insert(given).inserted { report(position, label, "slug", "repeats the slug '\(given)'") }
            } else {
                let base = Slug.derive(from: title) ?? id
                slug = Slug.unique(base) { usedSlugs.contains($0) || givenSlugs.contains($0) }
                usedSlugs.insert(slug)
            }
            if !ids.insert(id).inserted { report(position, label, "id", "repeats the id '\(id)'") }
            let createdAt = record.createdAt ?? record.publishedAt ?? now
            let status = record.status ?? .draft
            let article = Article(
                id: id,
                slug: slug,
                title: title,
                summary: record.summary,
                body: record.body ?? "",
                author: record.author,
                category: record.category ?? "",
                tags: record.tags ?? [],
                language: record.language ?? "en",
                breaking: record.breaking ?? false,
                status: status,
                publishedAt: record.publishedAt ?? (status == .published ? createdAt : nil),
                createdAt: createdAt,
                updatedAt: record.updatedAt ?? createdAt,
                related: record.related ?? []
            )
            for problem in ArticleValidator.problems(in: article) {
                let missing = (problem.name == "title" && record.title == nil) || (problem.name == "body" && record.body == nil)
                    || (problem.name == "category" && record.category == nil)
                if !missing { report(position, label, problem.name, problem.message) }
            }
            articles.append(article)
        }
        for (position, article) in articles.enumerated() {
            for (number, id) in article.related.enumerated() where ArticleID.isValid(id) && !ids.contains(id) {
                report(position, labels[position], "related[\(number)]", "no article in the file has the id '\(id)'")
            }
        }
        guard problems.isEmpty else { throw ArticleImportError(problems: problems, lines: lines) }
        return articles
    }

    private static func label(id: String?, slug: String?) -> String {
        if let id { return " (id \(id))" }
        if let slug { return " (slug \(slug))" }
        return ""
    }

    /// Turns a read failure into a problem naming the article (by index, and id or slug when known), or the
    /// place in the file (line and column) where the JSON breaks.
    private static func importError(for failure: ArticleRecordReader.Failure, in data: Data) -> ArticleImportError {
        switch failure {
        case .syntax(let offset, let message):
            var line = 1
            var column = 1
            for byte in data.prefix(offset) {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            let text = "is not a JSON array of articles: at line \(line), column \(column), it \(message)"
            return ArticleImportError(problems: [.field("file", text)], lines: ["the file \(text)"])
        case .field(let index, let id, let slug, let field, let message):
            return ArticleImportError(
                problems: [.field("articles[\(index)].\(field)", message)],
                lines: ["article \(index)\(label(id: id, slug: slug)): \(field): \(message)"])
        }
    }
}

/// An article as it may appear in an import file: everything optional, defaults applied by `ArticleImport`.
struct ArticleRecord {
    var id: String?
    var slug: String?
    var title: String?
    var summary: String?
    var body: String?
    var author: String?
    var category: String?
    var tags: [String]?
    var language: String?
    var breaking: Bool?
    var status: ArticleStatus?
    var publishedAt: Timestamp?
    var createdAt: Timestamp?
    var updatedAt: Timestamp?
    var related: [String]?
}
