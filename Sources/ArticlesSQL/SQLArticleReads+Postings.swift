import Articles

extension SQLArticleReads {
    /// The most runs (terms and phrases) a search is answered from `SearchPostings` for (three rows per run are
    /// read per chunk).
    static let maximumPostingRuns = 8

    /// The filter `postingsPage` answers `query` with, or nil when it does not answer it. It answers a search by
    /// relevance, newest or oldest (any words and phrases `SearchPostings.indexes`), with any filters but the
    /// publication dates (`PostingFilter`).
    static func postingFilter(answering query: ArticleQuery) -> PostingFilter? {
        guard let search = query.search, query.sort != .updated, let filter = PostingFilter(query) else { return nil }
        let runs = SearchSQL.runs(of: search)
        return runs.count <= maximumPostingRuns && runs.allSatisfy(SearchPostings.indexes) ? filter : nil
    }

    /// A relevance page from `SearchPostings`, identical to the memory store's.
    ///
    /// The postings of every run's three fields and of the status and filters give each match and its score (per run 100
    /// if the title holds it, else 10 if the summary or a tag does, else 1) in one pass over the bitmaps: the
    /// total is their count, and matches fall into groups of equal score. Only the groups the page reaches are
    /// read (`PostingMatches.rows`), and a numbered page skips whole groups by their sizes. Then the page's
    /// articles are read.
    /// Nil when a phrase of three words or more leaves too many candidates to check (`PostingMatches.TooBroad`).
    static func postingsPage<D: SQLExecutor>(
        _ search: SearchQuery, query: ArticleQuery, filter: PostingFilter, now: Timestamp, in database: D
    ) throws -> ArticlePage? {
        let matches: PostingMatches
        do {
            matches = try PostingMatches(runs: SearchSQL.runs(of: search), filter: filter, now: now, in: database)
        } catch is PostingMatches.TooBroad {
            return nil
        }
        let total = matches.groups.reduce(0) { $0 + $1.count }
        guard total > 0 else { return ArticlePage(articles: [], total: 0, nextCursor: nil) }

        guard let window = PageWindow(query, total: total) else { return ArticlePage(articles: [], total: total, nextCursor: nil) }
        var skip = window.skip
        let wanted = window.wanted
        var chosen: [(row: PostingRow, score: Int64)] = []
        let cursor = query.cursor
        if query.sort != .relevance {
            // Newest or oldest: every match in one order, the score aside.
            let after = cursor.map { (key: $0.key, id: $0.id) }
            let rows = try matches.rows(
                of: (score: nil, count: total), ascending: query.sort == .oldest, after: after, from: skip, count: wanted,
                now: now, in: database)
            chosen = rows.map { ($0, 0) }
        }
        for group in matches.groups where query.sort == .relevance {
            if let cursor, group.score > cursor.score { continue }
            if skip >= group.count {
                skip -= group.count
                continue
            }
            let after = cursor.flatMap { $0.score == group.score ? (key: $0.key, id: $0.id) : nil }
            let rows = try matches.rows(of: group, after: after, from: skip, count: wanted - chosen.count, now: now, in: database)
            skip = 0
            chosen += rows.map { ($0, group.score) }
            if chosen.count == wanted { break }
        }

        var next: ArticleCursor?
        if query.page == nil, chosen.count > query.limit {
            chosen.removeLast(chosen.count - query.limit)
            let last = chosen[chosen.count - 1]
            next = query.sort == .relevance
                ? ArticleCursor(sort: .relevance, key: last.row.key, score: last.score, id: last.row.id)
                : ArticleCursor(sort: query.sort, key: last.row.key, id: last.row.id)
        }
        let articles = try articles(seqs: chosen.map { ($0.row.seq, $0.row.id) }, in: database)
        return ArticlePage(articles: articles, total: total, nextCursor: next)
    }
}

/// A match's seq, id and publication key (`publish_key`): what its place in a relevance group depends on.
struct PostingRow {
    var seq: Int64
    var id: String
    var key: Int64

