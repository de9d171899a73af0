import Articles

/// A second search index, kept by both database stores next to their full-text one: for each search token, the
/// set of articles (by `seq`) holding it, as bitmaps of `PostingChunk.size` articles, one row per token and
/// chunk in `search_postings`. It answers what full-text indexes answer slowly for common words: how many
/// articles match (a `total` over 74,490 matches is an AND and a popcount of a few dozen 512-byte bitmaps, where
/// FTS5 walks two 80,000-entry doclists and PostgreSQL visits every match's row), and each match's relevance
/// (which field holds each term), so a relevance page reads only the rows it shows (`SQLArticleReads+Postings`).
///
/// Tokens (`SearchText`'s word tokens, which hold no `:` and no space):
/// - `t:word`, `s:word`, `b:word`: the word is in the title, in the summary or a tag, in the body;
/// - `t:one two`, `s:one two`, `b:one two`: the two words stand next to each other in that field (inside the
///   summary or inside one tag), so a two-word phrase is one token and its set is exact;
/// - `status:published` (and `draft`, `archived`): the article's status;
/// - `category:world`, `tag:sudan` (one per tag), `author:jane doe` (lower-cased), `lang:sw` (lower-cased),
///   `breaking:true`: what the list filters ask for (`PostingFilter`), so a filtered search is answered here too.
///
/// Writes keep it in the same transaction as the article's row; PostgreSQL's writers are serialized already (each
/// first raises `store_meta`'s version), so a read-modify-write of a row cannot lose a concurrent one.
public enum SearchPostings {
    /// The table.
    public static let table = "search_postings"

    /// The statements that create the table (the backfill is `rebuild`). Keyed by token first: a search reads
    /// a few tokens' rows of every chunk, which then lie side by side (keyed by chunk first, the 175 rows of
    /// `drought aid` were 175 pages apart, and searches were slower in both databases; imports were faster,
    /// 114 s against 142 s for SQLite at 100,000, as each chunk's rows went in at the end).
    public static func createTable(for dialect: SQLDialect) -> [String] {
        switch dialect {
        case .sqlite:
            ["CREATE TABLE \(table) (token TEXT NOT NULL, chunk INTEGER NOT NULL, offsets TEXT NOT NULL, PRIMARY KEY (token, chunk)) WITHOUT ROWID"]
        case .postgres:
            // The offsets in the key's index too: a search reads its tokens' rows by index only (no heap page per
            // row: 0.05 ms instead of 0.8 for the 175 rows of `drought aid` at 100,000 articles).
            [
                "CREATE TABLE \(table) (token TEXT COLLATE \"C\" NOT NULL, chunk BIGINT NOT NULL, offsets TEXT NOT NULL, "
                    + "PRIMARY KEY (token, chunk) INCLUDE (offsets))",
            ]
        }
    }

    /// Indexes every stored article (the migration's backfill), a chunk of articles at a time.
    public static func rebuild(in database: some SQLExecutor) throws {
        var edits = PostingEdits()
        try database.forEachRow(SQLStatement("SELECT seq, \(ArticleColumns.selectList) FROM articles a ORDER BY seq")) { row in
            guard let seq = row.first?.integer else { throw SQLRowError("an article without a seq") }
            edits.add(seq: seq, tokens: tokens(of: try ArticleColumns.article(from: Array(row.dropFirst()))))
            if edits.chunkCount > 1 { try edits.write(in: database, keeping: PostingEdits.chunk(of: seq)) }
        }
        try edits.write(in: database)
    }

    /// Adds every stored article's filter tokens (`filterTokens`, new in the schema after the postings), from
    /// the columns they come from alone.
    public static func addFilterTokens(in database: some SQLExecutor) throws {
        var edits = PostingEdits()
        let columns = "a.seq, a.status, a.category, a.language, a.tags, a.author, a.breaking"
        try database.forEachRow(SQLStatement("SELECT \(columns) FROM articles a ORDER BY seq")) { row in
            guard row.count == 7, let seq = row[0].integer, let status = row[1].text.flatMap(ArticleStatus.init(rawValue:)),
                  let category = row[2].text, let language = row[3].text, let tags = row[4].text, let breaking = row[6].integer
            else { throw SQLRowError("bad article row for its filter tokens") }
            edits.add(seq: seq, tokens: filterTokens(
                status: status, category: category, language: language,
                tags: tags.isEmpty ? [] : tags.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
                author: row[5].text, breaking: breaking != 0))
            if edits.chunkCount > 1 { try edits.write(in: database, keeping: PostingEdits.chunk(of: seq)) }
        }
        try edits.write(in: database)
    }

    // MARK: Tokens

    /// Every token `article` holds (see the type's comment).
    static func tokens(of article: Article) -> Set<String> {
        let fields = SearchText.fields(of: article)
        var tokens = filterTokens(of: article)
        addTokens(of: fields.title, field: "t", to: &tokens)
        addTokens(of: fields.summary, field: "s", to: &tokens)
        addTokens(of: fields.body, field: "b", to: &tokens)
        return tokens
    }

