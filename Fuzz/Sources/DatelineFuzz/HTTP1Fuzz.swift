/// The HTTP/1.1 request parser: the first byte picks how the rest is cut into reads (1 to 64 bytes each);
/// fed in those pieces it must say exactly what it says fed all at once, and never trap.
func fuzzHTTP1(_ input: UnsafeBufferPointer<UInt8>) {
    guard let first = input.first else { return }
    let bytes = UnsafeBufferPointer(rebasing: input[1...])
    let whole = ParserDriver.run(bytes, pieceSize: Int.max)
    let pieces = ParserDriver.run(bytes, pieceSize: Int(first & 63) + 1)
    check(whole == pieces, "fed whole: \(whole); fed in pieces of \(Int(first & 63) + 1): \(pieces)")
}
