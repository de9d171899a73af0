import DatelineTesting
import Foundation
import Testing

@Suite("GET /articles", .timeLimit(.minutes(2)))
struct ListArticlesTests {
    @Test("The default list: visible articles newest first, without body, in the envelope")
    func defaultList() async throws {
        try await withAPIServer { port in
            let response = try get("/articles", port: port)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(response.header("X-Total-Count") == "7")
            #expect(response.header("Date") != nil)
            #expect(response.header("X-Request-ID") != nil)
            #expect(response.header("ETag")?.hasPrefix("\"") == true)
            #expect(response.header("Cache-Control") == "public, max-age=30")
            #expect(try ids(response) == Fixtures.visibleNewestFirst)
            let object = try jsonObject(response)
            let first = try #require((object["data"] as? [[String: Any]])?.first)
            #expect(first["body"] == nil, "lists leave out body by default")
            #expect(first["title"] as? String == "Putin warns Western troops in Ukraine would be targets")
            #expect(first["publishedAt"] as? String == "2025-09-06T07:00:00Z")
            #expect(first["tags"] as? [String] == ["russia", "ukraine", "nato"])
            let meta = try #require(object["meta"] as? [String: Any])
            #expect(meta["total"] as? Int == 7)
            #expect(meta["limit"] as? Int == 20)
            #expect(meta["next"] is NSNull)
            let links = try #require(object["links"] as? [String: Any])
            #expect(links["self"] as? String == "/articles")
            #expect(links["next"] == nil)
        }
    }

    @Test("Drafts, archived and scheduled articles do not exist for readers")
    func readersSeeOnlyVisible() async throws {
        try await withAPIServer { port in
            for ref in ["n7", "draft-budget-story", "n8", "n9", "scheduled-summit-preview"] {
                try expectProblem(try get("/articles/\(ref)", port: port), 404)
            }
            #expect(try ids(try get("/articles?tag=ukraine", port: port)) == ["n3", "n4"])
        }
    }

    @Test("Filters: category, tag all/any/excluded, author, lang, breaking, from/to",
          arguments: [
            ("category=africa", ["n6", "n5", "n2", "n1"]),
            ("category=world%7Csport", ["n3", "n10"]),
            ("category=world|sport", ["n3", "n10"]),
            ("tag=ukraine,russia", ["n3"]),
            ("tag=ukraine%2Crussia", ["n3"]),
            ("tag=sudan|russia", ["n3", "n2"]),
            ("tag=drought,-kenya", ["n6", "n1"]),
            ("author=staff+reporter", ["n3", "n4"]),
            ("author=AMINA%20OTIENO|Omar%20Haddad", ["n1", "n10"]),
            ("lang=sw", ["n5"]),
            ("lang=fr|sw", ["n6", "n5"]),
            ("breaking=true", ["n3", "n2"]),
            ("breaking=false&category=africa", ["n6", "n5", "n1"]),
            ("from=2025-09-02&to=2025-09-04", ["n5", "n4", "n2"]),
            ("from=2025-09-02T08:00:00Z&to=2025-09-03T12:00:00%2B00:00", ["n4", "n2"]),
            ("to=2025-09-01", ["n1", "n10"]),
          ])
    func filters(query: String, expected: [String]) async throws {
        try await withAPIServer { port in
            let response = try get("/articles?\(query)", port: port)
            #expect(response.status == 200, "\(query): \(response.bodyText)")
            #expect(try ids(response) == expected, "\(query)")
            #expect(response.header("X-Total-Count") == String(expected.count))
        }
    }

