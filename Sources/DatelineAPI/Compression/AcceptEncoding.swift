import HTTPServer

/// What a request's `Accept-Encoding` allows (RFC 9110 §12.5.3), reduced to the two codings Dateline
/// sends: gzip and identity. Quality values are kept in thousandths (`q=0.5` is 500).
///
/// Parsing reads the header's bytes once and allocates nothing; the values browsers and tools send
/// (`gzip, deflate, br`, …) and an absent header are recognised before any parsing.
struct AcceptEncoding: Equatable {
    /// gzip's quality; 0 means gzip must not be sent.
    var gzip: Int
    /// identity's quality; 0 when the client refuses an uncompressed body (`identity;q=0`, `*;q=0`), which
    /// only makes gzip win.
    var identity: Int

    /// No `Accept-Encoding`: identity only (RFC 9110: any coding is then acceptable, but a server that
    /// compresses for such a client breaks the clients that cannot decode it).
    static let identityOnly = AcceptEncoding(gzip: 0, identity: 1000)
    /// gzip and identity at q=1: gzip is sent.
    static let gzipPreferred = AcceptEncoding(gzip: 1000, identity: 1000)

    /// Whether gzip is the better of the two for this client: allowed, and rated at least as high as
    /// identity (`gzip;q=0.5, identity` keeps identity).
    var prefersGzip: Bool { gzip > 0 && gzip >= identity }

    /// What every `Accept-Encoding` field of `headers` allows, taken together.
    init(_ headers: HTTPHeaders) {
        var parse = Parse()
        var seen = false
        for (name, value) in headers where Self.isAcceptEncoding(name) {
            seen = true
            if let known = Self.common(value) { parse.merge(known); continue }
            parse.read(value)
        }
        self = seen ? parse.result : .identityOnly
    }

    /// What one header value allows.
    init(parsing value: String) {
        var parse = Parse()
        parse.read(value)
        self = parse.result
    }

    init(gzip: Int, identity: Int) {
        self.gzip = gzip
        self.identity = identity
    }

    /// The values real clients send, answered without parsing: browsers, curl `--compressed`, wrk setups.
    private static func common(_ value: String) -> Parse? {
        switch value {
        case "gzip, deflate, br, zstd", "gzip, deflate, br", "gzip, deflate", "gzip", "deflate, gzip, br, zstd",
             "deflate, gzip":
            Parse(gzip: 1000)
        default:
            nil
        }
    }

    private static func isAcceptEncoding(_ name: String) -> Bool {
        name.utf8.count == 15 && asciiLowercaseEquals(name.utf8, "accept-encoding")
    }

    /// The quality values found so far; -1 is "not named".
    private struct Parse {
        var gzip = -1
        var identity = -1
        var star = -1

        /// gzip needs naming (or `*`); identity is acceptable unless excluded, but only as a fallback when
        /// it is not named (so `gzip;q=0.5` still gets gzip).
        var result: AcceptEncoding {
            AcceptEncoding(
                gzip: gzip >= 0 ? gzip : max(star, 0),
                identity: identity >= 0 ? identity : (star >= 0 ? star : 1)
            )
        }

        mutating func merge(_ other: Parse) {
            if other.gzip >= 0 { gzip = other.gzip }
            if other.identity >= 0 { identity = other.identity }
            if other.star >= 0 { star = other.star }
        }

        /// Reads `coding[;q=value][;other=params], …`. An element with a malformed q-value is ignored.
        mutating func read(_ value: String) {
            var value = value
            value.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    var end = index
                    while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
                    element(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end + 1
                }
            }
        }

        private mutating func element(_ bytes: UnsafeBufferPointer<UInt8>) {
            // The coding runs to the first `;`; each parameter to the next.
            var end = 0
            while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
            let coding = Self.trimmed(bytes[0..<end])
            var quality = 1000
            while end < bytes.count {
                let start = end + 1
                end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
                let parameter = Self.trimmed(bytes[start..<end])
                guard parameter.count >= 2, parameter[parameter.startIndex] | 0x20 == UInt8(ascii: "q"),
                      parameter[parameter.startIndex + 1] == UInt8(ascii: "=") else { continue }
                guard let q = Self.quality(parameter.dropFirst(2)) else { return }
                quality = q
            }
            if asciiLowercaseEquals(coding, "gzip") || asciiLowercaseEquals(coding, "x-gzip") {
                gzip = quality
            } else if asciiLowercaseEquals(coding, "identity") {
                identity = quality
            } else if coding.count == 1, coding.first == UInt8(ascii: "*") {
                star = quality
            }
        }

        /// `0`, `0.5`, `0.125`, `1`, `1.000` (RFC 9110 §12.4.2) in thousandths; nil for anything else.
        private static func quality(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
            guard let first = text.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1"),
                  text.count <= 5 else { return nil }
            var value = Int(first - UInt8(ascii: "0")) * 1000
            guard text.count > 1 else { return value }
            guard text[text.startIndex + 1] == UInt8(ascii: ".") else { return nil }
            var scale = 100
            for digit in text.dropFirst(2) {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
                value += Int(digit - UInt8(ascii: "0")) * scale
                scale /= 10
            }
            return value <= 1000 ? value : nil
        }

        private static func trimmed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
            var bytes = bytes
            while let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { bytes = bytes.dropFirst() }
            while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes = bytes.dropLast() }
            return bytes
        }
    }
}

/// Whether `bytes`, ASCII-lowercased, equal `lowercase` (which must be lowercase ASCII).
func asciiLowercaseEquals(_ bytes: some Collection<UInt8>, _ lowercase: StaticString) -> Bool {
    guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
    var index = 0
    for byte in bytes {
        let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
        guard lowered == lowercase.utf8Start[index] else { return false }
        index += 1
    }
    return true
}
