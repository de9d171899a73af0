public import Articles

/// The texts a database's full-text index is built on, one per ranked field, and the match expressions for `q`.
///
/// Folding happens here, in Swift (`TextFolding`), so every store agrees on ß→ss, ø→o and the rest; the
/// database only splits the folded text at spaces. To make that split certain whatever the database's
/// tokenizer thinks of a script, each folded word becomes one token of ASCII letters and digits: a word that is
/// already such (and does not start with `x`) stays as it is, any other becomes `x` and its UTF-8 bytes in hex
/// (`москва` → `xd0bcd0bed181d0bad0b2d0b0`, `xenon` → `x78656e6f6e`). The mapping is one-to-one, so the index
/// matches exactly the articles that have every word of the query somewhere.
///
/// The fields are those of the relevance rule (`Relevance`): the title, the summary with the tags, and the body.
/// Between the summary and each tag stands `separator`, a token no word maps to, so a phrase matches inside
/// the summary or inside one tag, never across them, as in the memory store. A database matches a phrase only
/// inside one field (FTS5 columns, one tsvector per field), so the index's answer is the memory store's
/// exactly, and the score is the database's to compute.
public enum SearchText {
    /// The three indexed texts of an article: tokens separated by spaces.
    public struct Fields: Equatable, Sendable {
        /// The title's tokens (weight 100).
        public var title: String
        /// The summary's tokens, then each tag's after `separator` (weight 10).
        public var summary: String
        /// The body's tokens (weight 1).
        public var body: String
    }

    /// The token between the summary and each tag: `x` then a letter that is no hex digit, so no word's token.
    public static let separator = "xz"

    /// The indexed texts of `article`.
    public static func fields(of article: Article) -> Fields {
        var summary: [UInt8] = []
        if let text = article.summary { add(text, to: &summary) }
        for tag in article.tags {
            if !summary.isEmpty { summary.append(0x20) }
            summary.append(contentsOf: separator.utf8)
            add(tag, to: &summary)
        }
        return Fields(title: tokens(article.title), summary: String(decoding: summary, as: UTF8.self), body: tokens(article.body))
    }

    /// The tokens of `text`'s folded words, space-separated.
    static func tokens(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        add(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func add(_ text: String, to out: inout [UInt8]) {
        for word in TextFolding.words(in: text) {
            if !out.isEmpty { out.append(0x20) }
            appendToken(word, to: &out)
        }
    }

    /// The index token of one folded word.
    public static func token(_ word: String) -> String {
        var out: [UInt8] = []
        appendToken(word, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func appendToken(_ word: String, to out: inout [UInt8]) {
        let bytes = word.utf8
        let plain = bytes.first != UInt8(ascii: "x")
            && bytes.allSatisfy { $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x30 && $0 <= 0x39 }
        if plain {
            out.append(contentsOf: bytes)
            return
        }
        out.append(UInt8(ascii: "x"))
        for byte in bytes {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
    }
}
