import Articles
@testable import ArticlesSQL
import Testing

@Suite("search postings: chunk encoding and tokens")
struct PostingChunkTests {
    @Test("a set survives its stored text, sparse as offsets and dense as a bitmap, never over 1,025 characters",
          arguments: [0, 1, 2, 100, 340, 341, 342, 1000, 4096])
    func roundTrip(size: Int) throws {
        var random = SystemRandomNumberGenerator()
        var set = PostingChunk()
        var offsets: Set<Int> = []
        // The first and last offsets always, when there is room: the ends of the bitmap and of the hex digits.
        if size >= 2 { offsets = [0, PostingChunk.size - 1] }
        while offsets.count < size { offsets.insert(Int.random(in: 0..<PostingChunk.size, using: &random)) }
        for offset in offsets { set.insert(offset) }
        let stored = set.stored
        #expect(stored.first == (size * 3 < PostingChunk.size / 4 ? "a" : "b"))
        #expect(stored.utf8.count <= 1 + PostingChunk.size / 4)
        let read = try #require(PostingChunk(stored: stored))
        #expect(read == set)
        #expect(read.count == size)
        #expect((0..<PostingChunk.size).filter(read.contains) == offsets.sorted())
    }

    @Test("text this type did not write is refused, not misread")
    func refusesForeignText() {
        let dense = "b" + String(repeating: "0", count: PostingChunk.size / 4)
        for text in ["", "c001", "a01", "a00g", "a00A", "b00", String(dense.dropLast()), dense + "0", "b" + String(repeating: "F", count: PostingChunk.size / 4)] {
            #expect(PostingChunk(stored: text) == nil, "\(text.prefix(12))…")
        }
        #expect(PostingChunk(stored: dense)?.isEmpty == true)
    }

    @Test("tokens: each field's words and neighbouring pairs, none across a tag boundary, the status and the filters' values")
    func tokens() {
        let now = Timestamp.at("2026-01-01T00:00:00Z")
        var article = Article(
            id: "t1", slug: "t1", title: "Peace talks", summary: "Aid flows", body: "Talks resume.", category: "world",
            tags: ["sudan", "south sudan"], language: "pt-BR", status: .published, createdAt: now, updatedAt: now)
        #expect(SearchPostings.tokens(of: article) == [
            "status:published", "category:world", "tag:sudan", "tag:south sudan", "lang:pt-br",
            "t:peace", "t:talks", "t:peace talks",
            "s:aid", "s:flows", "s:aid flows", "s:sudan", "s:south", "s:south sudan",
            "b:talks", "b:resume", "b:talks resume",
        ])
        // An author by its lower-cased key, breaking news by a token of its own; a value over the kept length
        // has no token (a filter on it is answered by the full-text path: PostingFilter).
        article.author = "Amina Yusuf"
        article.breaking = true
        article.tags = [String(repeating: "x", count: SearchPostings.maximumTokenBytes)]
        #expect(SearchPostings.filterTokens(of: article) == ["status:published", "category:world", "lang:pt-br", "author:amina yusuf", "breaking:true"])
        let longTag = try? ArticleQuery.parse([(name: "q", value: "talks"), (name: "tag", value: article.tags[0])])
        #expect(longTag.map { PostingFilter($0) == nil } == true)
        let dated = try? ArticleQuery.parse([(name: "q", value: "talks"), (name: "from", value: "2025-01-01")])
        #expect(dated.map { PostingFilter($0) == nil } == true)
        let filtered = try? ArticleQuery.parse([(name: "q", value: "talks"), (name: "tag", value: "sudan,-south sudan"), (name: "breaking", value: "false")])
        #expect(filtered.flatMap { PostingFilter($0)?.tokens.sorted() } == ["breaking:true", "status:published", "tag:south sudan", "tag:sudan"])
    }

    @Test("a long phrase holds only as a run of its tokens inside one part of a field")
    func longPhraseCheck() {
        let summary = "talks on aid xz peace xz talks resume now"
        #expect(PostingMatches.holds(summary, ["talks", "resume", "now"]))
        #expect(PostingMatches.holds(summary, ["talks", "on", "aid"]))
        // Across a tag boundary, reversed, or longer than the text: no.
        #expect(!PostingMatches.holds(summary, ["aid", "peace", "talks"]))
        #expect(!PostingMatches.holds(summary, ["now", "resume", "talks"]))
        #expect(!PostingMatches.holds("peace talks", ["peace", "talks", "resume"]))
        #expect(!PostingMatches.holds("", ["peace", "talks", "resume"]))
    }
}