    /// The whole articles of `seqs`, with their seqs, in no particular order.
    static func articles(seqs: [Int64], in database: some SQLExecutor) throws -> [(seq: Int64, article: Article)] {
        var builder = SQLBuilder(database.dialect)
        let list = builder.bind(.text(seqs.map(String.init).joined(separator: ",")))
        let condition = database.dialect == .postgres
            ? "a.seq = ANY(('{' || \(list) || '}')::bigint[])"
            : "a.seq IN (SELECT value FROM json_each('[' || \(list) || ']'))"
        builder.append("SELECT a.seq, \(ArticleColumns.selectList) FROM articles a WHERE \(condition)")
        return try database.rows(builder.statement).map { row in
            guard let seq = row.first?.integer else { throw SQLRowError("an article without a seq") }
            return (seq, try ArticleColumns.article(from: Array(row.dropFirst())))
        }
    }

    /// The largest group read by seq (beyond it, a bound parameter list gets long; such a group is a good
    /// share of the articles anyway, which the walk is for).
    static let maximumRead = 20_000

    /// The rows of `seqs` newest first, then id descending (or both `ascending`), from position `offset`, at
    /// most `limit`, all after `after` (a cursor's publication key and id) when given: the database sorts, by
    /// an index from seq to publication key and id (SQLite `articles_seq_order`; PostgreSQL's primary key
    /// includes both), so only the page's rows come back.
    static func sorted(
        seqs: [Int64], ascending: Bool = false, after: (key: Int64, id: String)?, offset: Int, limit: Int,
        in database: some SQLExecutor
    ) throws -> [PostingRow] {
        var builder = SQLBuilder(database.dialect)
        let condition: String
        switch database.dialect {
        case .postgres:
            condition = "a.seq = ANY(\(builder.bind(.text("{" + seqs.map(String.init).joined(separator: ",") + "}")))::bigint[])"
        case .sqlite:
            // One parameter, a JSON array: the text stays the same whatever the group's size (one prepared
            // statement, not one per length).
            condition = "a.seq IN (SELECT value FROM json_each(\(builder.bind(.text("[" + seqs.map(String.init).joined(separator: ",") + "]")))))"
        }
        var conditions = condition
        if let after {
            conditions += " AND (a.publish_key, a.id) \(ascending ? ">" : "<") (\(builder.bind(.integer(after.key))), \(builder.bind(.text(after.id))))"
        }
        let direction = ascending ? "ASC" : "DESC"
        let index = database.dialect == .sqlite ? " INDEXED BY articles_seq_order" : ""
        builder.append("""
            SELECT a.seq, a.id, a.publish_key FROM articles a\(index) WHERE \(conditions) \
            ORDER BY a.publish_key \(direction), a.id \(direction) LIMIT \(builder.bind(.integer(Int64(limit)))) OFFSET \(builder.bind(.integer(Int64(offset))))
            """)
        return try database.rows(builder.statement).map { row in
            guard row.count == 3, let seq = row[0].integer, let id = row[1].text, let key = row[2].integer else {
                throw SQLRowError("bad search match row")
            }
            return PostingRow(seq: seq, id: id, key: key)
        }
    }
}

/// 64 small counters side by side, one per bit: plane `k` holds bit `k` of every counter (up to 15, enough for
/// `maximumPostingRuns`).
struct SlicedCounter {
    private var planes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// Adds one to the counters whose bit is set in `mask`.
    mutating func add(_ mask: UInt64) {
        var carry = mask
        (planes.0, carry) = (planes.0 ^ carry, planes.0 & carry)
        (planes.1, carry) = (planes.1 ^ carry, planes.1 & carry)
        (planes.2, carry) = (planes.2 ^ carry, planes.2 & carry)
        planes.3 ^= carry
    }

    /// The bits of the counters that equal `value`.
    func equal(to value: Int) -> UInt64 {
        (value & 1 != 0 ? planes.0 : ~planes.0) & (value & 2 != 0 ? planes.1 : ~planes.1)
            & (value & 4 != 0 ? planes.2 : ~planes.2) & (value & 8 != 0 ? planes.3 : ~planes.3)
    }
}

/// The articles matching a search, by score, from `SearchPostings`.
struct PostingMatches {
    /// How many match with each score, best score first.
    private(set) var groups: [(score: Int64, count: Int)] = []

    /// One chunk's sets, word by word, in one array (the loops over them run for every match): per 64-bit
    /// word, the articles that may match (the status's, less the hidden; every one for `any`), then per run
    /// its title's, its summary's and its body's.
    private struct ChunkSets {
        let runs: Int
        private(set) var words: [UInt64]

        private var stride: Int { 1 + 3 * runs }

