public import Articles

/// A deterministic source of randomness for tests (SplitMix64).
public struct TestRandom: Sendable {
    /// The generator's state; the same start gives the same sequence.
    public var state: UInt64

    /// A generator starting from `state`.
    public init(state: UInt64) {
        self.state = state
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True `percent` times in 100.
    public mutating func chance(_ percent: Int) -> Bool {
        int(1...100) <= percent
    }

    /// One of `values` (not empty).
    public mutating func pick<T>(_ values: [T]) -> T {
        values[int(0...(values.count - 1))]
    }
}

/// Random list queries over a set of articles, built from what the articles contain so most of them match
/// something, as the (name, value) pairs a client would send.
public struct RandomQueries: Sendable {
    /// The articles the queries are drawn from.
    public let articles: [Article]

    /// Queries drawn from `articles`.
    public init(articles: [Article]) {
        self.articles = articles
    }

    /// One query's parameters.
    public func make(_ random: inout TestRandom) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        let sample = random.pick(articles)
        var hasQ = false
        if random.chance(30) {
            hasQ = true
            let words = TextFolding.words(in: random.chance(50) ? sample.title : sample.body)
            if random.chance(25), words.count > 2 {
                let start = random.int(0...(words.count - 2))
                pairs.append(("q", "\"\(words[start]) \(words[start + 1])\""))
            } else {
                var chosen = [random.pick(words)]
                if random.chance(40) { chosen.append(random.pick(words)) }
                if random.chance(30) { chosen = chosen.map { $0.uppercased() } }
                pairs.append(("q", chosen.joined(separator: " ")))
            }
            if random.chance(10) { pairs[pairs.count - 1].value += " zzznotaword" }
        }
        if random.chance(25) {
            let categories = random.chance(50) ? [sample.category] : [sample.category, random.pick(articles).category]
            pairs.append(("category", categories.joined(separator: "|")))
        }
        if random.chance(40), !sample.tags.isEmpty {
            let other = random.pick(articles).tags.first ?? "none"
            switch random.int(0...3) {
            case 0: pairs.append(("tag", random.pick(sample.tags)))
            case 1: pairs.append(("tag", "\(random.pick(sample.tags))|\(other)"))
            case 2: pairs.append(("tag", "\(random.pick(sample.tags)),-\(other)"))
            default: pairs.append(("tag", sample.tags.prefix(2).joined(separator: ",")))
            }
        }
        if random.chance(15), let author = sample.author {
            pairs.append(("author", random.chance(50) ? author.uppercased() : "\(author)|\(random.pick(articles).author ?? "x")"))
        }
        if random.chance(15) { pairs.append(("lang", random.pick(["en", "sw", "fr|pt-BR", "PT-br", "en|sw"]))) }
        if random.chance(10) { pairs.append(("breaking", random.chance(50) ? "true" : "false")) }
        let from = Timestamp.at("2023-01-01T00:00:00Z").secondsSince1970 + Int64(random.int(0...900)) * 86_400
        if random.chance(20) {
            pairs.append(("from", random.chance(50) ? Timestamp(secondsSince1970: from).rfc3339 : String(Timestamp(secondsSince1970: from).rfc3339.prefix(10))))
        }
        if random.chance(20) {
            let to = Timestamp(secondsSince1970: from + Int64(random.int(1...400)) * 86_400 + Int64(random.int(0...86_399)))
            pairs.append(("to", random.chance(50) ? to.rfc3339 : String(to.rfc3339.prefix(10))))
        }
        var sorts = ["newest", "oldest", "updated"]
        if hasQ { sorts.append("relevance") }
        if random.chance(60) { pairs.append(("sort", random.pick(sorts))) }
        if random.chance(40) { pairs.append(("status", random.pick(["draft", "published", "archived", "any"]))) }
        return pairs
    }

    /// A handful of "now"s across the articles' publish range, so many are scheduled at some of them.
    public static let nows: [Timestamp] = [
        .at("2023-06-01T00:00:00Z"), .at("2024-06-01T12:00:00Z"), .at("2025-01-01T00:00:00Z"), .at("2030-01-01T00:00:00Z"),
    ]
}
