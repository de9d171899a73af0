/// Strong entity tags and `If-None-Match` evaluation (RFC 9110 §8.8.3, §13.1.2).
enum EntityTag {
    /// A strong tag from the representation's bytes: their xxHash64, so equal bytes always get the same tag
    /// (on every instance and after a restart).
    static func of(_ body: [UInt8]) -> String {
        let hex = String(XXHash64.hash(body), radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    /// Whether `If-None-Match` (a list of tags or `*`) matches `tag` (an identity form's strong tag) or the tag
    /// of its gzip form; weak comparison, as the RFC asks for GET.
    static func noneMatchHits(_ header: String, tag: String) -> Bool {
        for candidate in header.split(separator: ",") {
            var value = candidate.trimmingSpaces
            if value == "*" { return true }
            if value.hasPrefix("W/") { value = value.dropFirst(2) }
            if isEitherForm(value, of: tag) { return true }
        }
        return false
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var value = self
        while let first = value.first, first == " " || first == "\t" { value = value.dropFirst() }
        while let last = value.last, last == " " || last == "\t" { value = value.dropLast() }
        return value
    }
}