        init(runs: [[PostingChunk]], admitted: PostingChunk?) {
            self.runs = runs.count
            let stride = 1 + 3 * runs.count
            words = Array(repeating: 0, count: PostingChunk.words * stride)
            for word in 0..<PostingChunk.words {
                words[word * stride] = admitted?.bits[word] ?? ~0
                for (index, run) in runs.enumerated() {
                    for field in 0..<3 { words[word * stride + 1 + 3 * index + field] = run[field].bits[word] }
                }
            }
        }

        /// Sets where run `run` stands in the article at `offset`.
        mutating func place(run: Int, offset: Int, title: Bool, summary: Bool, body: Bool) {
            let at = (offset >> 6) * stride + 1 + 3 * run
            let mask: UInt64 = 1 << UInt64(offset & 63)
            for (field, holds) in [title, summary, body].enumerated() {
                if holds { words[at + field] |= mask } else { words[at + field] &= ~mask }
            }
        }

        /// Takes the article at `offset` out of the possible matches.
        mutating func hide(_ offset: Int) {
            words[(offset >> 6) * stride] &= ~(1 << UInt64(offset & 63))
        }

        /// Adds to `tally[titles * (runs + 1) + summaries]` how many matches have `titles` runs in the title
        /// and `summaries` in the summary or tags but not the title, 64 articles at a time.
        func tally(into tally: inout [Int]) {
            let runs = runs
            forEachWordCounted { _, matched, titles, summaries in
                for inTitle in 0...runs {
                    let withTitles = matched & titles.equal(to: inTitle)
                    guard withTitles != 0 else { continue }
                    for inSummary in 0...(runs - inTitle) {
                        tally[inTitle * (runs + 1) + inSummary] += (withTitles & summaries.equal(to: inSummary)).nonzeroBitCount
                    }
                }
            }
        }

        /// Calls `body` with each word of the chunk and its matches (only those placed so, when given).
        func forEachWord(placed placement: (titles: Int, summaries: Int)?, _ body: (_ word: Int, _ matched: UInt64) -> Void) {
            forEachWordCounted { word, matched, titles, summaries in
                var matched = matched
                if let placement { matched &= titles.equal(to: placement.titles) & summaries.equal(to: placement.summaries) }
                if matched != 0 { body(word, matched) }
            }
        }

        /// Calls `body` with each word of the chunk that has matches: the matches, and per match how many runs
        /// stand in its title and how many in its summary or tags but not its title, in bit-sliced counters
        /// (one bit of each article's number per 64-bit plane), so the work is per word, not per match.
        private func forEachWordCounted(
            _ body: (_ word: Int, _ matched: UInt64, _ titles: SlicedCounter, _ summaries: SlicedCounter) -> Void
        ) {
            let runs = runs
            let stride = stride
            words.withUnsafeBufferPointer { words in
                for word in 0..<PostingChunk.words {
                    let base = word * stride
                    var matched = words[base]
                    var titles = SlicedCounter()
                    var summaries = SlicedCounter()
                    for run in 0..<runs {
                        let at = base + 1 + 3 * run
                        matched &= words[at] | words[at + 1] | words[at + 2]
                        titles.add(words[at])
                        summaries.add(words[at + 1] & ~words[at])
                    }
                    if matched != 0 { body(word, matched, titles, summaries) }
                }
            }
        }

        /// Calls `body` with each match's offset, its runs in the title, and its runs in the summary or tags
        /// but not the title (`offset` alone when `only` is given: then only for that offset).
        func forEachMatch(only: Int? = nil, _ body: (_ offset: Int, _ titles: Int, _ summaries: Int) -> Void) {
            let runs = runs
            let stride = stride
            words.withUnsafeBufferPointer { words in
                let range = only.map { ($0 >> 6)...($0 >> 6) } ?? 0...(PostingChunk.words - 1)
                for word in range {
                    let base = word * stride
                    var matched = words[base]
                    for run in 0..<runs {
                        let at = base + 1 + 3 * run
                        matched &= words[at] | words[at + 1] | words[at + 2]
                    }
                    if let only { matched &= 1 << UInt64(only & 63) }
                    while matched != 0 {
                        let bit = matched.trailingZeroBitCount
                        matched &= matched - 1
                        let mask: UInt64 = 1 << UInt64(bit)
                        var titles = 0
                        var summaries = 0
                        for run in 0..<runs {
                            let at = base + 1 + 3 * run
                            if words[at] & mask != 0 {
                                titles += 1
                            } else if words[at + 1] & mask != 0 {
                                summaries += 1
                            }
                        }
                        body(word << 6 | bit, titles, summaries)
                    }
                }
            }
        }
    }

