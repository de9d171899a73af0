import Articles
@testable import DatelineAPI
import DatelineTesting
import Foundation
import HTTPServer
import Testing

@Suite("GET /events", .timeLimit(.minutes(1)))
struct EventsTests {
    @Test("text/event-stream, no-store, chunked; unknown or bad parameters are 400; _-prefixed ignored; HEAD is the head")
    func headers() async throws {
        try await withEventsServer { port, _, _, _ in
            let (client, head) = try subscribe(port: port, path: "/events?_=123")
            #expect(head.status == 200)
            #expect(head.header("Content-Type") == "text/event-stream")
            #expect(head.header("Cache-Control") == "no-store")
            #expect(head.header("Transfer-Encoding") == "chunked")
            #expect(head.header("ETag") == nil)
            client.close()

            let unknown = try get("/events?braking=true", port: port)
            try expectProblem(unknown, 400)
            #expect(try problemEntries(unknown).map(\.name) == ["braking"])
            try expectProblem(try get("/events?breaking=yes", port: port), 400)

            let headOnly = try send("HEAD", "/events", port: port)
            #expect(headOnly.status == 200)
            #expect(headOnly.header("Content-Type") == "text/event-stream")
            #expect(headOnly.body.isEmpty)
            try expectProblem(try send("POST", "/events", port: port, headers: [editorAuthorization], body: "{}"), 405)
        }
    }

