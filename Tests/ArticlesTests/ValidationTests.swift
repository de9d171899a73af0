import Articles
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ValidationTests {
    private func names(_ article: Article) -> [String] {
        ArticleValidator.problems(in: article).map(\.name)
    }

    @Test("a good article has no problems")
    func good() {
        var article = makeArticle(tags: ["russia", "security-guarantees"])
        article.summary = "A dek."
        article.author = "Staff Reporter"
        article.language = "pt-BR"
        article.related = ["x9y8z7w6v5"]
        #expect(ArticleValidator.problems(in: article).isEmpty)
        #expect(ArticleValidator.problems(in: makeArticle(title: String(repeating: "é", count: 300))).isEmpty)
    }

    @Test("each rule of the table")
    func rules() {
        var article = makeArticle()
        article.id = "Not-An-ID"
        #expect(names(article) == ["id"])
        #expect(names(makeArticle(id: String(repeating: "a", count: 33))) == ["id"])
        #expect(names(makeArticle(slug: "Bad Slug")) == ["slug"])
        #expect(names(makeArticle(title: "   \n ")) == ["title"])
        #expect(names(makeArticle(title: String(repeating: "t", count: 301))) == ["title"])
        // Lengths are grapheme clusters: 300 flags are 300 characters.
        #expect(names(makeArticle(title: String(repeating: "🇰🇪", count: 300))).isEmpty)
        article = makeArticle()
        article.summary = String(repeating: "s", count: 1001)
        #expect(names(article) == ["summary"])
        #expect(names(makeArticle(body: " \n\n ")) == ["body"])
        #expect(names(makeArticle(body: String(repeating: "b", count: 200_001))) == ["body"])
        #expect(names(makeArticle(body: String(repeating: "b", count: 200_000))).isEmpty)
        article = makeArticle()
        article.author = String(repeating: "a", count: 121)
        #expect(names(article) == ["author"])
        article.author = ""
        #expect(names(article) == ["author"])
        #expect(names(makeArticle(category: "World News")) == ["category"])
        #expect(names(makeArticle(category: "")) == ["category"])
        #expect(names(makeArticle(tags: (1...21).map { "tag\($0)" })) == ["tags"])
        #expect(names(makeArticle(tags: ["ok", "Not OK", String(repeating: "x", count: 51), "ok"])) == ["tags[1]", "tags[2]", "tags[3]"])
        for language in ["english", "e", "en_GB", "en-", "123", ""] {
            article = makeArticle()
            article.language = language
            #expect(names(article) == ["language"], "\(language)")
        }
        for language in ["en", "sw", "pt-BR", "zh-Hant-TW", "es-419"] {
            article = makeArticle()
            article.language = language
            #expect(names(article).isEmpty, "\(language)")
        }
        #expect(names(makeArticle(related: (1...11).map { "r\($0)" })) == ["related"])
        #expect(names(makeArticle(id: "me", related: ["me", "ok", "ok", "NOPE"])) == ["related[0]", "related[2]", "related[3]"])
    }

    @Test("every problem at once, as fields")
    func allAtOnce() {
        var article = makeArticle(slug: "-", title: "", body: "", category: "Bad!", tags: ["a", "a"])
        article.language = "??"
        let problems = ArticleValidator.problems(in: article)
        #expect(problems.map(\.name) == ["slug", "title", "body", "category", "tags[1]", "language"])
        #expect(problems.allSatisfy { $0.location == .field && !$0.message.isEmpty })
    }

    @Test("ids: generated ones are valid and distinct")
    func ids() {
        let generated = (0..<1000).map { _ in ArticleID.generate() }
        #expect(generated.allSatisfy(ArticleID.isValid))
        #expect(Set(generated).count == 1000)
        #expect(ArticleID.isValid("a000000001"))
        #expect(!ArticleID.isValid("A1"))
        #expect(!ArticleID.isValid(""))
        #expect(!ArticleID.isValid("a-1"))
    }
}
