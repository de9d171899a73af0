import Articles
import Foundation
@testable import PostgresStore
import Testing

@Suite("PostgreSQL bulk loads", .timeLimit(.minutes(2)))
struct BulkLoadTests {
    @Test("an import leaves its tables vacuumed and analyzed, so index-only scans need not visit the table")
    func importVacuums() async throws {
        try await TestDatabase.with { url in
            let store = try PostgresStore(url: url)
            defer { store.close() }
            let articles = (1...50).map { sampleArticle(id: "b\($0)", slug: "bulk-\($0)", title: "Bulk story \($0)", status: .published) }
            try store.importArticles(articles)
            let connection = try PGConnection(url: url)
            // The statistics of a vacuum are reported as it ends; wait a bounded while for them all the same.
            var rows: [[String?]] = []
            for _ in 0..<50 {
                rows = try connection.execute("""
                    SELECT relname, CASE WHEN last_vacuum IS NULL THEN 'no' ELSE 'yes' END,
                        CASE WHEN last_analyze IS NULL THEN 'no' ELSE 'yes' END FROM pg_stat_user_tables
                    WHERE relname IN ('articles', 'article_tags', 'search_postings') ORDER BY relname
                    """).rows.map { $0.map(\.text) }
                if rows.count == 3, rows.allSatisfy({ $0[1] == "yes" && $0[2] == "yes" }) { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(rows == [["article_tags", "yes", "yes"], ["articles", "yes", "yes"], ["search_postings", "yes", "yes"]])
            // The postings are there and answer a search.
            let query = try ArticleQuery.parse([(name: "q", value: "bulk story")])
            #expect(try store.articles(matching: query, now: .now()).total == 50)
        }
    }
}
