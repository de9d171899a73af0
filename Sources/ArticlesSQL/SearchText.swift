public import Articles

/// The text a database's full-text index is built on, and the match expression for `q`.
///
/// Folding happens here, in Swift (`TextFolding`), so every store agrees on ß→ss, ø→o and the rest; the
/// database only splits the folded text at spaces. To make that split certain whatever the database's
/// tokenizer thinks of a script, each folded word becomes one token of ASCII letters and digits: a word that is
/// already such (and does not start with `x`) stays as it is, any other becomes `x` and its UTF-8 bytes in hex
/// (`москва` → `xd0bcd0bed181d0bad0b2d0b0`, `xenon` → `x78656e6f6e`). The mapping is one-to-one, so the index
/// matches exactly the articles that have every word of the query somewhere (and each phrase's words in a run);
/// the phrase check per field and the ranking are then `Relevance.score`'s.
public enum SearchText {
    /// The indexed text of `article`: the tokens of its title, summary, tags and body, space-separated.
    public static func indexed(_ article: Article) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(article.title.utf8.count + (article.summary?.utf8.count ?? 0) + article.body.utf8.count + 64)
        func add(_ text: String) {
            for word in TextFolding.words(in: text) {
                if !out.isEmpty { out.append(0x20) }
                appendToken(word, to: &out)
            }
        }
        add(article.title)
        if let summary = article.summary { add(summary) }
        for tag in article.tags { add(tag) }
        add(article.body)
        return String(decoding: out, as: UTF8.self)
    }

    /// The index token of one folded word.
    public static func token(_ word: String) -> String {
        var out: [UInt8] = []
        appendToken(word, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The expression that finds the articles that may match `search`: every term as a word, every phrase as
    /// consecutive words of the indexed text (an FTS5 query of quoted tokens and quoted runs for SQLite, a
    /// `to_tsquery` text with `<->` for PostgreSQL). A phrase inside one field is consecutive in the indexed
    /// text too, so nothing that matches is missed; a run across two fields is a candidate that
    /// `Relevance.score` then drops.
    public static func match(_ search: SearchQuery, dialect: SQLDialect) -> String {
        let terms = search.terms.map(token)
        let phrases = search.phrases.map { $0.map(token) }
        switch dialect {
        case .sqlite:
            return (terms.map { "\"\($0)\"" } + phrases.map { "\"\($0.joined(separator: " "))\"" }).joined(separator: " ")
        case .postgres:
            let runs = phrases.map { "(" + $0.map { "'\($0)'" }.joined(separator: " <-> ") + ")" }
            return (terms.map { "'\($0)'" } + runs).joined(separator: " & ")
        }
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
