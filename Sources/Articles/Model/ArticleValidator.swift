/// Validation of a whole article against the contract's table (title 1-300 graphemes after trimming, summary
/// <= 1000, body required <= 200000, author <= 120, category slug-shaped, tags <= 20 slug-shaped <= 50 no dups,
/// language BCP 47, related ids <= 10, no dups, not itself ...). Returns every problem (location .field).
///
/// Existence of `related` ids is the store's check (it knows the other articles).
public enum ArticleValidator {
    /// Characters (grapheme clusters) after trimming.
    public static let maximumTitleLength = 300
    /// Characters.
    public static let maximumSummaryLength = 1000
    /// Characters.
    public static let maximumBodyLength = 200_000
    /// Characters.
    public static let maximumAuthorLength = 120
    /// Tags per article.
    public static let maximumTags = 20
    /// Characters per tag (and per category).
    public static let maximumTagLength = 50
    /// Editor-chosen related ids per article.
    public static let maximumRelated = 10

    /// Every rule `article` breaks, one entry each, in field order.
    public static func problems(in article: Article) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        func bad(_ name: String, _ message: String) { problems.append(.field(name, message)) }

        if !ArticleID.isValid(article.id) {
            bad("id", "must be 1 to \(ArticleID.maximumLength) lowercase letters and digits")
        }
        if !Slug.isValid(article.slug) {
            bad("slug", "must be lowercase letters and digits in words joined by single '-', at most \(Slug.maximumLength) characters")
        }
        let title = article.title.trimmingWhitespace
        if title.isEmpty {
            bad("title", "must not be empty")
        } else if exceeds(title, maximumTitleLength) {
            bad("title", "must be at most \(maximumTitleLength) characters (it has \(title.count))")
        }
        if let summary = article.summary, exceeds(summary, maximumSummaryLength) {
            bad("summary", "must be at most \(maximumSummaryLength) characters (it has \(summary.count))")
        }
        if article.body.trimmingWhitespace.isEmpty {
            bad("body", "must not be empty")
        } else if exceeds(article.body, maximumBodyLength) {
            bad("body", "must be at most \(maximumBodyLength) characters")
        }
        if let author = article.author {
            if author.trimmingWhitespace.isEmpty {
                bad("author", "must not be empty; leave it out instead")
            } else if exceeds(author, maximumAuthorLength) {
                bad("author", "must be at most \(maximumAuthorLength) characters")
            }
        }
        if !Slug.isSlugShaped(article.category, maximumLength: maximumTagLength) {
            bad("category", "must be one slug-shaped word such as 'world' or 'middle-east' (lowercase letters, digits, '-')")
        }
        if article.tags.count > maximumTags {
            bad("tags", "must have at most \(maximumTags) tags (it has \(article.tags.count))")
        }
        var seenTags: Set<String> = []
        for (index, tag) in article.tags.enumerated() {
            if !Slug.isSlugShaped(tag, maximumLength: maximumTagLength) {
                bad("tags[\(index)]", "must be slug-shaped (lowercase letters, digits, single '-') and at most \(maximumTagLength) characters")
            } else if !seenTags.insert(tag).inserted {
                bad("tags[\(index)]", "repeats the tag '\(tag)'")
            }
        }
        if !isLanguageTag(article.language) {
            bad("language", "must be a BCP 47 language tag such as 'en', 'sw' or 'pt-BR'")
        }
        if article.related.count > maximumRelated {
            bad("related", "must have at most \(maximumRelated) ids (it has \(article.related.count))")
        }
        var seenRelated: Set<String> = []
        for (index, id) in article.related.enumerated() {
            if !ArticleID.isValid(id) {
                bad("related[\(index)]", "must be an article id (lowercase letters and digits)")
            } else if id == article.id {
                bad("related[\(index)]", "must not be the article itself")
            } else if !seenRelated.insert(id).inserted {
                bad("related[\(index)]", "repeats the id '\(id)'")
            }
        }
        return problems
    }

    /// A well-formed BCP 47 tag: a 2-3 letter language (ISO 639), then subtags of 1-8 letters or digits.
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, tag.utf8.count <= 35 else { return false }
        let isLetter: (UInt8) -> Bool = { $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x41 && $0 <= 0x5A }
        let isAlphanumeric: (UInt8) -> Bool = { isLetter($0) || $0 >= 0x30 && $0 <= 0x39 }
        guard (2...3).contains(language.utf8.count), language.utf8.allSatisfy(isLetter) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.utf8.count) && $0.utf8.allSatisfy(isAlphanumeric) }
    }
}

extension ArticleValidator {
    /// More than `limit` characters (grapheme clusters). A character is at least one UTF-8 byte, so the
    /// costly count is made only for text with more bytes than the limit.
    static func exceeds(_ text: String, _ limit: Int) -> Bool {
        text.utf8.count > limit && text.count > limit
    }
}

extension String {
    /// Without leading and trailing whitespace and newlines.
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        if first == startIndex && index(after: last) == endIndex { return self }
        return String(self[first...last])
    }
}