    @Test("q: whole words, all must match, case and diacritics folded, phrases in order, relevance order")
    func search() async throws {
        try await withAPIServer { port in
            func found(_ query: String) throws -> [String] { try ids(try get("/articles?\(query)", port: port)) }
            // Title matches (n1) rank above body-only matches (n4).
            let drought = try found("q=drought")
            #expect(drought.first == "n1")
            #expect(Set(drought) == ["n1", "n4", "n5", "n6"])
            #expect(try found("q=drought+aid") == ["n1"])
            #expect(try found("q=SECHERESSE") == ["n6"])
            #expect(try found("q=s%C3%A9cheresse") == ["n6"])
            #expect(try found("q=%22western+troops%22") == ["n3"])
            #expect(try found("q=%22troops+western%22") == [])
            #expect(try found("q=drough") == [], "whole words only")
            #expect(try found("q=drought&sort=newest") == ["n6", "n5", "n4", "n1"])
        }
    }

    @Test("Sorts: oldest, updated; relevance needs q")
    func sorts() async throws {
        try await withAPIServer { port in
            #expect(try ids(try get("/articles?sort=oldest", port: port)) == Fixtures.visibleNewestFirst.reversed())
            #expect(try ids(try get("/articles?sort=updated", port: port)) == ["n3", "n2", "n6", "n5", "n4", "n1", "n10"])
            let response = try get("/articles?sort=relevance", port: port)
            try expectProblem(response, 400)
            #expect(try problemEntries(response).map(\.name) == ["sort"])
        }
    }

    @Test("Cursor pagination walks every article once, with next links and Link headers")
    func cursorWalk() async throws {
        try await withAPIServer { port in
            var seen: [String] = []
            var path = "/articles?limit=3&category=africa|world|business|sport"
            var pages = 0
            while pages < 10 {
                let response = try get(path, port: port)
                #expect(response.status == 200)
                seen += try ids(response)
                pages += 1
                let object = try jsonObject(response)
                let links = try #require(object["links"] as? [String: Any])
                guard let next = links["next"] as? String else {
                    #expect((object["meta"] as? [String: Any])?["next"] is NSNull)
                    #expect(response.header("Link") == nil)
                    break
                }
                #expect(response.header("Link") == "<\(next)>; rel=\"next\"")
                #expect(next.hasPrefix("/articles?limit=3&category=africa|world|business|sport&cursor="))
                path = next
            }
            #expect(pages == 3)
            #expect(seen == Fixtures.visibleNewestFirst)
        }
    }

