import Articles
import ArticlesSQL
import ArticlesTesting
import Foundation
import SQLiteStore
import Testing

private func article(_ id: String, title: String = "A title", body: String = "Some body.", tags: [String] = []) -> Article {
    let time = Timestamp.at("2025-09-01T08:00:00Z")
    return Article(
        id: id, slug: "slug-\(id)", title: title, body: body, category: "world", tags: tags, status: .published,
        publishedAt: time, createdAt: time, updatedAt: time)
}

@Suite(.timeLimit(.minutes(2)))
struct SQLiteStoreTests {
    @Test("migrations are applied once, recorded by version, and a newer schema is refused")
    func migrations() throws {
        let path = temporaryDatabasePath("migrations")
        defer { removeDatabase(at: path) }
        do {
            let store = try SQLiteStore(path: path)
            #expect(store.appliedMigrations == [1, 2, 3, 4, 5])
        }
        do {
            let again = try SQLiteStore(path: path)
            #expect(again.appliedMigrations == [])
        }
        let raw = try RawDatabase(path: path)
        #expect(try raw.rows("SELECT version FROM schema_migrations ORDER BY version") == [["1"], ["2"], ["3"], ["4"], ["5"]])
        _ = try raw.rows("INSERT INTO schema_migrations (version, applied_at) VALUES (99, 0)")
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            guard case ArticleStoreError.unavailable(let reason) = error else { return false }
            return reason.contains("schema version 99")
        }
    }

    @Test("the file is in WAL mode, and what was written is there after reopening")
    func walAndReopen() throws {
        let path = temporaryDatabasePath("wal")
        defer { removeDatabase(at: path) }
        do {
            let store = try SQLiteStore(path: path)
            try store.save(article("a1", tags: ["one"]), expected: nil)
            try store.save(article("a2"), expected: nil)
            try store.delete(id: "a2", expected: nil)
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
            let raw = try RawDatabase(path: path)
            #expect(try raw.rows("PRAGMA journal_mode") == [["wal"]])
        }
        let reopened = try SQLiteStore(path: path)
        #expect(reopened.version == 3)
        #expect(try reopened.article(ref: "a1")?.version == 1)
        #expect(try reopened.article(ref: "a2") == nil)
        // The deleted id stays retired across restarts.
        #expect(throws: ArticleStoreError.self) { try reopened.save(article("a2"), expected: nil) }
    }

    @Test("the search index holds folded tokens; any script and words starting with x are found exactly")
    func fullTextSearch() throws {
        let path = temporaryDatabasePath("fts")
        defer { removeDatabase(at: path) }
        let store = try SQLiteStore(path: path)
        try store.save(article("r1", title: "Новости из Москвы", body: "Xenon lamps and the xylophone."), expected: nil)
        try store.save(article("r2", title: "Größe", body: "Plain text, nothing else: x6e6f."), expected: nil)
        let raw = try RawDatabase(path: path)
        let fields = try raw.rows(
            "SELECT f.words, f.title, f.summary, f.state FROM article_index f JOIN articles a ON a.search_key = f.rowid WHERE a.id = 'r1'")
        let indexed = SearchText.fields(of: try #require(try store.article(ref: "r1")))
        let prefixedTitle = indexed.title.split(separator: " ").map { "xt" + $0 }.joined(separator: " ")
        #expect(fields == [["\(indexed.title) xz \(indexed.summary) xz \(indexed.body)", prefixedTitle, "", "xpublished"]])
        #expect(indexed.title == "xd0bdd0bed0b2d0bed181d182d0b8 xd0b8d0b7 xd0bcd0bed181d0bad0b2d18b")
        #expect(SearchText.token("москвы") == "xd0bcd0bed181d0bad0b2d18b")
        #expect(SearchText.token("xenon") == "x78656e6f6e")
        #expect(SearchText.token("grosse") == "grosse")
        func found(_ q: String) throws -> [String] {
            let query = try ArticleQuery.parse([(name: "q", value: q)])
            return try store.articles(matching: query, now: .at("2026-01-01T00:00:00Z")).articles.map(\.id)
        }
        #expect(try found("МОСКВЫ") == ["r1"])
        #expect(try found("xenon") == ["r1"])
        #expect(try found("x6e6f") == ["r2"])
        #expect(try found("GROSSE") == ["r2"])
        #expect(try found("\"xenon lamps\"") == ["r1"])
        #expect(try found("\"lamps xenon\"") == [])
        #expect(try found("москв") == [])
        // The FTS index answers the MATCH itself: any field, or the title's own tokens.
        #expect(try raw.rows("SELECT rowid FROM article_index WHERE article_index MATCH '{words} : \"x78656e6f6e\"'").count == 1)
        #expect(try raw.rows("SELECT rowid FROM article_index WHERE article_index MATCH '{title} : \"xtx78656e6f6e\"'").isEmpty)
        #expect(try raw.rows("SELECT rowid FROM article_index WHERE article_index MATCH '{title} : \"xtgrosse\"'").count == 1)
    }

    @Test("a write past the size cap (as on a full disk) is unavailable and leaves nothing half-written")
    func fullDisk() throws {
        let path = temporaryDatabasePath("full")
        defer { removeDatabase(at: path) }
        do { _ = try SQLiteStore(path: path) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let store = try SQLiteStore(path: path, maximumBytes: size + 16 * 4096)
        try store.save(article("f1"), expected: nil)
        let tags = (0..<20).map { "tag-\($0)" }
        let big = article("f2", body: String(repeating: "Many words fill pages here. ", count: 7_000), tags: tags)
        #expect {
            try store.save(big, expected: nil)
        } throws: { error in
            guard case ArticleStoreError.unavailable(let reason) = error else { return false }
            return reason.contains("full")
        }
        #expect(store.version == 1)
        #expect(try store.article(ref: "f2") == nil)
        #expect(try store.countsByStatus()[.published] == 1)
        let raw = try RawDatabase(path: path)
        #expect(try raw.rows("SELECT COUNT(*) FROM article_tags") == [["0"]])
        #expect(try raw.rows("SELECT version FROM store_meta") == [["1"]])
        // Small writes still fit.
        var edited = try #require(try store.article(ref: "f1"))
        edited.title = "Still writable"
        #expect(try store.save(edited, expected: 1).version == 2)
    }

    @Test("migration 5 adds the filter values' postings to a database of schema 4, and a filtered search uses them")
    func filterPostingsMigration() throws {
        let path = temporaryDatabasePath("v4")
        defer { removeDatabase(at: path) }
        do {
            let store = try SQLiteStore(path: path)
            var breaking = article("f1", title: "Harbour strike", tags: ["port", "labour"])
            breaking.breaking = true
            breaking.author = "Amina Yusuf"
            try store.save(breaking, expected: nil)
            var other = article("f2", title: "Harbour reopens", tags: ["port"])
            other.language = "sw"
            try store.save(other, expected: nil)
        }
        // What schema 4 left: the same postings without the filter values' rows.
        let raw = try RawDatabase(path: path)
        _ = try raw.rows("""
            DELETE FROM search_postings WHERE token LIKE 'category:%' OR token LIKE 'tag:%' OR token LIKE 'author:%'
                OR token LIKE 'lang:%' OR token LIKE 'breaking:%'
            """)
        _ = try raw.rows("DELETE FROM schema_migrations WHERE version = 5")
        let store = try SQLiteStore(path: path)
        #expect(store.appliedMigrations == [5])
        // f1 and f2 are seqs 1 and 2: offsets 1 and 2 of chunk 0, in the sparse form.
        for (token, offsets) in [
            ("category:world", "a001002"), ("tag:port", "a001002"), ("tag:labour", "a001"), ("author:amina yusuf", "a001"),
            ("lang:en", "a001"), ("lang:sw", "a002"), ("breaking:true", "a001"),
        ] {
            #expect(try raw.rows("SELECT offsets FROM search_postings WHERE token = '\(token)' AND chunk = 0") == [[offsets]], "\(token)")
        }
        func found(_ pairs: [(name: String, value: String)]) throws -> [String] {
            let query = try ArticleQuery.parse([(name: "q", value: "harbour")] + pairs)
            return try store.articles(matching: query, now: .at("2026-01-01T00:00:00Z")).articles.map(\.id)
        }
        #expect(try found([("tag", "labour")]) == ["f1"])
        #expect(try found([("tag", "port,-labour")]) == ["f2"])
        #expect(try found([("author", "AMINA YUSUF")]) == ["f1"])
        #expect(try found([("lang", "sw")]) == ["f2"])
        #expect(try found([("breaking", "false")]) == ["f2"])
        #expect(try found([("category", "world"), ("breaking", "true")]) == ["f1"])
        #expect(try found([("category", "sport")]) == [])
    }

    @Test("a database of the first schema moves to the per-field index, then the keyed index, at start; found and ranked")
    func searchFieldsMigration() throws {
        let path = temporaryDatabasePath("v1")
        defer { removeDatabase(at: path) }
        do {
            // What a build of schema version 1 left: its tables, its FTS5 triggers, two articles, version 2.
            #expect(FileManager.default.createFile(atPath: path, contents: nil))  // an empty file is an empty database
            let raw = try RawDatabase(path: path)
            _ = try raw.rows("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)")
            for statement in ArticleSchema.createTables(for: .sqlite) { _ = try raw.rows(statement) }
            _ = try raw.rows("INSERT INTO schema_migrations VALUES (1, 0)")
            for (id, title, body) in [("m1", "Harbour news", "Cranes."), ("m2", "Other news", "The harbour reopens.")] {
                _ = try raw.rows("""
                    INSERT INTO articles (id, slug, title, summary, body, author, author_key, category, tags, language,
                        language_key, breaking, status, published_at, publish_key, created_at, updated_at, related,
                        version, search_text)
                    VALUES ('\(id)', 'slug-\(id)', '\(title)', NULL, '\(body)', NULL, NULL, 'world', 'port', 'en', 'en', 0,
                        'published', 1756713600, 1756713600, 1756713600, 1756713600, '', 1, 'unused')
                    """)
            }
            _ = try raw.rows("INSERT INTO article_tags VALUES ('port', 'm1'), ('port', 'm2')")
            _ = try raw.rows("UPDATE store_meta SET version = 2")
        }
        let store = try SQLiteStore(path: path)
        #expect(store.appliedMigrations == [2, 3, 4, 5])
        #expect(store.version == 2)
        func found(_ q: String) throws -> [String] {
            let query = try ArticleQuery.parse([(name: "q", value: q)])
            return try store.articles(matching: query, now: .at("2026-01-01T00:00:00Z")).articles.map(\.id)
        }
        // Migration 4 indexed both stored articles in the postings (which answer these relevance searches).
        // (m1 and m2 are seqs 1 and 2: offsets 1 and 2 of chunk 0, sparse form.)
        let postings = try RawDatabase(path: path)
        #expect(try postings.rows("SELECT offsets FROM search_postings WHERE token = 't:harbour' AND chunk = 0") == [["a001"]])
        #expect(try postings.rows("SELECT offsets FROM search_postings WHERE token = 'b:harbour reopens'") == [["a002"]])
        #expect(try postings.rows("SELECT offsets FROM search_postings WHERE token = 'status:published'") == [["a001002"]])
        // Title (100) before body (1), although m2 has the later id.
        #expect(try found("harbour") == ["m1", "m2"])
        #expect(try found("port cranes") == ["m1"])
        #expect(try found("\"harbour reopens\"") == ["m2"])
        // Both in one second: slots 0 and 1 by seq; newest first then puts the higher id first.
        let raw = try RawDatabase(path: path)
        #expect(try raw.rows("SELECT id, search_key FROM articles ORDER BY id") == [
            ["m1", String(1_756_713_600 << 24)], ["m2", String(1_756_713_600 << 24 + 1)],
        ])
        let newest = try ArticleQuery.parse([(name: "q", value: "news"), (name: "sort", value: "newest")])
        #expect(try store.articles(matching: newest, now: .at("2026-01-01T00:00:00Z")).articles.map(\.id) == ["m2", "m1"])
        // A new article of the same second takes the next free slot.
        var third = article("m3", title: "Harbour news again")
        third.publishedAt = Timestamp(secondsSince1970: 1_756_713_600)
        try store.save(third, expected: nil)
        #expect(try raw.rows("SELECT search_key FROM articles WHERE id = 'm3'") == [[String(1_756_713_600 << 24 + 2)]])
        #expect(try found("harbour") == ["m3", "m1", "m2"])
        #expect(try raw.rows("SELECT name FROM pragma_table_info('articles') WHERE name = 'search_text'").isEmpty)
        #expect(try raw.rows("SELECT name FROM sqlite_schema WHERE name = 'article_fields'").isEmpty)
    }
}
