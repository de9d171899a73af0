import CZlib

/// Decompression of gzip request bodies, bounded by the size of what comes out, so a small body that
/// inflates to gigabytes (a "gzip bomb") is refused after `limit` bytes instead of exhausting memory.
enum Inflate {
    enum Failure: Error, Equatable {
        /// The inflated body would exceed the limit.
        case tooLarge(limit: Int)
        /// Not gzip, corrupt, or cut short; the text says what zlib found.
        case malformed(String)
    }

    /// The concatenated content of every gzip member in `bytes` (as gunzip reads them).
    static func gunzip(_ bytes: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { throw .malformed("zlib could not start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        // A guess that avoids regrowing for ordinary JSON (which shrinks 3 to 10 times); never above the limit.
        output.reserveCapacity(min(limit, max(16 * 1024, bytes.count * 4)))
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        return try bytes.withUnsafeBufferPointer { input throws(Failure) in
            // zlib never writes through next_in; the cast only satisfies its non-const declaration.
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, out.count - Int(stream.avail_out))
                }
                guard output.count + produced <= limit else { throw .tooLarge(limit: limit) }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    // Another member may follow (RFC 1952 §2.2); anything else after the end is garbage.
                    guard stream.avail_in > 0 else { return output }
                    guard inflateReset(&stream) == Z_OK else { throw .malformed("zlib could not restart") }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress with fresh room to write: the input ran out before the stream's end.
                    throw .malformed("the gzip stream ends early")
                default:
                    throw .malformed(stream.msg.map { String(cString: $0) } ?? "zlib error \(status)")
                }
            }
        }
    }
}
