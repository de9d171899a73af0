import Articles
import ArticlesTesting
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2)))
struct ImportTests {
    private func importError(_ json: String) -> ArticleImportError? {
        do {
            _ = try ArticleImport.decode(Data(json.utf8))
            return nil
        } catch {
            return error as? ArticleImportError
        }
    }

    @Test("the sample loads, is led by the seed story, and has what the brief asks for")
    func sample() throws {
        let articles = SampleArticles.load()
        #expect(articles.count >= 12)
        let seed = try #require(articles.first)
        #expect(seed.title == "Putin Warns Western Troops in Ukraine Would Be Targets")
        #expect(seed.summary?.hasPrefix("Kremlin spokesman Dmitry Peskov echoed that sentiment") == true)
        #expect(seed.tags == ["russia", "ukraine", "nato", "security-guarantees"])
        #expect(seed.category == "world" && seed.breaking && seed.author == "Staff Reporter")
        #expect(seed.publishedAt?.rfc3339.hasPrefix("2025-09-06") == true)
        #expect(seed.body.components(separatedBy: "\n\n").count >= 5)
        let landslide = try #require(articles.first { $0.title == "Deadly Landslide Hits Sudan’s Marrah Mountains Region" })
        #expect(seed.related.first == landslide.id)
        #expect(landslide.tags.contains("sudan"))
        let drought = try #require(articles.first { $0.title == "UN appeals for urgent funding to battle drought in Ethiopia" })
        #expect(Set(["drought", "aid", "ethiopia"]).isSubset(of: drought.tags))
        let swahili = try #require(articles.first { $0.title == "Kanye West Afichua Unyanyasaji wa Kingono kwa Mkewe" })
        #expect(swahili.language == "sw")
        #expect(Set(articles.map(\.language)).count >= 3)
        #expect(Set(articles.map(\.category)).count >= 8)
        #expect(articles.filter { $0.status == .draft }.count == 1)
        #expect(articles.filter { $0.status == .archived }.count == 1)
        #expect(articles.contains { $0.status == .published && $0.publishedAt!.rfc3339.hasPrefix("2099") })
        let now = Timestamp.at("2026-01-01T00:00:00Z")
        #expect(articles.filter { $0.isVisible(at: now) && $0.breaking }.map(\.id) == [seed.id])
        #expect(articles.allSatisfy { ArticleValidator.problems(in: $0).isEmpty })
        let store = try MemoryStore(articles: articles)
        // Diacritics fold both ways in search.
        let query = try ArticleQuery.parse([(name: "q", value: "SECHERESSE")])
        #expect(try store.articles(matching: query, now: now).articles.map(\.language) == ["fr"])
        #expect(SampleArticles.load() == articles)
    }