    @Test("A subscriber sees POST, PATCH and DELETE as published, updated, deleted, in order, each within a second")
    func writesInOrder() async throws {
        try await withEventsServer { port, _, application, _ in
            let (client, _) = try subscribe(port: port)
            waitForSubscribers(1, application)

            let created = try editorWrite("POST", "/articles", port: port, json: publishedStory("Quake shakes Lima", breaking: true))
            #expect(created.status == 201)
            let id = try #require(try jsonObject(created)["id"] as? String)
            let published = try nextArticleEvent(client)
            #expect(published?.event == "published")
            let data = try eventData(published)
            #expect(data["id"] as? String == id)
            #expect(data["slug"] as? String == "quake-shakes-lima")
            #expect(data["title"] as? String == "Quake shakes Lima")
            #expect(data["breaking"] as? Bool == true)
            #expect(data["publishedAt"] as? String == (try jsonObject(created)["publishedAt"] as? String))
            #expect(Set(data.keys) == ["id", "slug", "title", "breaking", "publishedAt"])

            let patched = try editorWrite("PATCH", "/articles/\(id)", port: port, json: #"{"title":"Quake shakes Lima and Cusco"}"#)
            #expect(patched.status == 200)
            let updated = try nextArticleEvent(client)
            #expect(updated?.event == "updated")
            #expect(try eventData(updated)["title"] as? String == "Quake shakes Lima and Cusco")

            #expect(try send("DELETE", "/articles/\(id)", port: port, headers: [editorAuthorization]).status == 204)
            let deleted = try nextArticleEvent(client)
            #expect(deleted?.event == "deleted")
            let deletedData = try eventData(deleted)
            #expect(deletedData["id"] as? String == id)
            #expect(Set(deletedData.keys) == ["id", "slug"])

            let ids = [published?.id, updated?.id, deleted?.id].compactMap { $0 }
            #expect(Set(ids).count == 3)
        }
    }

    @Test("Reconnecting with Last-Event-ID gets exactly what was missed")
    func resume() async throws {
        try await withEventsServer { port, _, application, _ in
            let (first, _) = try subscribe(port: port)
            waitForSubscribers(1, application)
            _ = try editorWrite("POST", "/articles", port: port, json: publishedStory("First story"))
            let seen = try #require(try nextArticleEvent(first))
            let lastID = try #require(seen.id)
            first.close()

            _ = try editorWrite("POST", "/articles", port: port, json: publishedStory("Second story"))
            _ = try editorWrite("PATCH", "/articles/n1", port: port, json: #"{"breaking":true}"#)

            let (again, _) = try subscribe(port: port, lastEventID: lastID)
            let missed = try again.events(2, within: .seconds(2))
            #expect(missed.map(\.event) == ["published", "updated"])
            #expect(try eventData(missed.first)["title"] as? String == "Second story")
            #expect(try eventData(missed.last)["id"] as? String == "n1")
            // Nothing else was missed: the next thing is the next live write.
            _ = try editorWrite("PATCH", "/articles/n2", port: port, json: #"{"breaking":false}"#)
            let live = try nextArticleEvent(again)
            #expect(try eventData(live)["id"] as? String == "n2")

            // Resuming from the latest id: nothing to replay.
            let (current, _) = try subscribe(port: port, lastEventID: try #require(live?.id))
            #expect(try nextArticleEvent(current, within: .milliseconds(300)) == nil)
        }
    }

    @Test("An id never issued, or older than the backlog, gets reset first, then the live stream")
    func reset() async throws {
        try await withEventsServer(configure: { $0.eventBacklog = 2 }) { port, _, application, _ in
            let (never, _) = try subscribe(port: port, lastEventID: "not-an-id")
            #expect(try nextArticleEvent(never)?.event == "reset")

            let (first, _) = try subscribe(port: port)
            waitForSubscribers(2, application)
            for index in 0..<4 {
                _ = try editorWrite("PATCH", "/articles/n1", port: port, json: #"{"summary":"Version \#(index)"}"#)
            }
            let events = try first.events(4, within: .seconds(2))
            #expect(events.count == 4)
            // The backlog holds the last 2: resuming after the first event misses the second.
            let (tooOld, _) = try subscribe(port: port, lastEventID: try #require(events.first?.id))
            let reset = try nextArticleEvent(tooOld)
            #expect(reset?.event == "reset")
            _ = try editorWrite("PATCH", "/articles/n1", port: port, json: #"{"summary":"Live"}"#)
            #expect(try nextArticleEvent(tooOld)?.event == "updated")
            // Within the backlog: exactly the last one.
            let (recent, _) = try subscribe(port: port, lastEventID: events[2].id)
            let replayed = try recent.events(2, within: .seconds(1))
            #expect(replayed.count == 2)
            #expect(replayed.first?.id == events[3].id)
            #expect(try eventData(replayed.last)["id"] as? String == "n1")
            #expect(try nextArticleEvent(recent, within: .milliseconds(300)) == nil)
            never.close()
        }
    }

    @Test("A draft saved is no event; a published article moved to draft is deleted")
    func draftsAreInvisible() async throws {
        try await withEventsServer { port, _, application, _ in
            let (client, _) = try subscribe(port: port)
            waitForSubscribers(1, application)
            let draft = try editorWrite("POST", "/articles", port: port, json: floodsStory)
            #expect(draft.status == 201)
            let draftID = try #require(try jsonObject(draft)["id"] as? String)
            _ = try editorWrite("PATCH", "/articles/\(draftID)", port: port, json: #"{"summary":"Still a draft"}"#)
            _ = try editorWrite("PATCH", "/articles/n1", port: port, json: #"{"status":"draft"}"#)
            let event = try nextArticleEvent(client)
            #expect(event?.event == "deleted")
            #expect(try eventData(event)["id"] as? String == "n1")
            // Archiving one and rescheduling another into the future are deleted too.
            _ = try editorWrite("PATCH", "/articles/n4", port: port, json: #"{"status":"archived"}"#)
            #expect(try nextArticleEvent(client)?.event == "deleted")
            _ = try editorWrite("PATCH", "/articles/n5", port: port, json: #"{"publishedAt":"2099-05-01T00:00:00Z"}"#)
            let rescheduled = try nextArticleEvent(client)
            #expect(rescheduled?.event == "deleted")
            #expect(try eventData(rescheduled)["id"] as? String == "n5")
        }
    }

    @Test("?breaking=true streams breaking news only")
    func breakingOnly() async throws {
        try await withEventsServer { port, _, application, _ in
            let (client, _) = try subscribe(port: port, path: "/events?breaking=true")
            waitForSubscribers(1, application)
            _ = try editorWrite("POST", "/articles", port: port, json: publishedStory("Quiet news"))
            _ = try editorWrite("PATCH", "/articles/n1", port: port, json: #"{"summary":"Calm"}"#)
            _ = try editorWrite("POST", "/articles", port: port, json: publishedStory("Breaking news", breaking: true))
            let event = try nextArticleEvent(client)
            #expect(event?.event == "published")
            #expect(try eventData(event)["title"] as? String == "Breaking news")
            // n2 is breaking: an update is seen; no longer breaking, it leaves this view.
            _ = try editorWrite("PATCH", "/articles/n2", port: port, json: #"{"summary":"More"}"#)
            let updated = try nextArticleEvent(client)
            #expect(updated?.event == "updated")
            #expect(try eventData(updated)["id"] as? String == "n2")
            _ = try editorWrite("PATCH", "/articles/n2", port: port, json: #"{"breaking":false}"#)
            #expect(try nextArticleEvent(client)?.event == "deleted")
        }
    }

    @Test("The heartbeat comment arrives on a quiet stream")
    func heartbeat() async throws {
        try await withEventsServer(configure: { $0.eventHeartbeatInterval = .milliseconds(200) }) { port, _, _, _ in
            let (client, _) = try subscribe(port: port)
            let event = try client.nextEvent(within: .seconds(3))
            #expect(event?.isComment == true)
            #expect(event?.comments == ["keep-alive"])
            #expect(try client.nextEvent(within: .seconds(3))?.comments == ["keep-alive"])
        }
    }

    @Test("A scheduled article's published event arrives at its publishedAt, not before")
    func scheduled() async throws {
        try await withEventsServer { port, _, application, _ in
            let (client, _) = try subscribe(port: port)
            waitForSubscribers(1, application)
            let at = Timestamp(secondsSince1970: Timestamp.now().secondsSince1970 + 2)
            let body = #"{"title":"Embargoed report","body":"Text.","category":"world","status":"published","publishedAt":"\#(at.rfc3339)"}"#
            let created = try editorWrite("POST", "/articles", port: port, json: body)
            #expect(created.status == 201)
            let id = try #require(try jsonObject(created)["id"] as? String)
            let event = try nextArticleEvent(client, within: .seconds(5))
            #expect(Timestamp.now() >= at)
            #expect(event?.event == "published")
            #expect(try eventData(event)["id"] as? String == id)
            #expect(try eventData(event)["publishedAt"] as? String == at.rfc3339)
            // Once only.
            #expect(try nextArticleEvent(client, within: .milliseconds(1500)) == nil)
        }
    }

    @Test("A subscriber that never reads is disconnected; the writer and another subscriber go on")
    func slowSubscriber() async throws {
        var server = ServerConfiguration()
        server.maxStreamPendingBytes = 64 * 1024
        try await withEventsServer(server: server) { port, store, application, _ in
            let (slow, _) = try subscribe(port: port, receiveBufferSize: 2048)
            let (fast, _) = try subscribe(port: port)
            waitForSubscribers(2, application)
            // In batches, reading the fast subscriber between them: it keeps up however busy the machine is,
            // while the slow one falls ever further behind.
            let writes = 3000
            var article = try #require(try store.article(ref: "n1"))
            var titles: [String] = []
            for batch in 0..<(writes / 50) {
                for index in (batch * 50)..<(batch * 50 + 50) {
                    article.title = "Edition \(index) " + String(repeating: "x", count: 200)
                    article = try store.save(article, expected: article.version)
                }
                titles += try fast.events(50, within: .seconds(5)).compactMap { try eventData($0)["title"] as? String }
            }
            #expect(titles.count == writes)
            #expect(titles.last?.hasPrefix("Edition \(writes - 1) ") == true)
            #expect(slow.isClosed(within: .seconds(5)))
            #expect(application.eventHub.subscriberCount == 1)
        }
    }

    @Test("1,000 open streams: each gets the event; no thread per stream")
    func manySubscribers() async throws {
        try await withEventsServer { port, _, application, _ in
            let threadsBefore = threadCount()
            let clients = try (0..<1000).map { _ in try subscribe(port: port).client }
            waitForSubscribers(1000, application)
            #expect(application.eventHub.subscriberCount == 1000)
            // Other tests run in parallel and start threads of their own; one per stream would be 1,000.
            #expect(threadCount() - threadsBefore < 200)
            _ = try editorWrite("PATCH", "/articles/n1", port: port, json: #"{"summary":"To everyone"}"#)
            var received = 0
            for client in clients where try eventData(nextArticleEvent(client, within: .seconds(5)))["id"] as? String == "n1" {
                received += 1
            }
            #expect(received == 1000)
        }
    }

    @Test("stop() ends open event streams at once, with the last chunk")
    func stopEndsStreams() async throws {
        try await withEventsServer { port, _, application, server in
            let clients = try (0..<3).map { _ in try subscribe(port: port).client }
            waitForSubscribers(3, application)
            let stopper = Thread { server.stop(deadline: .seconds(30)) }
            stopper.start()
            for client in clients {
                #expect(throws: RawHTTPClientError.self) {
                    while try client.nextEvent(within: .seconds(5)) != nil {}
                }
                #expect(client.sawLastChunk)
            }
        }
    }
}

/// Threads of this process, from /proc.
private func threadCount() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("Threads:") } ?? ""
    return Int(line.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) ?? 0
}
