import Articles
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2)))
struct ImportExportTests {
    @Test("export, then import into a new store, gives back the same articles and the same export", arguments: StoreKind.allCases)
    func roundTrip(_ kind: StoreKind) throws {
        let store = try Newsroom.store(kind)
        var edited = try #require(try store.article(ref: "n4"))
        edited.summary = nil
        edited.body = "Line one \"quoted\"\n\ttabbed \\ back ☃ ünïcödé"
        try store.save(edited, expected: edited.version)
        try store.delete(id: "n10", expected: nil)
        let exported = ArticleExport.encode(try store.allArticles())

        let copy = try TestStores.make(kind, articles: try ArticleImport.decode(exported))
        #expect(ArticleExport.encode(try copy.allArticles()) == exported)
        let strip = { (articles: [Article]) in articles.map { article -> Article in
            var article = article
            article.version = 0
            return article
        } }
        #expect(strip(try copy.allArticles()) == strip(try store.allArticles()))
        #expect(try copy.allArticles().allSatisfy { $0.version == 1 })
        #expect(try listed(copy, "") == listed(store, ""))
    }
}
