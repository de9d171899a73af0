import Articles
@testable import DatelineAPI
import DatelineTesting
import Foundation
import PostgresStore
import Testing

@Suite("Two Dateline servers over one PostgreSQL", .timeLimit(.minutes(2)))
struct TwoInstancesTests {
    @Test("A POST on A is readable on B at once, B's /events gets it within a second, a stale If-Match on B is 412")
    func sharedDatabase() async throws {
        try await TestDatabase.with { url in
            let storeA = try PostgresStore(url: url)
            let storeB = try PostgresStore(url: url)
            defer {
                storeA.close()
                storeB.close()
            }
            try storeA.seedIfEmpty(with: SampleArticles.load())
            let appA = application(over: storeA)
            let appB = application(over: storeB)
            try await withTestServer(responder: appA) { _, portA in
                try await withTestServer(responder: appB) { _, portB in
                    // B's readers' caches hold the list, and B has an /events subscriber.
                    let listBefore = try get("/articles", port: portB)
                    #expect(listBefore.status == 200)
                    #expect(try get("/articles", port: portB).body == listBefore.body)
                    let events = try subscribe(port: portB)
                    defer { events.close() }
                    let deadline = ContinuousClock.now + .seconds(5)
                    while appB.eventHub.subscriberCount < 1, ContinuousClock.now < deadline { usleep(2_000) }

                    let created = try editorWrite("POST", "/articles", port: portA, json: publishedStory("Harbour reopens after storm"))
                    #expect(created.status == 201, "\(created.bodyText)")
                    let article = try jsonObject(created)
                    let id = try #require(article["id"] as? String)
                    let slug = try #require(article["slug"] as? String)
                    let firstTag = try #require(created.header("ETag"))

                    // Readable on B at once: by slug, by id, and first in B's (previously cached) list.
                    let bySlug = try get("/articles/\(slug)", port: portB)
                    #expect(bySlug.status == 200)
                    #expect(bySlug.body == created.body)
                    #expect(try get("/articles/\(id)", port: portB).status == 200)
                    #expect(try ids(try get("/articles", port: portB)).first == id)

                    let event = try nextArticleEvent(events, within: .seconds(1))
                    #expect(event?.event == "published")
                    #expect(event?.data?.contains("\"id\":\"\(id)\"") == true, "\(String(describing: event))")

                    let patched = try editorWrite(
                        "PATCH", "/articles/\(id)", port: portA, json: #"{"title":"Harbour reopens"}"#,
                        contentType: "application/merge-patch+json", headers: [("If-Match", firstTag)])
                    #expect(patched.status == 200, "\(patched.bodyText)")
                    let stale = try editorWrite(
                        "PATCH", "/articles/\(id)", port: portB, json: #"{"title":"Stale edit"}"#,
                        contentType: "application/merge-patch+json", headers: [("If-Match", firstTag)])
                    try expectProblem(stale, 412)
                    // B's readers see A's PATCH, not the refused one.
                    #expect(try jsonObject(try get("/articles/\(slug)", port: portB))["title"] as? String == "Harbour reopens")
                    let updated = try nextArticleEvent(events, within: .seconds(1))
                    #expect(updated?.event == "updated")

                    // A DELETE on A: B answers 404 and its subscriber hears of it.
                    let current = try #require(patched.header("ETag"))
                    let deleted = try send("DELETE", "/articles/\(id)", port: portA, headers: [editorAuthorization, ("If-Match", current)])
                    #expect(deleted.status == 204, "\(deleted.bodyText)")
                    #expect(try get("/articles/\(slug)", port: portB).status == 404)
                    let gone = try nextArticleEvent(events, within: .seconds(1))
                    #expect(gone?.event == "deleted")
                    #expect(gone?.data?.contains("\"slug\":\"\(slug)\"") == true)
                }
            }
        }
    }
}