    /// The tokens of `article`'s status and of the values the list filters compare (none longer than kept).
    static func filterTokens(of article: Article) -> Set<String> {
        filterTokens(
            status: article.status, category: article.category, language: article.language, tags: article.tags,
            author: article.author, breaking: article.breaking)
    }

    private static func filterTokens(
        status: ArticleStatus, category: String, language: String, tags: [String], author: String?, breaking: Bool
    ) -> Set<String> {
        var tokens: Set<String> = [statusToken(status), categoryToken(category), languageToken(language)]
        for tag in tags { tokens.insert(tagToken(tag)) }
        if let author { tokens.insert(authorToken(author)) }
        if breaking { tokens.insert(breakingToken) }
        return tokens.filter { $0.utf8.count <= maximumTokenBytes }
    }

    /// The token of an article's status.
    static func statusToken(_ status: ArticleStatus) -> String {
        "status:" + status.rawValue
    }

    /// The tokens of the filters' values, compared as `QueryFilter` compares them.
    static func categoryToken(_ category: String) -> String { "category:" + category }
    static func tagToken(_ tag: String) -> String { "tag:" + tag }
    static func authorToken(_ author: String) -> String { "author:" + author.lowercased() }
    static func languageToken(_ language: String) -> String { "lang:" + language.lowercased() }
    static let breakingToken = "breaking:true"

    /// The tokens of a run (one word, or a two-word phrase) in `field`: `t`, `s` or `b`.
    static func token(_ run: [String], field: Character) -> String {
        "\(field):" + run.map(SearchText.token).joined(separator: " ")
    }

    /// Whether the postings answer `run`: one word or two (a pair token), exactly; a longer phrase through
    /// its pairs (a superset, which the search checks against the text). Every token no longer than kept.
    static func indexes(_ run: [String]) -> Bool {
        guard run.count > 2 else { return token(run, field: "b").utf8.count <= maximumTokenBytes }
        return (0..<(run.count - 1)).allSatisfy { token([run[$0], run[$0 + 1]], field: "b").utf8.count <= maximumTokenBytes }
    }

    /// The longest token kept (a row's key must fit a PostgreSQL index entry, under 2.7 kB with the offsets);
    /// a search for a longer word is answered by the full-text index alone.
    static let maximumTokenBytes = 512

    private static func addTokens(of text: String, field: String, to tokens: inout Set<String>) {
        var previous: Substring?
        for word in text.split(separator: " ") {
            // The summary's separator before each tag: no pair spans it.
            if word == SearchText.separator {
                previous = nil
                continue
            }
            if word.utf8.count + 2 <= maximumTokenBytes { tokens.insert(field + ":" + word) }
            if let previous, previous.utf8.count + word.utf8.count + 3 <= maximumTokenBytes {
                tokens.insert(field + ":" + previous + " " + word)
            }
            previous = word
        }
    }

    // MARK: Writes

    /// Adds a stored article (its row has `seq`).
    static func add(_ article: Article, seq: Int64, in database: some SQLExecutor) throws {
        var edits = PostingEdits()
        edits.add(seq: seq, tokens: tokens(of: article))
        try edits.write(in: database)
    }

    /// Replaces `before` by `after` in the same row `seq`: only the tokens that differ are written.
    static func replace(_ before: Article, with after: Article, seq: Int64, in database: some SQLExecutor) throws {
        let old = tokens(of: before)
        let new = tokens(of: after)
        var edits = PostingEdits()
        edits.remove(seq: seq, tokens: old.subtracting(new))
        edits.add(seq: seq, tokens: new.subtracting(old))
        try edits.write(in: database)
    }

    /// Removes the article `before` of row `seq`.
    static func remove(_ before: Article, seq: Int64, in database: some SQLExecutor) throws {
        var edits = PostingEdits()
        edits.remove(seq: seq, tokens: tokens(of: before))
        try edits.write(in: database)
    }

    /// The seq of the stored article `id`.
    static func seq(of id: Article.ID, in database: some SQLExecutor) throws -> Int64 {
        let statement = SQLStatement("SELECT seq FROM articles WHERE id = \(database.dialect.placeholder(1))", [.text(id)])
        guard let seq = try database.value(statement)?.integer else { throw SQLRowError("article \(id) has no seq") }
        return seq
    }
}

/// Changes to `search_postings`, gathered per chunk and written together: each row is read, changed and
/// written once however many articles of its chunk changed (a bulk import writes each row once).
struct PostingEdits {
    private var added: [Int64: [String: PostingChunk]] = [:]
    private var removed: [Int64: [String: PostingChunk]] = [:]

    /// The chunk of the article `seq`, and its offset there.
    static func chunk(of seq: Int64) -> Int64 {
        seq >= 0 ? seq / Int64(PostingChunk.size) : -((-(seq + 1)) / Int64(PostingChunk.size)) - 1
    }

    static func offset(of seq: Int64) -> Int {
        Int(seq - chunk(of: seq) * Int64(PostingChunk.size))
    }

    /// Chunks with pending changes.
    var chunkCount: Int {
        Set(added.keys).union(removed.keys).count
    }

