/// HTTP/1.1's `Upgrade: h2c` (RFC 7540 §3.2): which requests may switch, and what the server answers.
enum HTTP2Upgrade {
    static let switchingProtocols = Array("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n".utf8)

    /// The decoded SETTINGS payload of an HTTP/1.1 request that asks for h2c the way the RFC requires (the
    /// `h2c` upgrade token, `Upgrade` and `HTTP2-Settings` in `Connection`, exactly one `HTTP2-Settings` in
    /// base64url); nil means the request is answered over HTTP/1.1 as if it had not asked.
    static func settings(of request: HTTPRequest) -> [UInt8]? {
        guard request.version == .http1_1,
              request.headers.hasToken("h2c", in: "Upgrade"),
              request.headers.hasToken("Upgrade", in: "Connection"),
              request.headers.hasToken("HTTP2-Settings", in: "Connection") else { return nil }
        let values = request.headers.values(for: "HTTP2-Settings")
        guard values.count == 1 else { return nil }
        return decodeBase64URL(values[0].trimmingOWS)
    }

    /// base64url without padding (a trailing `=` is tolerated); nil for anything else.
    static func decodeBase64URL(_ text: some StringProtocol) -> [UInt8]? {
        var bytes: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        var sawPadding = false
        for character in text.utf8 {
            let value: UInt32
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(character - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(character - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(character - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="):
                sawPadding = true
                continue
            default: return nil
            }
            if sawPadding { return nil }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return bits == 6 ? nil : bytes   // six bits left over cannot come from whole bytes
    }
}
