import CZlib

/// gzip (RFC 1952) through zlib, for response bodies.
enum Gzip {
    /// zlib's default trade-off; a cached answer is compressed once, so its size matters more than the time.
    static let defaultLevel: Int32 = 6

    /// `bytes` as one gzip member. Deterministic: the header carries no name and no time, so equal input at
    /// the same level gives equal output (which a strong ETag relies on).
    static func compress(_ bytes: [UInt8], level: Int32 = defaultLevel) -> [UInt8] {
        // A window (and hash table) no larger than the input compresses it just as well, and setting up
        // zlib's full 32 KiB window and 64 KiB hash costs more than compressing a 3 KiB article.
        var windowBits: Int32 = 9
        while windowBits < 15, 1 << windowBits < bytes.count { windowBits += 1 }
        let memLevel = max(1, min(8, windowBits - 7))
        var stream = z_stream()
        guard czlib_deflate_init_gzip(&stream, level, windowBits, memLevel) == Z_OK else {
            // Only on an out-of-memory or a bad level, which a constant rules out.
            preconditionFailure("deflateInit2 failed")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let written = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                // zlib never writes through next_in; the cast only satisfies its non-const declaration.
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                // deflateBound is enough for one Z_FINISH call, so the whole stream ends here.
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "deflate into deflateBound bytes did not finish: \(status)")
                return out.count - Int(stream.avail_out)
            }
        }
        output.removeLast(output.count - written)
        return output
    }
}
