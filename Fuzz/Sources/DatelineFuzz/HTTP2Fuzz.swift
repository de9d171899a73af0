/// The HTTP/2 path: the client preface, then the input as frames, sent to the real server on loopback, so
/// the bytes go through its nghttp2 session, stream handling and the application exactly as a client's do.
/// The server must answer and close (after the client's end) without trapping or hanging.
func fuzzHTTP2(_ input: UnsafeBufferPointer<UInt8>) {
    LoopbackServer.exchange(preface + Array(input))
}

/// `PRI * HTTP/2.0…` (RFC 9113 §3.4), which the fuzzer need not find by itself.
private let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)

/// The whole HTTP/1.1 connection on the real server: pipelining, `Expect: 100-continue`, the h2c upgrade,
/// keep-alive and errors, with the input as everything the client sends.
func fuzzConnection(_ input: UnsafeBufferPointer<UInt8>) {
    LoopbackServer.exchange(Array(input))
}