    private var chunks: [Int64: ChunkSets] = [:]
    private let status: StatusFilter
    /// How many articles have the status asked for (nil for `any`): what a walk in publication order passes.
    private var statusCount: Int?

    /// A phrase of three words or more whose pairs stand together in more articles than this is left to the
    /// full-text index (`PostingMatches.tooBroad`): each such article's text is read to check the phrase.
    static let maximumChecked = 2_000

    /// Thrown when a long phrase's pairs leave more than `maximumChecked` articles to check.
    struct TooBroad: Error {}

    /// Reads the postings of `runs` and of `filter` at `now`. A run of one or two words is one token per field;
    /// a longer phrase is the AND of its neighbouring pairs' tokens, a superset that is then checked against
    /// the candidates' text (`checkLongPhrases`).
    init(runs: [[String]], filter: PostingFilter, now: Timestamp, in database: some SQLExecutor) throws {
        status = filter.status
        let fields: [Character] = ["t", "s", "b"]
        // Per run, per field, the tokens whose sets AND to the run's set there.
        let runTokens: [[[String]]] = runs.map { run in
            fields.map { field in
                run.count <= 2
                    ? [SearchPostings.token(run, field: field)]
                    : (0..<(run.count - 1)).map { SearchPostings.token([run[$0], run[$0 + 1]], field: field) }
            }
        }
        let statusToken = filter.statusToken
        let tokens = Array(Set(runTokens.flatMap { $0.flatMap { $0 } } + filter.tokens))
        let postings = try Self.postings(of: tokens, in: database)
        // Published articles whose time has not come (few: the scheduled ones) are not visible yet.
        let hidden = status == .visible ? try Self.scheduled(after: now, in: database) : []
        statusCount = statusToken.map { token in (postings[token]?.values.reduce(0) { $0 + $1.count } ?? 0) - hidden.count }

        // Only chunks where every run is somewhere (and the status, when one is asked for) can match.
        func chunksHolding(_ token: String) -> Set<Int64> {
            Set(postings[token].map { Array($0.keys) } ?? [])
        }
        func chunksHolding(all tokens: [String]) -> Set<Int64> {
            tokens.dropFirst().reduce(chunksHolding(tokens[0])) { $0.intersection(chunksHolding($1)) }
        }
        var candidates: Set<Int64>?
        for run in runTokens {
            var present: Set<Int64> = []
            for field in run { present.formUnion(chunksHolding(all: field)) }
            candidates = candidates.map { $0.intersection(present) } ?? present
        }
        if let filtered = filter.chunks(in: postings) { candidates = candidates?.intersection(filtered) }
        let empty = PostingChunk()
        for chunk in candidates ?? [] {
            let admitted = filter.admitted(in: chunk, from: postings)
            if admitted?.isEmpty == true { continue }
            chunks[chunk] = ChunkSets(
                runs: runTokens.map { run in
                    run.map { field in
                        field.dropFirst().reduce(postings[field[0]]?[chunk] ?? empty) { set, token in
                            var set = set
                            set.formIntersection(postings[token]?[chunk] ?? empty)
                            return set
                        }
                    }
                },
                admitted: admitted)
        }

        // Published articles whose time has not come are taken out of the status's sets once, here.
        for seq in hidden {
            chunks[PostingEdits.chunk(of: seq)]?.hide(PostingEdits.offset(of: seq))
        }
        if runs.contains(where: { $0.count > 2 }) { try checkLongPhrases(runs, in: database) }
        // Tallied by placement (runs in the title, runs in the summary), a small array, then summed by score.
        let side = runs.count + 1
        var tally = [Int](repeating: 0, count: side * side)
        for sets in chunks.values { sets.tally(into: &tally) }
        var counts: [Int64: Int] = [:]
        for (index, count) in tally.enumerated() where count > 0 {
            counts[Self.score(titles: index / side, summaries: index % side, runs: runs.count), default: 0] += count
        }
        groups = counts.sorted { $0.key > $1.key }.map { (score: $0.key, count: $0.value) }
    }

