/// The chunked body decoder: a head announcing `Transfer-Encoding: chunked`, then the input as the body (and
/// whatever follows it), cut into reads as in `fuzzHTTP1`. Same result whole or in pieces; a decoded body
/// never exceeds the limit (checked by the driver).
func fuzzChunked(_ input: UnsafeBufferPointer<UInt8>) {
    guard let first = input.first else { return }
    let bytes = chunkedHead + Array(input[1...])
    bytes.withUnsafeBufferPointer { bytes in
        let whole = ParserDriver.run(bytes, pieceSize: Int.max)
        let pieces = ParserDriver.run(bytes, pieceSize: Int(first & 63) + 1)
        check(whole == pieces, "fed whole: \(whole); fed in pieces of \(Int(first & 63) + 1): \(pieces)")
    }
}

private let chunkedHead = Array("POST /articles HTTP/1.1\r\nHost: fuzz\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