    mutating func add(seq: Int64, tokens: some Sequence<String>) {
        let chunk = Self.chunk(of: seq)
        let offset = Self.offset(of: seq)
        for token in tokens { added[chunk, default: [:]][token, default: PostingChunk()].insert(offset) }
    }

    mutating func remove(seq: Int64, tokens: some Sequence<String>) {
        let chunk = Self.chunk(of: seq)
        let offset = Self.offset(of: seq)
        for token in tokens { removed[chunk, default: [:]][token, default: PostingChunk()].insert(offset) }
    }

    /// Writes the pending changes of every chunk but `keeping` (all when nil), and forgets them.
    mutating func write(in database: some SQLExecutor, keeping: Int64? = nil) throws {
        for chunk in Set(added.keys).union(removed.keys).sorted() where chunk != keeping {
            try write(chunk: chunk, adding: added.removeValue(forKey: chunk) ?? [:],
                      removing: removed.removeValue(forKey: chunk) ?? [:], in: database)
        }
    }

    /// Rows fetched and written per statement.
    private static let batch = 300

    private func write(
        chunk: Int64, adding: [String: PostingChunk], removing: [String: PostingChunk], in database: some SQLExecutor
    ) throws {
        let tokens = Set(adding.keys).union(removing.keys).sorted()
        var upserts: [(String, String)] = []
        var deletes: [String] = []
        var start = 0
        while start < tokens.count {
            let slice = Array(tokens[start..<min(tokens.count, start + Self.batch)])
            start += slice.count
            var stored: [String: PostingChunk] = [:]
            for row in try database.rows(Self.select(slice, chunk: chunk, dialect: database.dialect)) {
                guard row.count == 2, let token = row[0].text, let text = row[1].text, let set = PostingChunk(stored: text) else {
                    throw SQLRowError("bad \(SearchPostings.table) row in chunk \(chunk)")
                }
                stored[token] = set
            }
            for token in slice {
                let before = stored[token]
                var after = before ?? PostingChunk()
                if let adds = adding[token] { after.formUnion(adds) }
                if let removes = removing[token] { after.subtract(removes) }
                if after.isEmpty {
                    if before != nil { deletes.append(token) }
                } else if after != before {
                    upserts.append((token, after.stored))
                }
            }
        }
        for index in stride(from: 0, to: upserts.count, by: Self.batch) {
            try database.run(Self.upsert(upserts[index..<min(upserts.count, index + Self.batch)], chunk: chunk, dialect: database.dialect))
        }
        for index in stride(from: 0, to: deletes.count, by: Self.batch) {
            try database.run(Self.delete(Array(deletes[index..<min(deletes.count, index + Self.batch)]), chunk: chunk, dialect: database.dialect))
        }
    }

    private static func select(_ tokens: [String], chunk: Int64, dialect: SQLDialect) -> SQLStatement {
        inChunk("SELECT token, offsets FROM \(SearchPostings.table)", tokens, chunk: chunk, dialect: dialect)
    }

    private static func delete(_ tokens: [String], chunk: Int64, dialect: SQLDialect) -> SQLStatement {
        inChunk("DELETE FROM \(SearchPostings.table)", tokens, chunk: chunk, dialect: dialect)
    }

    /// `statement` restricted to the rows of `tokens` in `chunk`.
    private static func inChunk(_ statement: String, _ tokens: [String], chunk: Int64, dialect: SQLDialect) -> SQLStatement {
        switch dialect {
        case .sqlite:
            var builder = SQLBuilder(dialect)
            let chunkPlaceholder = builder.bind(.integer(chunk))
            let list = builder.list(tokens)
            builder.append("\(statement) WHERE chunk = \(chunkPlaceholder) AND token IN \(list)")
            return builder.statement
        case .postgres:
            return SQLStatement(
                "\(statement) WHERE chunk = $1 AND token = ANY($2::text[])",
                [.integer(chunk), .text(SQLArticleWrites.arrayLiteral(tokens))])
        }
    }

    private static func upsert(_ rows: ArraySlice<(String, String)>, chunk: Int64, dialect: SQLDialect) -> SQLStatement {
        let table = SearchPostings.table
        switch dialect {
        case .sqlite:
            var builder = SQLBuilder(dialect)
            let values = rows.map { "(\(builder.bind(.text($0.0))), \(builder.bind(.integer(chunk))), \(builder.bind(.text($0.1))))" }
            builder.append("INSERT OR REPLACE INTO \(table) (token, chunk, offsets) VALUES \(values.joined(separator: ", "))")
            return builder.statement
        case .postgres:
            // Arrays, so the text is the same however many rows (PostgreSQL prepares each text once).
            return SQLStatement(
                """
                INSERT INTO \(table) (token, chunk, offsets) SELECT t, $1, o FROM unnest($2::text[], $3::text[]) AS u(t, o) \
                ON CONFLICT (token, chunk) DO UPDATE SET offsets = EXCLUDED.offsets
                """,
                [.integer(chunk), .text(SQLArticleWrites.arrayLiteral(rows.map(\.0))), .text(SQLArticleWrites.arrayLiteral(rows.map(\.1)))])
        }
    }
}
