/// Which responses are worth compressing.
enum Compressible {
    /// Bodies below this many bytes are sent as they are: gzip's header and the client's work cost more
    /// than the bytes saved.
    static let minimumLength = 1024

    /// Text-like media types: JSON (and problem+json), `text/*`, JavaScript, SVG, XML. Not
    /// `text/event-stream`, whose events must reach the client as they are written, and not images,
    /// fonts or archives, which are compressed already.
    static func isCompressible(contentType: String) -> Bool {
        var mediaType = contentType.utf8[...]
        if let semicolon = mediaType.firstIndex(of: UInt8(ascii: ";")) { mediaType = mediaType[..<semicolon] }
        while let last = mediaType.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { mediaType = mediaType.dropLast() }
        if startsWithLowercase(mediaType, "text/") { return !asciiLowercaseEquals(mediaType, "text/event-stream") }
        for type in types where asciiLowercaseEquals(mediaType, type) { return true }
        // Structured syntax suffixes (RFC 6839): application/ld+json, application/atom+xml, …
        return endsWithLowercase(mediaType, "+json") || endsWithLowercase(mediaType, "+xml")
    }

    private static let types: [StaticString] = [
        "application/json", "application/javascript", "application/xml", "image/svg+xml",
    ]

    private static func startsWithLowercase(_ bytes: Substring.UTF8View, _ prefix: StaticString) -> Bool {
        bytes.count >= prefix.utf8CodeUnitCount
            && asciiLowercaseEquals(bytes.prefix(prefix.utf8CodeUnitCount), prefix)
    }

    private static func endsWithLowercase(_ bytes: Substring.UTF8View, _ suffix: StaticString) -> Bool {
        bytes.count >= suffix.utf8CodeUnitCount
            && asciiLowercaseEquals(bytes.suffix(suffix.utf8CodeUnitCount), suffix)
    }
}
