/// The routes the API knows, matched from the path alone. The template names the route in logs and metrics.
enum Route: Equatable {
    case articles
    case article(ref: String)
    case related(ref: String)
    case categories
    case tags
    case authors
    case health
    case ready
    case events
    case metrics
    case openAPI
    case staticFile

    /// The route's template: `/articles/{ref}`, never the raw path.
    var template: String {
        switch self {
        case .articles: "/articles"
        case .article: "/articles/{ref}"
        case .related: "/articles/{ref}/related"
        case .categories: "/categories"
        case .tags: "/tags"
        case .authors: "/authors"
        case .health: "/health"
        case .ready: "/ready"
        case .events: "/events"
        case .metrics: "/metrics"
        case .openAPI: "/openapi.json"
        case .staticFile: "/{file}"
        }
    }

    /// Whether readers' answers may come from the response cache: the article routes, whose answers
    /// change only with the store or when a scheduled article appears.
    var isCacheable: Bool {
        switch self {
        case .articles, .article, .related, .categories, .tags, .authors: true
        case .health, .ready, .events, .metrics, .openAPI, .staticFile: false
        }
    }

    /// Whether the handler's answer is already in the form the client asked for (gzip or identity, with its
    /// ETag, or a 304), so `ResponseEncoding.finish` must not encode it again: fixed answers whose gzip forms
    /// are made once, not per request.
    var encodesItself: Bool {
        switch self {
        case .openAPI, .staticFile: true
        case .articles, .article, .related, .categories, .tags, .authors, .health, .ready, .events, .metrics: false
        }
    }

    /// Whether answering may call the store (and so must run on the store's pool when its calls block).
    /// `/events` reads the hub, which follows the store's changes by itself.
    var readsStore: Bool {
        switch self {
        case .articles, .article, .related, .categories, .tags, .authors, .ready, .metrics: true
        case .health, .events, .openAPI, .staticFile: false
        }
    }

    /// The methods the route answers (HEAD wherever GET; OPTIONS everywhere, for CORS).
    var allowedMethods: [String] { ["GET", "HEAD"] + writeMethods + ["OPTIONS"] }

    /// The methods by which editors change what the route names.
    var writeMethods: [String] {
        switch self {
        case .articles: ["POST"]
        case .article: ["PUT", "PATCH", "DELETE"]
        default: []
        }
    }

    /// Matches a raw path (before percent-decoding). A ref segment is decoded; one that does not decode to
    /// UTF-8 cannot name an article and is left as it is, to be answered 404.
    init(path: String) {
        // Walks the bytes between the first three `/`s (a byte `/` followed by a combining mark is not a
        // Character of its own, so Character-wise splitting would join segments); no array is built, as this
        // runs for every request, hits included.
        let bytes = path.utf8
        let slash = UInt8(ascii: "/")
        guard let firstSlash = bytes.firstIndex(of: slash) else {
            self = .staticFile
            return
        }
        let firstStart = bytes.index(after: firstSlash)
        let firstEnd = bytes[firstStart...].firstIndex(of: slash) ?? bytes.endIndex
        let first = bytes[firstStart..<firstEnd]
        guard firstEnd < bytes.endIndex else {
            self = Self.collection(first)
            return
        }
        guard Self.equals(first, "articles") else {
            self = .staticFile
            return
        }
        let secondStart = bytes.index(after: firstEnd)
        let secondEnd = bytes[secondStart...].firstIndex(of: slash) ?? bytes.endIndex
        let ref = bytes[secondStart..<secondEnd]
        guard !ref.isEmpty else {
            self = .staticFile
            return
        }
        guard secondEnd < bytes.endIndex else {
            self = .article(ref: Self.decode(ref))
            return
        }
        let third = bytes[bytes.index(after: secondEnd)...]
        if !third.contains(slash), Self.equals(third, "related") {
            self = .related(ref: Self.decode(ref))
        } else {
            self = .staticFile
        }
    }

    /// The route of a one-segment path such as `/articles`.
    private static func collection(_ segment: Substring.UTF8View) -> Route {
        collections.first { equals(segment, $0.name) }?.route ?? .staticFile
    }

    private static let collections: [(name: StaticString, route: Route)] = [
        ("articles", .articles), ("health", .health), ("categories", .categories), ("tags", .tags),
        ("authors", .authors), ("ready", .ready), ("events", .events), ("metrics", .metrics),
        ("openapi.json", .openAPI),
    ]

    /// Byte equality with an ASCII literal, without String comparison's Unicode machinery.
    private static func equals(_ segment: Substring.UTF8View, _ literal: StaticString) -> Bool {
        guard segment.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { segment.elementsEqual($0) }
    }

    private static func decode(_ bytes: Substring.UTF8View) -> String {
        let segment = Substring(bytes)
        guard bytes.contains(UInt8(ascii: "%")) else { return String(segment) }
        // In a path `+` is a plus: percent-decode only, unlike a form-encoded query.
        return QueryParameters.percentDecode(segment, plusIsSpace: false) ?? String(segment)
    }
}
