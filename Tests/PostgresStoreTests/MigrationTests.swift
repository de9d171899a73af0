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

    @Test("migration 6 adds the filter values' postings to a database of schema 5, and a filtered search uses them")
    func filterPostingsMigration() async throws {
        try await TestDatabase.with { url in
            do {
                let store = try PostgresStore(url: url)
                defer { store.close() }
                var breaking = sampleArticle(id: "f1", slug: "harbour-strike", title: "Harbour strike", tags: ["port", "labour"], status: .published)
                breaking.breaking = true
                breaking.author = "Amina Yusuf"
                breaking.publishedAt = breaking.createdAt
                try store.save(breaking, expected: nil)
                var other = sampleArticle(id: "f2", slug: "harbour-reopens", title: "Harbour reopens", tags: ["port"], status: .published)
                other.language = "sw"
                other.publishedAt = other.createdAt
                try store.save(other, expected: nil)
            }
            // What schema 5 left: the same postings without the filter values' rows.
            let raw = try PGConnection(url: url)
            try raw.execute("""
                DELETE FROM search_postings WHERE token LIKE 'category:%' OR token LIKE 'tag:%' OR token LIKE 'author:%'
                    OR token LIKE 'lang:%' OR token LIKE 'breaking:%'
                """)
            try raw.execute("DELETE FROM schema_migrations WHERE version = 6")
            #expect(try Migrations.apply(on: PGConnection(url: url)) == [6])
            let seqs = try raw.execute("SELECT id, seq FROM articles ORDER BY id").rows.map { $0[1].integer ?? -1 }
            #expect(seqs.count == 2)
            func offsets(_ token: String) throws -> [Int64] {
                let rows = try raw.execute("SELECT offsets FROM search_postings WHERE token = $1", [token]).rows
                return try rows.flatMap { row -> [Int64] in
                    let text = try #require(row[0].text)
                    // The sparse form: `a`, then three hex digits per offset (seqs below 4,096: chunk 0).
                    return stride(from: 1, to: text.count, by: 3).map { start in
                        let digits = text.dropFirst(start).prefix(3)
                        return Int64(digits, radix: 16) ?? -1
                    }
                }
            }
            #expect(try offsets("category:world") == seqs)
            #expect(try offsets("tag:port") == seqs)
            #expect(try offsets("tag:labour") == [seqs[0]])
            #expect(try offsets("author:amina yusuf") == [seqs[0]])
            #expect(try offsets("lang:sw") == [seqs[1]])
            #expect(try offsets("breaking:true") == [seqs[0]])
            let store = try PostgresStore(url: url)
            defer { store.close() }
            func found(_ pairs: [(name: String, value: String)]) throws -> [String] {
                let query = try ArticleQuery.parse([(name: "q", value: "harbour")] + pairs)
                return try store.articles(matching: query, now: .now()).articles.map(\.id)
            }
            #expect(try found([("tag", "port,-labour")]) == ["f2"])
            #expect(try found([("author", "AMINA YUSUF")]) == ["f1"])
            #expect(try found([("breaking", "false")]) == ["f2"])
            #expect(try found([("category", "sport")]) == [])
        }
    }
}

/// A valid draft article.
func sampleArticle(id: String, slug: String, title: String = "A story", tags: [String] = [], status: ArticleStatus = .draft) -> Article {
    let now = Timestamp.now()
    return Article(id: id, slug: slug, title: title, body: "Some text.", category: "world", tags: tags, status: status,
                   createdAt: now, updatedAt: now)
}
