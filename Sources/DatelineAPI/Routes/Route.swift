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
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { $0 }
        switch parts.count {
        case 1:
            switch parts[0] {
            case "articles": self = .articles
            case "categories": self = .categories
            case "tags": self = .tags
            case "authors": self = .authors
            case "health": self = .health
            case "ready": self = .ready
            case "events": self = .events
            case "metrics": self = .metrics
            case "openapi.json": self = .openAPI
            default: self = .staticFile
            }
        case 2 where parts[0] == "articles" && !parts[1].isEmpty:
            self = .article(ref: Self.decode(parts[1]))
        case 3 where parts[0] == "articles" && !parts[1].isEmpty && parts[2] == "related":
            self = .related(ref: Self.decode(parts[1]))
        default:
            self = .staticFile
        }
    }

    private static func decode(_ segment: Substring) -> String {
        // `utf8.contains`: `Substring.contains(String)` is Foundation's, which bridges to NSString per call.
        guard segment.utf8.contains(UInt8(ascii: "%")) else { return String(segment) }
        // In a path `+` is a plus: percent-decode only, unlike a form-encoded query.
        return QueryParameters.percentDecode(segment, plusIsSpace: false) ?? String(segment)
    }
}