    @Test("Page mode: meta, links and Link header; a page past the last is empty")
    func pageMode() async throws {
        try await withAPIServer { port in
            let response = try get("/articles?limit=3&page=2", port: port)
            #expect(response.status == 200)
            #expect(try ids(response) == ["n4", "n2", "n1"])
            let object = try jsonObject(response)
            let meta = try #require(object["meta"] as? [String: Any])
            #expect(meta["total"] as? Int == 7)
            #expect(meta["page"] as? Int == 2)
            #expect(meta["pages"] as? Int == 3)
            #expect(meta["limit"] as? Int == 3)
            let links = try #require(object["links"] as? [String: String])
            #expect(links["self"] == "/articles?limit=3&page=2")
            #expect(links["first"] == "/articles?limit=3&page=1")
            #expect(links["prev"] == "/articles?limit=3&page=1")
            #expect(links["next"] == "/articles?limit=3&page=3")
            #expect(links["last"] == "/articles?limit=3&page=3")
            let link = try #require(response.header("Link"))
            for rel in ["first", "prev", "next", "last"] { #expect(link.contains("rel=\"\(rel)\"")) }
            #expect(response.header("X-Total-Count") == "7")

            let last = try jsonObject(try get("/articles?limit=3&page=3", port: port))
            #expect((last["links"] as? [String: Any])?["next"] == nil)

            let past = try get("/articles?limit=3&page=9", port: port)
            #expect(past.status == 200)
            #expect(try ids(past) == [])
        }
    }

    @Test("fields: sparse, everything with *, unknown names rejected")
    func fields() async throws {
        try await withAPIServer { port in
            let sparse = try jsonObject(try get("/articles?fields=id,title,slug&limit=1", port: port))
            let first = try #require((sparse["data"] as? [[String: Any]])?.first)
            #expect(Set(first.keys) == ["id", "title", "slug"])
            let all = try jsonObject(try get("/articles?fields=*&limit=1", port: port))
            #expect((all["data"] as? [[String: Any]])?.first?["body"] as? String != nil)
            let bad = try get("/articles?fields=id,headline", port: port)
            try expectProblem(bad, 400)
            #expect(try problemEntries(bad).map(\.name) == ["fields"])
        }
    }

    @Test("Bad parameters are 400 problems naming each of them at once",
          arguments: [
            ("limit=0", ["limit"]), ("limit=101", ["limit"]), ("limit=ten", ["limit"]),
            ("page=0", ["page"]), ("from=2025-13-01", ["from"]), ("to=yesterday", ["to"]),
            ("from=2025-09-05&to=2025-09-01", ["from"]),
            ("cursor=%%%garbled", ["cursor"]), ("cursor=Zm9vYmFy", ["cursor"]),
            ("tag=a,b|c", ["tag"]), ("tag=a|-b", ["tag"]), ("category=a,b|c", ["category"]),
            ("breaking=maybe", ["breaking"]), ("sort=popular", ["sort"]),
            ("limit=0&page=0&sort=relevance", ["limit", "page", "sort"]),
          ])
    func badParameters(query: String, names: [String]) async throws {
        try await withAPIServer { port in
            let response = try get("/articles?\(query)", port: port)
            try expectProblem(response, 400)
            let named = Set(try problemEntries(response).map(\.name))
            #expect(Set(names).isSubset(of: named), "\(query): \(response.bodyText)")
        }
    }

    @Test("page and cursor together are refused")
    func pageWithCursor() async throws {
        try await withAPIServer { port in
            let first = try jsonObject(try get("/articles?limit=2", port: port))
            let cursor = try #require((first["meta"] as? [String: Any])?["next"] as? String)
            let response = try get("/articles?limit=2&page=1&cursor=\(cursor)", port: port)
            try expectProblem(response, 400)
        }
    }

    @Test("Unknown parameters are named with a suggestion; _-prefixed ones are ignored")
    func unknownParameters() async throws {
        try await withAPIServer { port in
            let response = try get("/articles?catgory=world&limt=5", port: port)
            try expectProblem(response, 400)
            let entries = try problemEntries(response)
            #expect(entries.map(\.name) == ["catgory", "limt"])
            #expect(entries.first?.message.contains("did you mean 'category'?") == true)
            #expect(try ids(try get("/articles?_=12345&category=world", port: port)) == ["n3"])
        }
    }

    @Test("status is for editors: 401 for readers, drafts for editors")
    func statusNeedsAnEditor() async throws {
        try await withAPIServer { port in
            let reader = try get("/articles?status=draft", port: port)
            try expectProblem(reader, 401)
            #expect(reader.header("WWW-Authenticate") == "Bearer")
            let editor = try get("/articles?status=draft", port: port, headers: [("Authorization", "Bearer \(Fixtures.editorToken)")])
            #expect(editor.status == 200)
            #expect(try ids(editor) == ["n7"])
            #expect(editor.header("Cache-Control") == "no-store")
            let scheduled = try get("/articles?status=published&tag=summit", port: port, headers: [("Authorization", "Bearer \(Fixtures.editorToken)")])
            #expect(try ids(scheduled) == ["n9"])
        }
    }

    @Test("A wrong token is a 401 on any route")
    func wrongToken() async throws {
        try await withAPIServer { port in
            for path in ["/articles", "/articles/n1", "/tags", "/"] {
                let response = try get(path, port: port, headers: [("Authorization", "Bearer nope")])
                try expectProblem(response, 401)
                #expect(response.header("WWW-Authenticate") == "Bearer")
            }
        }
    }
}
