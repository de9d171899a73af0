public import Foundation

/// Writes the same shape (for `dateline export` later): a compact JSON array, fields in the contract's order,
/// absent optional fields as null. `ArticleImport.decode` reads it back to equal articles (but `version`).
public enum ArticleExport {
    /// The articles as one JSON array in the contract's shape.
    public static func encode(_ articles: [Article]) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(articles.count * 4096 + 2)
        out.append(UInt8(ascii: "["))
        for (position, article) in articles.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"id":"#.utf8)
            appendString(article.id, to: &out)
            field("slug", article.slug, &out)
            field("title", article.title, &out)
            field("summary", article.summary, &out)
            field("body", article.body, &out)
            field("author", article.author, &out)
            field("category", article.category, &out)
            key("tags", &out)
            appendArray(article.tags, to: &out)
            field("language", article.language, &out)
            key("breaking", &out)
            out.append(contentsOf: (article.breaking ? "true" : "false").utf8)
            field("status", article.status.rawValue, &out)
            key("publishedAt", &out)
            if let publishedAt = article.publishedAt { appendTimestamp(publishedAt, to: &out) } else { out.append(contentsOf: "null".utf8) }
            key("createdAt", &out)
            appendTimestamp(article.createdAt, to: &out)
            key("updatedAt", &out)
            appendTimestamp(article.updatedAt, to: &out)
            key("related", &out)
            appendArray(article.related, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "]\n".utf8)
        return Data(out)
    }

    private static func key(_ name: String, _ out: inout [UInt8]) {
        out.append(contentsOf: ",\"\(name)\":".utf8)
    }

    private static func field(_ name: String, _ value: String?, _ out: inout [UInt8]) {
        key(name, &out)
        if let value { appendString(value, to: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    private static func appendTimestamp(_ value: Timestamp, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        value.appendRFC3339(to: &out)
        out.append(UInt8(ascii: "\""))
    }

    private static func appendArray(_ values: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (position, value) in values.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            appendString(value, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as UTF-8, copied
    /// in runs.
    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default: out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
