extension EntityTag {
    /// The suffix, inside the quotes, that tells the gzip form's tag from the identity form's.
    static let gzipSuffix = "-gzip"

    /// The strong tag of the gzip form of the representation tagged `tag`: `"abc"` becomes `"abc-gzip"`.
    /// The two forms are different bytes, so they need different strong tags (RFC 9110 §8.8.3.3); deriving
    /// one from the other lets a validator of either form be checked against the identity tag alone.
    static func gzipForm(of tag: String) -> String {
        guard tag.hasSuffix("\"") else { return tag }
        return String(tag.dropLast()) + gzipSuffix + "\""
    }

    /// Whether `candidate` (one element of an `If-None-Match` or `If-Match` list, trimmed) is `tag` or the
    /// tag of its gzip form.
    static func isEitherForm(_ candidate: Substring, of tag: String) -> Bool {
        if candidate == tag { return true }
        // Same opening (all of `tag` but its closing quote), then `-gzip"`.
        let closing = gzipSuffix.utf8.count + 1
        return candidate.utf8.count == tag.utf8.count + gzipSuffix.utf8.count
            && candidate.utf8.starts(with: tag.utf8.dropLast())
            && candidate.utf8.suffix(closing).elementsEqual((gzipSuffix + "\"").utf8)
    }
}