    /// Replaces each long phrase's sets (pairs together: a superset) by where the phrase really stands, read
    /// from the candidates' text as the memory store reads it (`SearchText`: inside the title, inside the
    /// summary or one tag, inside the body).
    private mutating func checkLongPhrases(_ runs: [[String]], in database: some SQLExecutor) throws {
        let candidates = seqs(scoring: nil)
        guard candidates.count <= Self.maximumChecked else { throw TooBroad() }
        guard !candidates.isEmpty else { return }
        let long = runs.indices.filter { runs[$0].count > 2 }
        let phrases = long.map { runs[$0].map(SearchText.token) }
        for (seq, article) in try PostingRow.articles(seqs: candidates, in: database) {
            let fields = SearchText.fields(of: article)
            let offset = PostingEdits.offset(of: seq)
            for (index, run) in long.enumerated() {
                chunks[PostingEdits.chunk(of: seq)]?.place(
                    run: run, offset: offset, title: Self.holds(fields.title, phrases[index]),
                    summary: Self.holds(fields.summary, phrases[index]), body: Self.holds(fields.body, phrases[index]))
            }
        }
    }

    /// Whether `tokens` stand in a row in `text` (space-separated tokens), inside one part between separators.
    static func holds(_ text: String, _ tokens: [String]) -> Bool {
        let words = text.split(separator: " ")
        guard tokens.count <= words.count else { return false }
        var start = 0
        while start + tokens.count <= words.count {
            var matched = 0
            while matched < tokens.count, words[start + matched] == tokens[matched] { matched += 1 }
            if matched == tokens.count { return true }
            start += 1
        }
        return false
    }

    /// The seqs of the matches scoring `score` (every match for nil), ascending.
    func seqs(scoring score: Int64?) -> [Int64] {
        var seqs: [Int64] = []
        for (chunk, sets) in chunks.sorted(by: { $0.key < $1.key }) {
            let base = chunk * Int64(PostingChunk.size)
            // The placement of that score (one per score for up to 9 runs), so whole words are kept at once.
            var placement: (titles: Int, summaries: Int)?
            if let score {
                for titles in 0...sets.runs {
                    for summaries in 0...(sets.runs - titles)
                    where Self.score(titles: titles, summaries: summaries, runs: sets.runs) == score {
                        placement = (titles, summaries)
                    }
                }
                guard placement != nil else { return [] }
            }
            sets.forEachWord(placed: placement) { word, matched in
                var rest = matched
                while rest != 0 {
                    seqs.append(base + Int64(word << 6 | rest.trailingZeroBitCount))
                    rest &= rest - 1
                }
            }
        }
        return seqs
    }

    /// The relevance score of `runs` runs placed so (`Relevance`: the rest are in the body).
    private static func score(titles: Int, summaries: Int, runs: Int) -> Int64 {
        Relevance.titleWeight * Int64(titles) + Relevance.summaryOrTagWeight * Int64(summaries)
            + Relevance.bodyWeight * Int64(runs - titles - summaries)
    }

    /// The score of article `seq`, or nil when it does not match.
    func score(of seq: Int64) -> Int64? {
        guard let sets = chunks[PostingEdits.chunk(of: seq)] else { return nil }
        var score: Int64?
        sets.forEachMatch(only: PostingEdits.offset(of: seq)) { _, titles, summaries in
            score = Self.score(titles: titles, summaries: summaries, runs: sets.runs)
        }
        return score
    }

    /// Up to `count` rows of `group` (score nil: every match) newest first, then id descending (or both
    /// `ascending`), from position
    /// `position`, all after `after` (a cursor's publication key and id) when given.
    ///
    /// A group that is a good share of the articles with the status (the common case for a common word) is
    /// found by walking those articles newest first, by index, and keeping the group's: about as many rows as
    /// the page needs over the group's share. A smaller one is sorted by the database from its seqs.
    func rows(
        of group: (score: Int64?, count: Int), ascending: Bool = false, after: (key: Int64, id: String)?, from position: Int,
        count: Int, now: Timestamp, in database: some SQLExecutor
    ) throws -> [PostingRow] {
        let needed = position + count
        if let statusCount, status == .visible || status == .published {
            // Rows a walk passes to find `needed` of the group, each of them handed to Swift, against the
            // group's rows, looked up and sorted by the database, of which only the page comes back: both by
            // index only, so about twice the work per row for the walk.
            let walked = needed * statusCount / max(1, group.count)
            if walked * 2 < group.count || group.count > PostingRow.maximumRead {
                return try walk(
                    group.score, ascending: ascending, after: after, from: position, count: count, expected: walked, now: now,
                    in: database)
            }
        }
        guard group.count <= PostingRow.maximumRead else {
            // A status without a walk (drafts, archived, any) and a large group: read it in slices.
            var rows: [PostingRow] = []
            let seqs = seqs(scoring: group.score)
            for start in stride(from: 0, to: seqs.count, by: PostingRow.maximumRead) {
                rows += try PostingRow.sorted(
                    seqs: Array(seqs[start..<min(seqs.count, start + PostingRow.maximumRead)]), ascending: ascending,
                    after: after, offset: 0, limit: needed, in: database)
            }
            rows.sort { ascending ? ($0.key, $0.id) < ($1.key, $1.id) : ($0.key, $0.id) > ($1.key, $1.id) }
            return Array(rows.dropFirst(position).prefix(count))
        }
        return try PostingRow.sorted(
            seqs: seqs(scoring: group.score), ascending: ascending, after: after, offset: position, limit: count, in: database)
    }