    @Test("absent fields take the contract's defaults; ids and slugs are filled in; titles trimmed")
    func defaults() throws {
        let articles = try ArticleImport.decode(Data(#"""
        [{"title":"  Don't Miss: Straße  ","body":"Text.","category":"world","publishedAt":"2025-09-06T10:00:00+03:00"},
         {"id":"keep1","title":"Don’t miss: strasse","body":"Text.","category":"world","status":"published","createdAt":"2025-09-01T00:00:00Z"},
         {"id":"keep2","title":"Москва","body":"Text.","category":"world","tags":["a"],"summary":null}]
        """#.utf8))
        #expect(articles.count == 3)
        #expect(ArticleID.isValid(articles[0].id))
        #expect(articles[0].title == "Don't Miss: Straße")
        #expect(articles[0].slug == "dont-miss-strasse")
        #expect(articles[1].slug == "dont-miss-strasse-2")
        #expect(articles[2].slug == "keep2")
        #expect(articles[0].language == "en" && articles[0].status == .draft && !articles[0].breaking)
        #expect(articles[0].publishedAt == .at("2025-09-06T07:00:00Z"))
        #expect(articles[0].createdAt == articles[0].publishedAt && articles[0].updatedAt == articles[0].createdAt)
        #expect(articles[1].id == "keep1")
        #expect(articles[1].publishedAt == .at("2025-09-01T00:00:00Z"))
        #expect(articles[2].summary == nil && articles[2].tags == ["a"] && articles[2].related == [])
    }

    @Test("a bad file's error names the article (index and id) and the field")
    func badFile() throws {
        let invalid = try #require(importError(#"""
        [{"id":"good1","title":"Fine","body":"Text.","category":"world"},
         {"id":"bad2","title":"","body":"Text.","category":"World News","tags":["a","a"]},
         {"slug":"no-body","title":"No body","category":"world","related":["nobody"]}]
        """#))
        #expect(invalid.problems.map(\.name) == [
            "articles[1].title", "articles[1].category", "articles[1].tags[1]", "articles[2].body", "articles[2].related[0]",
        ])
        #expect(invalid.description.contains("article 1 (id bad2): title: must not be empty"))
        #expect(invalid.description.contains("article 2 (slug no-body): body: is required"))

        let mistyped = try #require(importError(#"[{"id":"x1","title":"A","body":"B","category":"c"},{"id":"x2","title":42,"body":"B","category":"c"}]"#))
        #expect(mistyped.problems.map(\.name) == ["articles[1].title"])
        #expect(mistyped.description.contains("article 1 (id x2): title: must be a string"))

        let badTime = try #require(importError(#"[{"id":"x1","title":"A","body":"B","category":"c","publishedAt":"yesterday"}]"#))
        #expect(badTime.problems.map(\.name) == ["articles[0].publishedAt"])
        #expect(badTime.description.contains("article 0 (id x1): publishedAt"))

        let badStatus = try #require(importError(#"[{"id":"x1","title":"A","body":"B","category":"c","status":"live"}]"#))
        #expect(badStatus.problems.map(\.name) == ["articles[0].status"])

        let duplicate = try #require(importError(#"[{"id":"x1","slug":"s","title":"A","body":"B","category":"c"},{"id":"x1","slug":"s","title":"A","body":"B","category":"c"}]"#))
        #expect(duplicate.problems.map(\.name) == ["articles[1].slug", "articles[1].id"])

        let broken = try #require(importError(#"[{"id":"x1","#))
        #expect(broken.problems.map(\.name) == ["file"])
        #expect(try #require(importError(#"{"id":"x1"}"#)).problems.map(\.name) == ["file"])
        #expect(throws: ArticleImportError.self) { try ArticleImport.load(contentsOf: "/nonexistent/articles.json") }
    }

    @Test("the generator is deterministic and shaped like gen_articles.py")
    func generator() throws {
        let first = ArticleGenerator().generate(count: 2000)
        #expect(first == ArticleGenerator(seed: 20_250_906).generate(count: 2000))
        #expect(first != ArticleGenerator(seed: 1).generate(count: 2000))
        #expect(Array(first.prefix(100)) == ArticleGenerator().generate(count: 100))
        #expect(first[0].id == "a000000000" && first[1999].id == "a000001999")
        #expect(Set(first.map(\.slug)).count == 2000)
        #expect(first.allSatisfy { ArticleValidator.problems(in: $0).isEmpty })
        let nonEnglish = first.filter { $0.language != "en" }.count
        #expect((140...340).contains(nonEnglish))
        #expect(Set(first.map(\.language)) == ["en", "sw", "fr", "pt-BR"])
        let published = first.filter { $0.status == .published }.count
        #expect((1700...1900).contains(published))
        #expect(first.contains { $0.status == .draft } && first.contains { $0.status == .archived })
        var tagCounts: [String: Int] = [:]
        for article in first { for tag in article.tags { tagCounts[tag, default: 0] += 1 } }
        #expect(tagCounts.max { $0.value < $1.value }?.key == "ukraine")
        #expect(tagCounts["sudan", default: 0] > 50)
        #expect(first.allSatisfy { (1...6).contains($0.tags.count) && $0.title.count <= 110 && $0.summary!.count <= 300 })
        #expect(first.contains { $0.body.contains("é") || $0.body.contains("ç") })
        _ = try MemoryStore(articles: first)
    }

    @Test("export writes what import reads back")
    func roundTrip() throws {
        var articles = SampleArticles.load() + ArticleGenerator(seed: 3).generate(count: 50)
        articles[1].summary = "Quotes \" and \\ backslashes, tabs\tand control \u{1} characters"
        let data = ArticleExport.encode(articles)
        #expect(try ArticleImport.decode(data) == articles)
        let object = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        #expect(object?.count == articles.count)
        #expect(object?.first?.keys.sorted() == ArticleField.allCases.map(\.rawValue).sorted())
    }

    @Test("the Codable form is the contract's")
    func codable() throws {
        let article = SampleArticles.load()[0]
        let data = try JSONEncoder().encode(article)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["publishedAt"] as? String == "2025-09-06T07:00:00Z")
        #expect(object["version"] == nil)
        #expect(try JSONDecoder().decode(Article.self, from: data) == article)
    }
}
