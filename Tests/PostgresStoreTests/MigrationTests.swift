import Articles
@testable import PostgresStore
import Testing

@Suite("PostgreSQL migrations", .timeLimit(.minutes(2)))
struct MigrationTests {
    @Test("Two stores starting at once on a new database apply each migration exactly once, and both work")
    func concurrentStart() async throws {
        try await TestDatabase.with { url in
            async let first = Task.detached { try PostgresStore(url: url) }.value
            async let second = Task.detached { try PostgresStore(url: url) }.value
            let (a, b) = try await (first, second)
            defer {
                a.close()
                b.close()
            }
            let rows = try PGConnection(url: url).execute("SELECT version, COUNT(*) FROM schema_migrations GROUP BY version ORDER BY version").rows
            #expect(rows.map { $0[0].integer } == Migrations.all.map { Int64($0.version) })
            #expect(rows.allSatisfy { $0[1].integer == 1 })
            // A later start finds nothing to do.
            #expect(try Migrations.apply(on: PGConnection(url: url)) == [])
            let saved = try a.save(sampleArticle(id: "m1", slug: "first-story"), expected: nil)
            #expect(saved.version == 1)
            #expect(try b.article(ref: "first-story")?.id == "m1")
        }
    }
}

/// A valid draft article.
func sampleArticle(id: String, slug: String, title: String = "A story", tags: [String] = [], status: ArticleStatus = .draft) -> Article {
    let now = Timestamp.now()
    return Article(id: id, slug: slug, title: title, body: "Some text.", category: "world", tags: tags, status: status,
                   createdAt: now, updatedAt: now)
}
