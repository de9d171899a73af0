/// The client connection preface of HTTP/2 with prior knowledge (RFC 9113 §3.4). Only the first bytes of a
/// new connection are compared with it; anywhere else `PRI * HTTP/2.0` is an HTTP/1 request line (505).
enum HTTP2Preface {
    static let bytes = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)

    enum Match { case complete, partial, none }

    /// Whether `received` starts with the preface (`partial`: everything so far matches, more is needed).
    static func match(_ received: ArraySlice<UInt8>) -> Match {
        let count = min(received.count, bytes.count)
        guard count > 0, received.prefix(count).elementsEqual(bytes.prefix(count)) else { return .none }
        return count == bytes.count ? .complete : .partial
    }
}
