@testable import DatelineAPI
import DatelineTesting
import Foundation
import HTTPServer
import Testing

@Suite("GET /events: subscribers that vanish", .timeLimit(.minutes(1)))
struct EventsFaultTests {
    @Test("A subscriber that vanishes mid-stream (EOF or reset) is closed and dropped; the others and new clients are served",
          arguments: [false, true])
    func vanishMidStream(_ reset: Bool) async throws {
        try await withEventsServer { port, store, application, server in
            let (leaving, _) = try subscribe(port: port)
            let (staying, _) = try subscribe(port: port)
            waitForSubscribers(2, application)
            // The first event reaches both, so the leaving one is mid-stream when it goes.
            var article = try #require(try store.article(ref: "n1"))
            article.title = "Before the client left"
            article = try store.save(article, expected: article.version)
            #expect(try eventData(try nextArticleEvent(leaving))["title"] as? String == "Before the client left")
            #expect(try eventData(try nextArticleEvent(staying))["title"] as? String == "Before the client left")
            if reset { leaving.reset() } else { leaving.close() }

            // The server closes its side at once (bounded wait), with no write needed to notice.
            let deadline = ContinuousClock.now + .seconds(5)
            while server.statistics.openConnections > 1, ContinuousClock.now < deadline { usleep(5_000) }
            #expect(server.statistics.openConnections == 1)

            // The next event drops it from the hub and still reaches the other subscriber.
            article.title = "After the client left"
            article = try store.save(article, expected: article.version)
            #expect(try eventData(try nextArticleEvent(staying))["title"] as? String == "After the client left")
            let hubDeadline = ContinuousClock.now + .seconds(5)
            while application.eventHub.subscriberCount > 1, ContinuousClock.now < hubDeadline { usleep(5_000) }
            #expect(application.eventHub.subscriberCount == 1)
            #expect(try get("/articles/n1", port: port).status == 200)
            staying.close()
        }
    }
}
