import Articles
import DatelineTesting
import Foundation
import Locking
import Testing

@Suite("PUT, PATCH, DELETE and If-Match", .timeLimit(.minutes(1)))
struct WriteUpdateTests {
    @Test("PUT replaces the whole article by id or slug: id, createdAt, slug and publishedAt kept, the rest defaulted")
    func put() async throws {
        try await withWriteServer { port, store in
            _ = try get("/articles/n1", port: port)  // fill the readers' cache
            let before = Timestamp.now().secondsSince1970
            let response = try editorWrite("PUT", "/articles/drought-aid-reaches-ethiopia", port: port,
                                           json: #"{"title":"Aid convoys reach Ethiopia","body":"New body.","category":"world","status":"published"}"#)
            #expect(response.status == 200, "\(response.bodyText)")
            #expect(response.header("Cache-Control") == "no-store")
            let article = try jsonObject(response)
            #expect(article["id"] as? String == "n1")
            #expect(article["slug"] as? String == "drought-aid-reaches-ethiopia")
            #expect(article["createdAt"] as? String == "2025-09-01T07:00:00Z")
            #expect(article["publishedAt"] as? String == "2025-09-01T08:00:00Z")
            #expect(article["title"] as? String == "Aid convoys reach Ethiopia")
            #expect(article["summary"] is NSNull)
            #expect(article["author"] is NSNull)
            #expect(article["tags"] as? [String] == [])
            #expect(article["category"] as? String == "world")
            let updatedAt = try #require(timestamp(article["updatedAt"]))
            #expect(updatedAt.secondsSince1970 >= before)
            #expect(isWholeSecondUTC(article["updatedAt"]))
            // Readers see the new article at once, with the same bytes and ETag.
            let read = try get("/articles/n1", port: port)
            #expect(read.body == response.body)
            #expect(read.header("ETag") == response.header("ETag"))

            let renamed = try editorWrite("PUT", "/articles/n1", port: port, json: #"{"slug":"aid-convoys","title":"T","body":"b","category":"world"}"#)
            #expect(try jsonObject(renamed)["slug"] as? String == "aid-convoys")
            #expect(try store.article(ref: "aid-convoys")?.id == "n1")
            try expectProblem(try editorGet("/articles/drought-aid-reaches-ethiopia", port: port), 404)
        }
    }

    @Test("PATCH merges: given fields change, others stay, null removes an optional field, the slug is kept")
    func patch() async throws {
        try await withWriteServer { port, store in
            let original = try #require(try store.article(ref: "n2"))
            let response = try editorWrite("PATCH", "/articles/n2", port: port,
                                           json: #"{"summary":null,"author":null,"tags":["aid"],"breaking":false,"title":"Landslide: rescue goes on"}"#,
                                           contentType: "application/merge-patch+json")
            #expect(response.status == 200, "\(response.bodyText)")
            let patched = try #require(try store.article(ref: "n2"))
            #expect(patched.summary == nil && patched.author == nil)
            #expect(patched.tags == ["aid"])
            #expect(patched.breaking == false)
            #expect(patched.title == "Landslide: rescue goes on")
            #expect(patched.slug == original.slug)
            #expect(patched.body == original.body && patched.category == original.category && patched.publishedAt == original.publishedAt)
            #expect(patched.createdAt == original.createdAt && patched.updatedAt > original.updatedAt)
            #expect(try editorGet("/articles/n2", port: port).body == response.body)

            // Plain JSON is a merge patch too; an empty one changes nothing but updatedAt's chance to move.
            let plain = try editorWrite("PATCH", "/articles/n2", port: port, json: #"{"publishedAt":null,"status":"draft"}"#)
            #expect(plain.status == 200)
            #expect(try store.article(ref: "n2")?.publishedAt == nil)
            // A null slug is derived again from the title.
            let reslug = try editorWrite("PATCH", "/articles/n2", port: port, json: #"{"slug":null}"#)
            #expect(try jsonObject(reslug)["slug"] as? String == "landslide-rescue-goes-on")
        }
    }

    @Test("PATCH setting a required field to null is a 422 naming each, and nothing changes")
    func patchRequiredNull() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            let response = try editorWrite("PATCH", "/articles/n3", port: port, json: #"{"title":null,"body":null,"category":null,"summary":"fine"}"#)
            try expectProblem(response, 422)
            #expect(try problemEntries(response).map(\.name) == ["title", "body", "category"])
            #expect(try store.allArticles() == before)
        }
    }

    @Test("If-Match: the current ETag wins, a stale one is 412 and changes nothing, * matches any existing article")
    func ifMatch() async throws {
        try await withWriteServer { port, store in
            let first = try #require(try get("/articles/n4", port: port).header("ETag"))
            let patched = try editorWrite("PATCH", "/articles/n4", port: port, json: #"{"breaking":true}"#, headers: [("If-Match", first)])
            #expect(patched.status == 200, "\(patched.bodyText)")
            let second = try #require(patched.header("ETag"))
            #expect(second != first)

            let before = try store.allArticles()
            try expectProblem(try editorWrite("PATCH", "/articles/n4", port: port, json: #"{"title":"Stale"}"#, headers: [("If-Match", first)]), 412)
            try expectProblem(try editorWrite("PUT", "/articles/n4", port: port, json: floodsStory, headers: [("If-Match", first)]), 412)
            try expectProblem(try send("DELETE", "/articles/n4", port: port, headers: [editorAuthorization, ("If-Match", first)]), 412)
            try expectProblem(try editorWrite("PATCH", "/articles/n4", port: port, json: #"{"title":"Weak"}"#, headers: [("If-Match", "W/\(second)")]), 412)
            #expect(try store.allArticles() == before)

            let listed = try editorWrite("PATCH", "/articles/n4", port: port, json: #"{"title":"Listed"}"#, headers: [("If-Match", "\"0000000000000000\", \(second)")])
            #expect(listed.status == 200)
            let star = try editorWrite("PATCH", "/articles/n4", port: port, json: #"{"title":"Star"}"#, headers: [("If-Match", "*")])
            #expect(star.status == 200)
            #expect(try store.article(ref: "n4")?.title == "Star")
            try expectProblem(try editorWrite("PATCH", "/articles/nothing", port: port, json: "{}", headers: [("If-Match", "*")]), 404)
            let deleted = try send("DELETE", "/articles/n4", port: port, headers: [editorAuthorization, ("If-Match", try #require(star.header("ETag")))])
            #expect(deleted.status == 204)
        }
    }

    @Test("DELETE: 204 without a body, then the article is gone for readers and editors; an unknown ref is 404")
    func delete() async throws {
        try await withWriteServer { port, store in
            #expect(try ids(try get("/articles", port: port)).contains("n2"))
            let response = try send("DELETE", "/articles/landslide-in-sudan", port: port, headers: [editorAuthorization])
            #expect(response.status == 204)
            #expect(response.body.isEmpty)
            #expect(response.header("Content-Length") == nil)
            #expect(response.header("Cache-Control") == "no-store")
            try expectProblem(try get("/articles/n2", port: port), 404)
            try expectProblem(try editorGet("/articles/n2", port: port), 404)
            #expect(try !ids(try get("/articles", port: port)).contains("n2"))
            #expect(try store.article(ref: "n2") == nil)
            try expectProblem(try send("DELETE", "/articles/n2", port: port, headers: [editorAuthorization]), 404)
            try expectProblem(try editorWrite("PATCH", "/articles/n2", port: port, json: "{}"), 404)
        }
    }

    @Test("Two editors PATCH with the same If-Match: exactly one wins, the other gets 412, the loser's change is nowhere")
    func racingEditors() async throws {
        try await withWriteServer { port, store in
            for round in 0..<20 {
                let tag = try #require(try get("/articles/n5", port: port).header("ETag"))
                let statuses = LockedValue<[Int: Int]>([:])
                DispatchQueue.concurrentPerform(iterations: 2) { editor in
                    let response = try? editorWrite("PATCH", "/articles/n5", port: port,
                                                    json: #"{"title":"Round \#(round) editor \#(editor)","summary":"by editor \#(editor)"}"#,
                                                    headers: [("If-Match", tag)])
                    statuses.withLock { $0[editor] = response?.status ?? 0 }
                }
                let results = statuses.withLock { $0 }
                #expect(results.values.sorted() == [200, 412], "round \(round): \(results)")
                let winner = try #require(results.first { $0.value == 200 }?.key)
                let loser = 1 - winner
                let article = try #require(try store.article(ref: "n5"))
                #expect(article.title == "Round \(round) editor \(winner)")
                #expect(article.summary == "by editor \(winner)")
                let shown = try editorGet("/articles/n5", port: port).bodyText
                #expect(!shown.contains("editor \(loser)"))
            }
        }
    }
}
