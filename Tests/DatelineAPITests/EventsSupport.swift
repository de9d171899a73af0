import Articles
@testable import DatelineAPI
import DatelineTesting
import Foundation
import HTTPServer
import Logging
import Testing

/// Runs `body` against a real server over the fixtures, with the application and server at hand.
func withEventsServer<T>(
    server serverConfiguration: ServerConfiguration = .init(),
    configure: (inout APIConfiguration) -> Void = { _ in },
    _ body: (_ port: Int, _ store: MemoryStore, _ application: DatelineApplication, _ server: Server) async throws -> T
) async throws -> T {
    let store = try MemoryStore(articles: Fixtures.articles())
    var configuration = APIConfiguration()
    configuration.editorTokens = [Fixtures.editorToken]
    configuration.publicDirectory = testPublicDirectory
    configure(&configuration)
    var logger = Logger(label: "dateline-events-tests")
    logger.logLevel = .critical
    let application = DatelineApplication(store: store, configuration: configuration, logger: logger)
    return try await withTestServer(configuration: serverConfiguration, responder: application) { server, port in
        try await body(port, store, application, server)
    }
}

/// Opens `/events` (or `path`) and reads the head; the client then reads events with `nextEvent`.
func subscribe(
    port: Int, path: String = "/events", lastEventID: String? = nil, receiveBufferSize: Int? = nil
) throws -> (client: RawHTTPClient, head: RawHTTPResponse) {
    let client = try RawHTTPClient(port: port, receiveBufferSize: receiveBufferSize)
    var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n"
    if let lastEventID { request += "Last-Event-ID: \(lastEventID)\r\n" }
    try client.send(request + "\r\n")
    return (client, try client.readStreamHead())
}

/// Waits (bounded) until the hub has `count` subscribers, so a write after it is seen by them.
func waitForSubscribers(_ count: Int, _ application: DatelineApplication) {
    let deadline = ContinuousClock.now + .seconds(5)
    while application.eventHub.subscriberCount < count, ContinuousClock.now < deadline { usleep(2_000) }
}

/// The event's data as a JSON object.
func eventData(_ event: ServerSentEvent?) throws -> [String: Any] {
    let text = try #require(event?.data, "no event, or one without data")
    return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// The next event that is not a heartbeat, within `within`.
func nextArticleEvent(_ client: RawHTTPClient, within: Duration = .seconds(1)) throws -> ServerSentEvent? {
    let deadline = ContinuousClock.now + within
    while ContinuousClock.now < deadline {
        guard let event = try client.nextEvent(within: deadline - ContinuousClock.now) else { return nil }
        if !event.isComment { return event }
    }
    return nil
}

/// A story readers see at once (`breaking` as given).
func publishedStory(_ title: String, breaking: Bool = false) -> String {
    #"{"title":"\#(title)","body":"Text.","category":"world","status":"published","breaking":\#(breaking)}"#
}
