import HTTPServer

/// The body of one `GET /events` response: on start, the subscriber joins the hub.
struct EventStream: ResponseStream {
    let hub: EventHub
    let breakingOnly: Bool
    let lastEventID: String?

    func start(writer: StreamWriter) {
        hub.subscribe(writer, breakingOnly: breakingOnly, lastEventID: lastEventID)
    }
}
