import Articles
import ArticlesTesting
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ArticleQueryParseTests {
    private func parse(_ pairs: [(String, String)]) throws(ValidationError) -> ArticleQuery {
        try ArticleQuery.parse(pairs.map { (name: $0.0, value: $0.1) })
    }

    /// The names of the parameters the query is rejected for (empty when it parses).
    private func rejected(_ pairs: [(String, String)]) -> [String] {
        do {
            _ = try parse(pairs)
            return []
        } catch {
            #expect(error.problems.allSatisfy { $0.location == .parameter && !$0.message.isEmpty })
            return error.problems.map(\.name)
        }
    }

    @Test("Each field's ordinal is its position in allCases")
    func fieldOrdinals() {
        for (position, field) in ArticleField.allCases.enumerated() { #expect(field.ordinal == position, "\(field)") }
    }

    @Test("defaults")
    func defaults() throws {
        let query = try parse([])
        #expect(query == ArticleQuery())
        #expect(query.sort == .newest)
        #expect(query.limit == 20)
        #expect(query.fields == ArticleField.listDefault)
        #expect(!query.fields.contains(.body))
        #expect(query.status == .visible)
        #expect(query.page == nil && query.cursor == nil && query.search == nil)
    }

    @Test("every parameter")
    func everyParameter() throws {
        let query = try parse([
            ("q", "Drought \"aid convoys\""), ("category", "world|africa"), ("tag", "ukraine,-sport,Russia"),
            ("author", "Staff Reporter|amina otieno"), ("lang", "en|sw"), ("breaking", "true"),
            ("from", "2025-09-01"), ("to", "2025-09-06"), ("sort", "oldest"), ("limit", "50"), ("page", "3"),
            ("fields", "title,id,slug"), ("status", "any"), ("unknown", "ignored"),
        ])
        #expect(query.search?.terms == ["drought"])
        #expect(query.search?.phrases == [["aid", "convoys"]])
        #expect(query.categories == ["world", "africa"])
        #expect(query.tagsAll == ["ukraine", "russia"])
        #expect(query.tagsExcluded == ["sport"])
        #expect(query.tagsAny.isEmpty)
        #expect(query.authors == ["Staff Reporter", "amina otieno"])
        #expect(query.languages == ["en", "sw"])
        #expect(query.breaking == true)
        #expect(query.from == .at("2025-09-01T00:00:00Z"))
        #expect(query.to == .at("2025-09-06T23:59:59Z"))
        #expect(query.sort == .oldest)
        #expect(query.limit == 50)
        #expect(query.page == 3)
        #expect(query.fields == [.id, .slug, .title])
        #expect(query.status == .any)
    }

    @Test("values with | and , and their meanings")
    func separators() throws {
        #expect(try parse([("tag", "russia|nato")]).tagsAny == ["russia", "nato"])
        #expect(try parse([("tag", "russia|nato")]).tagsAll == [])
        #expect(try parse([("tag", "russia")]).tagsAll == ["russia"])
        #expect(try parse([("tag", "-sport")]).tagsExcluded == ["sport"])
        #expect(try parse([("category", "world,africa")]).categories == ["world", "africa"])
        #expect(try parse([("lang", "en")]).languages == ["en"])
        #expect(try parse([("breaking", "false")]).breaking == false)
        #expect(try parse([("from", "2025-09-06T10:30:00+03:00")]).from == .at("2025-09-06T07:30:00Z"))
        #expect(try parse([("to", "2025-09-06T07:30:00Z")]).to == .at("2025-09-06T07:30:00Z"))
        #expect(try parse([("fields", "*")]).fields == ArticleField.allCases)
        #expect(try parse([("q", "drought")]).sort == .relevance)
        #expect(try parse([("q", "drought"), ("sort", "newest")]).sort == .newest)
        #expect(try parse([("status", "draft")]).status == .draft)
        #expect(try parse([("status", "published")]).status == .published)
        #expect(try parse([("status", "archived")]).status == .archived)
        #expect(try parse([("limit", "1")]).limit == 1)
        #expect(try parse([("limit", "100")]).limit == 100)
        #expect(try parse([("from", "2025-09-06"), ("to", "2025-09-06")]).to == .at("2025-09-06T23:59:59Z"))
    }

    @Test("A separator followed by a combining mark still separates: lists split by bytes, as the query string does")
    func separatorBeforeCombiningMark() throws {
        // ",\u{301}" and "|\u{301}" are each one Character: split by Character they were no separator at all.
        #expect(try parse([("tag", "sudan,\u{301}aid")]).tagsAll == ["sudan", "\u{301}aid"])
        #expect(try parse([("tag", "sudan|\u{301}aid")]).tagsAny == ["sudan", "\u{301}aid"])
        #expect(try parse([("category", "world,\u{301}x")]).categories == ["world", "\u{301}x"])
        #expect(throws: ValidationError.self) { try parse([("tag", "a,\u{301}b|c")]) }
        #expect(throws: ValidationError.self) { try parse([("fields", "id,\u{301}title")]) }
        #expect(try parse([("fields", "id,title")]).fields == [.id, .title])
    }

    @Test("each error, named", arguments: [
        ([("limit", "0")], ["limit"]),
        ([("limit", "101")], ["limit"]),
        ([("limit", "ten")], ["limit"]),
        ([("page", "0")], ["page"]),
        ([("page", "-1")], ["page"]),
        ([("sort", "relevance")], ["sort"]),
        ([("sort", "popular")], ["sort"]),
        ([("from", "2025-13-01")], ["from"]),
        ([("to", "yesterday")], ["to"]),
        ([("from", "2025-09-07"), ("to", "2025-09-06")], ["from"]),
        ([("cursor", "garbage!")], ["cursor"]),
        ([("cursor", "AAAA")], ["cursor"]),
        ([("fields", "id,headline")], ["fields"]),
        ([("fields", "id,,title")], ["fields"]),
        ([("tag", "a,b|c")], ["tag"]),
        ([("tag", "a|-b")], ["tag"]),
        ([("tag", "a,,b")], ["tag"]),
        ([("category", "world|africa,asia")], ["category"]),
        ([("author", "a|b,c")], ["author"]),
        ([("lang", "en,sw|fr")], ["lang"]),
        ([("breaking", "yes")], ["breaking"]),
        ([("status", "deleted")], ["status"]),
        ([("q", "")], ["q"]),
        ([("q", "!!! ???")], ["q"]),
        ([("category", "")], ["category"]),
        ([("limit", "5"), ("limit", "6")], ["limit"]),
    ] as [([(String, String)], [String])])
    func errors(_ pairs: [(String, String)], _ names: [String]) {
        #expect(rejected(pairs) == names)
    }

    @Test("every bad parameter is reported at once")
    func collected() {
        let names = rejected([
            ("limit", "0"), ("page", "0"), ("sort", "relevance"), ("from", "nope"), ("fields", "x"), ("tag", "a,b|c"),
            ("breaking", "maybe"), ("status", "all"), ("q", "ok"), ("category", "world"),
        ])
        #expect(names == ["limit", "page", "from", "fields", "tag", "breaking", "status"])
        let more = rejected([("limit", "0"), ("page", "0"), ("sort", "relevance"), ("from", "nope"), ("fields", "x")])
        #expect(Set(more) == ["limit", "page", "sort", "from", "fields"])
    }

    @Test("a page with a cursor, and a cursor for another sort, are errors")
    func cursorRules() throws {
        let newest = ArticleCursor(sort: .newest, key: 1_757_143_800, id: "a1").encoded
        #expect(try parse([("cursor", newest)]).cursor == ArticleCursor(sort: .newest, key: 1_757_143_800, id: "a1"))
        #expect(rejected([("cursor", newest), ("page", "2")]) == ["page"])
        #expect(rejected([("cursor", newest), ("sort", "oldest")]) == ["cursor"])
        #expect(rejected([("cursor", newest), ("q", "drought")]) == ["cursor"])
        #expect(rejected([("cursor", newest), ("q", "drought"), ("sort", "newest")]) == [])
        let relevance = ArticleCursor(sort: .relevance, key: 1, score: 110, id: "b2").encoded
        #expect(rejected([("cursor", relevance), ("q", "drought")]) == [])
    }

    @Test("parameter names are those of the contract")
    func names() {
        #expect(ArticleQuery.parameterNames.sorted() == [
            "author", "breaking", "category", "cursor", "fields", "from", "lang", "limit", "page", "q", "sort", "status",
            "tag", "to",
        ])
    }
}
