import Articles
import Testing

@Suite(.timeLimit(.minutes(1)))
struct CursorAndSearchTests {
    @Test("cursors round-trip through a URL-safe string", arguments: ArticleSort.allCases)
    func roundTrip(_ sort: ArticleSort) throws {
        for (key, score, id) in [(Int64(1_757_143_800), Int64(0), "a000000001"), (-5, 1_234_567, "z"), (.max, .min, "abc123")] {
            let cursor = ArticleCursor(sort: sort, key: key, score: score, id: id)
            let encoded = cursor.encoded
            #expect(encoded.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            #expect(!encoded.contains("="))
            #expect(ArticleCursor(encoded: encoded) == cursor)
        }
    }

    @Test("garbled cursors are rejected")
    func garbled() {
        let good = ArticleCursor(sort: .newest, key: 1_757_143_800, id: "a000000001").encoded
        #expect(ArticleCursor(encoded: "") == nil)
        #expect(ArticleCursor(encoded: "not a cursor") == nil)
        #expect(ArticleCursor(encoded: good + "A") == nil)
        #expect(ArticleCursor(encoded: String(good.dropLast())) == nil)
        #expect(ArticleCursor(encoded: good + "==") == nil)
        // Changing any one character breaks it.
        var rejectedAll = true
        for offset in 0..<good.count {
            var characters = Array(good)
            characters[offset] = characters[offset] == "B" ? "C" : "B"
            if ArticleCursor(encoded: String(characters)) != nil { rejectedAll = false }
        }
        #expect(rejectedAll)
    }

    @Test("words are folded: case, é, ã, ß, ø")
    func folding() {
        #expect(TextFolding.words(in: "Sécheresse au SÉNÉGAL") == ["secheresse", "au", "senegal"])
        #expect(TextFolding.words(in: "Negociações à São Paulo") == ["negociacoes", "a", "sao", "paulo"])
        #expect(TextFolding.words(in: "Straße, Søren & Æble") == ["strasse", "soren", "aeble"])
        #expect(TextFolding.words(in: "e\u{301}te\u{301}") == ["ete"])  // decomposed accents join their letters
        #expect(TextFolding.words(in: "COVID-19: 2,500 cases") == ["covid", "19", "2", "500", "cases"])
        #expect(TextFolding.words(in: "Don't stop") == ["don", "t", "stop"])
        #expect(TextFolding.words(in: "Москва Київ") == ["москва", "киів"])
        #expect(TextFolding.words(in: "  ") == [])
    }

    @Test("search queries: terms, phrases, nothing")
    func searchQueries() throws {
        let query = try #require(SearchQuery("Drought AID \"Western  troops\" aid"))
        #expect(query.terms == ["drought", "aid"])
        #expect(query.phrases == [["western", "troops"]])
        #expect(SearchQuery("\"sécheresse\"")?.terms == ["secheresse"])
        #expect(SearchQuery("“curly quoted phrase”")?.phrases == [["curly", "quoted", "phrase"]])
        #expect(SearchQuery("\"unclosed phrase here")?.phrases == [["unclosed", "phrase", "here"]])
        #expect(SearchQuery("") == nil)
        #expect(SearchQuery("\"\" ?!") == nil)
    }
}
