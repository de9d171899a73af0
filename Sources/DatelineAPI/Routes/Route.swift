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
        var path = path
        self = path.withUTF8(Self.match)
    }

    /// The route of a path's bytes: walks the bytes between the first three `/`s (a byte `/` followed by a
    /// combining mark is not a Character of its own, so Character-wise splitting would join segments), over
    /// contiguous memory, as this runs for every request, hits included.
    private static func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Route {
        let slash = UInt8(ascii: "/")
        func segment(from start: Int) -> Range<Int> {
            var end = start
            while end < bytes.count, bytes[end] != slash { end += 1 }
            return start..<end
        }
        guard let firstSlash = bytes.firstIndex(of: slash) else { return .staticFile }
        let first = segment(from: firstSlash + 1)
        guard first.upperBound < bytes.count else { return collection(UnsafeBufferPointer(rebasing: bytes[first])) }
        guard equals(UnsafeBufferPointer(rebasing: bytes[first]), "articles") else { return .staticFile }
        let ref = segment(from: first.upperBound + 1)
        guard !ref.isEmpty else { return .staticFile }
        guard ref.upperBound < bytes.count else { return .article(ref: decode(UnsafeBufferPointer(rebasing: bytes[ref]))) }
        let third = segment(from: ref.upperBound + 1)
        guard third.upperBound == bytes.count, equals(UnsafeBufferPointer(rebasing: bytes[third]), "related") else { return .staticFile }
        return .related(ref: decode(UnsafeBufferPointer(rebasing: bytes[ref])))
    }

    /// The route of a one-segment path such as `/articles`.
    private static func collection(_ segment: UnsafeBufferPointer<UInt8>) -> Route {
        collections.first { equals(segment, $0.name) }?.route ?? .staticFile
    }

    private static let collections: [(name: StaticString, route: Route)] = [
        ("articles", .articles), ("health", .health), ("categories", .categories), ("tags", .tags),
        ("authors", .authors), ("ready", .ready), ("events", .events), ("metrics", .metrics),
        ("openapi.json", .openAPI),
    ]

    /// Byte equality with an ASCII literal.
    private static func equals(_ segment: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard segment.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { segment.elementsEqual($0) }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // The path is valid UTF-8, and a segment is cut from it at ASCII `/`s: it is valid too.
        let segment = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "%")) else { return segment }
        // In a path `+` is a plus: percent-decode only, unlike a form-encoded query.
        return QueryParameters.percentDecode(segment[...], plusIsSpace: false) ?? segment
    }
}
