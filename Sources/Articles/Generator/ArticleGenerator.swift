/// A deterministic generator of realistic articles (a Swift port of /work/shared/bench/gen_articles.py's
/// shape: same field sizes, Zipf-like tags including the places list (sudan, ukraine, ...), ~12% non-English
/// (sw, fr, pt-BR with diacritics), ~90% published/7% draft/3% archived, ids "a000000001"...). Need not be
/// byte-identical to the Python. Same count+seed → same output. Used by `dateline generate N`, tests, benchmarks.
public struct ArticleGenerator {
    /// The seed: the same seed and count give the same articles.
    public var seed: UInt64

    /// A generator whose output depends only on `seed` (and the count asked for).
    public init(seed: UInt64 = 20250906) {
        self.seed = seed
    }

    /// `count` articles with ids a000000000, a000000001, ... and unique slugs.
    public func generate(count: Int) -> [Article] {
        var random = SplitMix64(seed: seed)
        let vocabulary = Vocabulary.shared
        let authors = (0..<200).map { _ in
            "\(random.pick(Vocabulary.firstNames)) \(random.pick(Vocabulary.lastNames))"
        }
        let start: Int64 = 1_672_531_200  // 2023-01-01T00:00:00Z
        let span: Int64 = 1000 * 86_400
        var slugs: Set<String> = []
        var articles: [Article] = []
        articles.reserveCapacity(max(0, count))
        for number in 0..<max(0, count) {
            let language = vocabulary.language(random.unit())
            func sentence(_ low: Int, _ high: Int) -> String {
                let length = random.int(in: low...high)
                var words: [String] = []
                words.reserveCapacity(length)
                for _ in 0..<length { words.append(random.pick(language.words)) }
                let text = words.joined(separator: " ")
                return text.prefix(1).uppercased() + text.dropFirst()
            }
            let title = String(sentence(6, 14).prefix(110))
            let summary = String((sentence(18, 30) + ". " + sentence(8, 14) + ".").prefix(300))
            var paragraphs: [String] = []
            for _ in 0..<random.int(in: 3...9) {
                var sentences: [String] = []
                for _ in 0..<random.int(in: 3...6) { sentences.append(sentence(8, 22)) }
                paragraphs.append(sentences.joined(separator: ". ") + ".")
            }
            let base = Slug.derive(from: title) ?? "article-\(number)"
            let slug = Slug.unique(base) { slugs.contains($0) }
            slugs.insert(slug)
            let published = start + Int64(random.next() % UInt64(span))
            let created = published - Int64(random.int(in: 5...600)) * 60
            let updated = published + Int64(random.pick([0, 0, 0, 5, 30, 240])) * 60
            let roll = random.unit()
            let status: ArticleStatus = roll < 0.90 ? .published : roll < 0.97 ? .draft : .archived
            var tags: [String] = []
            for _ in 0..<random.int(in: 2...6) {
                let tag = vocabulary.tag(random.unit())
                if !tags.contains(tag) { tags.append(tag) }
            }
            let id = "a" + String(repeating: "0", count: max(0, 9 - String(number).count)) + String(number)
            articles.append(Article(
                id: id,
                slug: slug,
                title: title,
                summary: summary,
                body: paragraphs.joined(separator: "\n\n"),
                author: random.pick(authors),
                category: random.pick(Vocabulary.categories),
                tags: tags,
                language: language.code,
                breaking: random.unit() < 0.02,
                status: status,
                publishedAt: Timestamp(secondsSince1970: published),
                createdAt: Timestamp(secondsSince1970: created),
                updatedAt: Timestamp(secondsSince1970: updated),
                related: [],
                version: 0
            ))
        }
        return articles
    }
}

/// SplitMix64: tiny, fast, and the same on every platform (the standard library's generators are not seedable).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ values: [T]) -> T {
        values[Int(next() % UInt64(values.count))]
    }
}
