/// `If-Match` evaluation (RFC 9110 §13.1.1): strong comparison, `*` matches any current representation.
enum IfMatch {
    /// Whether the header's list of tags (or `*`) matches `tag`, the current identity representation's strong
    /// tag, or the tag of its gzip form (an editor may have read either).
    static func matches(_ header: String, tag: String) -> Bool {
        for candidate in header.split(separator: ",") {
            let value = candidate.trimmingSpaces
            if value == "*" { return true }
            // A weak tag never matches in a strong comparison.
            if EntityTag.isEitherForm(value, of: tag) { return true }
        }
        return false
    }
}