    /// `rows` by walking the status's articles newest first.
    private func walk(
        _ score: Int64?, ascending: Bool, after: (key: Int64, id: String)?, from position: Int, count: Int, expected: Int,
        now: Timestamp, in database: some SQLExecutor
    ) throws -> [PostingRow] {
        var found: [PostingRow] = []
        var skip = position
        var last = after
        // Half as many again as expected, so one batch mostly does.
        let batch = Int64(min(5000, max(64, expected + expected / 2)))
        while found.count < count {
            var builder = SQLBuilder(database.dialect)
            var conditions = status == .visible
                ? ArticleFilterSQL.visible(now: now, into: &builder)
                : "a.status = \(builder.bind(.text(ArticleStatus.published.rawValue)))"
            if let last {
                conditions += " AND (a.publish_key, a.id) \(ascending ? ">" : "<") (\(builder.bind(.integer(last.key))), \(builder.bind(.text(last.id))))"
            }
            builder.append("""
                SELECT a.seq, a.id, a.publish_key FROM articles a WHERE \(conditions) \
                ORDER BY a.publish_key \(ascending ? "ASC" : "DESC"), a.id \(ascending ? "ASC" : "DESC") LIMIT \(builder.bind(.integer(batch)))
                """)
            let rows = try database.rows(builder.statement)
            for row in rows {
                guard row.count == 3, let seq = row[0].integer, let id = row[1].text, let key = row[2].integer else {
                    throw SQLRowError("bad search match row")
                }
                last = (key, id)
                guard let matchScore = self.score(of: seq), score == nil || matchScore == score else { continue }
                if skip > 0 {
                    skip -= 1
                } else if found.count < count {
                    found.append(PostingRow(seq: seq, id: id, key: key))
                }
            }
            if rows.count < batch { break }
        }
        return found
    }

    /// Each token's chunks.
    private static func postings(of tokens: [String], in database: some SQLExecutor) throws -> [String: [Int64: PostingChunk]] {
        let table = SearchPostings.table
        let statement: SQLStatement
        switch database.dialect {
        case .sqlite:
            var builder = SQLBuilder(database.dialect)
            let list = builder.list(tokens)
            builder.append("SELECT token, chunk, offsets FROM \(table) WHERE token IN \(list)")
            statement = builder.statement
        case .postgres:
            statement = SQLStatement(
                "SELECT token, chunk, offsets FROM \(table) WHERE token = ANY($1::text[])",
                [.text(SQLArticleWrites.arrayLiteral(tokens))])
        }
        var postings: [String: [Int64: PostingChunk]] = [:]
        try database.forEachRow(statement) { row in
            guard row.count == 3, let token = row[0].text, let chunk = row[1].integer, let text = row[2].text,
                  let set = PostingChunk(stored: text)
            else { throw SQLRowError("bad \(table) row") }
            postings[token, default: [:]][chunk] = set
        }
        return postings
    }

    /// The seqs of published articles whose publication time is after `now`.
    private static func scheduled(after now: Timestamp, in database: some SQLExecutor) throws -> Set<Int64> {
        let placeholders = (database.dialect.placeholder(1), database.dialect.placeholder(2))
        let statement = SQLStatement(
            "SELECT seq FROM articles WHERE status = \(placeholders.0) AND publish_key > \(placeholders.1)",
            [.text(ArticleStatus.published.rawValue), .integer(now.secondsSince1970)])
        return Set(try database.rows(statement).compactMap { $0.first?.integer })
    }
}
