import Articles

/// What readers of one view (everything, or breaking news only) are told about an article.
enum ArticleEventKind: String {
    /// It became visible.
    case published
    /// It was visible before and is after.
    case updated
    /// It left readers' sight: deleted, unpublished, archived or rescheduled into the future.
    case deleted

    /// The event for a change of visibility; nil when readers saw nothing before or after.
    init?(wasVisible: Bool, isVisible: Bool) {
        switch (wasVisible, isVisible) {
        case (false, true): self = .published
        case (true, true): self = .updated
        case (true, false): self = .deleted
        case (false, false): return nil
        }
    }

    /// The whole SSE block: `id:`, `event:` and one `data:` line of JSON, then the blank line.
    func encoded(id: String, article: Article) -> [UInt8] {
        var json = JSONWriter(capacity: 192)
        json.beginObject()
        json.key("id"); json.string(article.id)
        json.key("slug"); json.string(article.slug)
        if self != .deleted {
            json.key("title"); json.string(article.title)
            json.key("breaking"); json.bool(article.breaking)
            json.key("publishedAt"); json.optionalTimestamp(article.publishedAt)
        }
        json.endObject()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.bytes.count + id.utf8.count + 32)
        bytes += Array("id: \(id)\nevent: \(rawValue)\ndata: ".utf8)
        bytes += json.bytes
        bytes += [10, 10]
        return bytes
    }
}

/// One event in the backlog: its sequence number and its block for each view (nil: not an event there).
struct StoredEvent {
    let sequence: UInt64
    let all: [UInt8]?
    let breaking: [UInt8]?

    func bytes(breakingOnly: Bool) -> [UInt8]? { breakingOnly ? breaking : all }
}
