import Hummingbird

/// The list envelope: `{"data":[…],"meta":{"total","limit","next"},"links":{"self","next"}}`.
struct ArticleList: Codable, Sendable, ResponseEncodable {
    struct Meta: Codable, Sendable {
        var total: Int
        var limit: Int
        // Encoded as null on the last page, like Dateline's (a synthesized Codable would omit it).
        var next: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(total, forKey: .total)
            try container.encode(limit, forKey: .limit)
            try container.encode(next, forKey: .next)
        }
    }

    struct Links: Codable, Sendable {
        var `self`: String
        var next: String?
    }

    var data: [ArticleSummary]
    var meta: Meta
    var links: Links
}

/// `{"status":"ok"}`.
struct Health: Codable, Sendable, ResponseEncodable {
    var status: String
}
