import DatelineTesting
@testable import HTTPServer
import Testing

/// Inputs the fuzz targets (Fuzz/, `make fuzz`) found to break an invariant, kept here so each bug stays
/// fixed. Each test names the target and the input it found.
@Suite("Fuzz findings: HTTP/1.1", .timeLimit(.minutes(1)))
struct HTTPFuzzFindingsTests {
    /// Feeds `bytes` `pieceSize` at a time, as reads arrive, and returns the requests and the failure, if any.
    private func parse(_ bytes: [UInt8], pieceSize: Int, limits: RequestParser.Limits = .init()) -> (requests: [HTTPRequest], failure: HTTPServerError?) {
        var parser = RequestParser(limits: limits)
        var buffer: [UInt8] = []
        var start = 0
        var requests: [HTTPRequest] = []
        for offset in stride(from: 0, to: bytes.count, by: pieceSize) {
            buffer += bytes[offset..<min(offset + pieceSize, bytes.count)]
            while true {
                let (consumed, event) = buffer.withUnsafeBufferPointer { parser.parse(UnsafeBufferPointer(rebasing: $0[start...])) }
                start += consumed
                switch event {
                case .needMore: break
                case .expectsContinue: continue
                case .request(let request):
                    requests.append(request)
                    continue
                case .failure(let error, _): return (requests, error)
                }
                break
            }
        }
        return (requests, nil)
    }

    // Target http1, input `\0 \r\n\r\n\0` (fed a byte at a time): the empty line was skipped when its CR and
    // LF came in one read, but read apart the CR was taken for the end of an empty request line: 400.
    @Test("An empty line before a request is ignored even when its CR and LF arrive in different reads")
    func emptyLineSplitAcrossReads() {
        let bytes = Array("\r\n\r\nGET /articles HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        for pieceSize in [1, 2, 3, bytes.count] {
            let (requests, failure) = parse(bytes, pieceSize: pieceSize)
            #expect(failure == nil, "in pieces of \(pieceSize)")
            #expect(requests.map(\.path) == ["/articles"], "in pieces of \(pieceSize)")
        }
        // A lone CR that is not followed by LF is still refused.
        #expect(parse(Array("\rGET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8), pieceSize: 1).failure != nil)
    }

    // Target query, input `\u{657}\u{657}\u{FFFD}` as the query of /articles: `?` followed by a combining
    // mark is one Character, so the request line found no `?` and the whole target became the path (404).
    @Test("A target splits at the byte '?' even when a combining mark follows it")
    func questionMarkBeforeCombiningMark() throws {
        let (requests, failure) = parse(Array("GET /articles?\u{301}x=1 HTTP/1.1\r\nHost: x\r\n\r\n".utf8), pieceSize: 4096)
        #expect(failure == nil)
        let request = try #require(requests.first)
        #expect(request.path == "/articles")
        #expect(request.query == "\u{301}x=1")

        let absolute = try #require(parse(Array("GET http://x/\u{301}a?\u{301}b HTTP/1.1\r\nHost: x\r\n\r\n".utf8), pieceSize: 4096).requests.first)
        #expect(absolute.path == "/\u{301}a")
        #expect(absolute.query == "\u{301}b")
    }

    // Target http1, input 222 bytes of junk, `1`, then a bare LF (limit 200, reads of 37 bytes): fed whole it
    // was 400 (bare LF), fed in pieces 414 (too long), because the limits were only checked where reads
    // ended. Likewise a head whose fields fill the limit exactly was 431 when a read ended before its last LF.
    @Test("The limits give the same answer however the head is cut into reads")
    func limitsIndependentOfReads() {
        let limits = RequestParser.Limits(maxRequestLineBytes: 200, maxHeaderBytes: 600, maxHeaderCount: 12, maxBodyBytes: 2000)
        let junk = [UInt8](repeating: 0x03, count: 110) + [UInt8](repeating: 0x96, count: 112) + Array("1\n".utf8)
        for pieceSize in [1, 37, junk.count] {
            #expect(parse(junk, pieceSize: pieceSize, limits: limits).failure == .requestLineTooLong(limit: 200), "in pieces of \(pieceSize)")
        }
        // Fields of exactly 600 bytes (with their CRLFs) are allowed, 601 are not, whatever the reads.
        for (fieldBytes, allowed) in [(600, true), (601, false)] {
            let field = "X-Fill: " + String(repeating: "a", count: fieldBytes - "X-Fill: \r\n".utf8.count - "Host: x\r\n".utf8.count)
            let head = Array("GET / HTTP/1.1\r\nHost: x\r\n\(field)\r\n\r\n".utf8)
            for pieceSize in [1, head.count - 1, head.count] {
                let (requests, failure) = parse(head, pieceSize: pieceSize, limits: limits)
                #expect(requests.count == (allowed ? 1 : 0), "\(fieldBytes) bytes in pieces of \(pieceSize)")
                #expect(failure == (allowed ? nil : .headersTooLarge(limit: 600)), "\(fieldBytes) bytes in pieces of \(pieceSize)")
            }
        }
    }

    // Found while fixing the above: a trailer section with a bare LF was 431 or 400 depending on the reads.
    @Test("A bare LF in the trailers is 400 however the body is cut into reads")
    func trailerBareLFIndependentOfReads() {
        let limits = RequestParser.Limits(maxRequestLineBytes: 200, maxHeaderBytes: 60, maxHeaderCount: 12, maxBodyBytes: 2000)
        let request = Array("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nA: b\n".utf8)
            + [UInt8](repeating: UInt8(ascii: "c"), count: 100)
        for pieceSize in [1, request.count - 100, request.count] {
            #expect(parse(request, pieceSize: pieceSize, limits: limits).failure == .invalidChunk("a trailer line ends in a bare LF"),
                    "in pieces of \(pieceSize)")
        }
    }

    // The query finding's input over HTTP/2: `:path` was split at the byte `?`, but the query began one
    // Character later, so a combining mark right after `?` was dropped from it.
    @Test("Over HTTP/2 a combining mark right after '?' stays in the query")
    func http2QueryKeepsCombiningMark() async throws {
        try await withTestServer(responder: HTTP2Responder()) { _, port in
            let client = try HTTP2Client(port: port)
            let echo = try client.get("/p?\u{301}x=1")
            #expect(echo.bodyText == "GET /p \u{301}x=1 ")
        }
    }

    // Target chunked, a last chunk then a 620-byte trailer line of control characters ending in CRLF (limit
    // 600): fed whole it was 400 (the field checked first), fed a byte at a time 431 (too long before its end).
    @Test("A trailer line over the limit is 431 however the body is cut into reads")
    func longInvalidTrailerIndependentOfReads() {
        let limits = RequestParser.Limits(maxRequestLineBytes: 200, maxHeaderBytes: 600, maxHeaderCount: 12, maxBodyBytes: 2000)
        let request = Array("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n".utf8)
            + [UInt8](repeating: 0x1C, count: 620) + Array("\r\n\r\n".utf8)
        for pieceSize in [1, 64, request.count] {
            #expect(parse(request, pieceSize: pieceSize, limits: limits).failure == .headersTooLarge(limit: 600), "in pieces of \(pieceSize)")
        }
    }

    // Target chunked (in CI), trailer lines filling the 600-byte limit exactly, then the empty line: fed whole
    // the request was parsed, fed a byte at a time 431, because the final empty line's CR was counted before
    // its LF arrived.
    @Test("Trailers that fill the limit exactly are accepted however the body is cut into reads")
    func trailersFillingTheLimitIndependentOfReads() {
        let limits = RequestParser.Limits(maxRequestLineBytes: 200, maxHeaderBytes: 600, maxHeaderCount: 12, maxBodyBytes: 2000)
        // Six trailer lines of 98 bytes plus CRLF: 600 bytes.
        let trailers = (0..<6).map { index in "T\(index): " + String(repeating: "v", count: 94) + "\r\n" }.joined()
        let request = Array(("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n" + trailers + "\r\n").utf8)
        for pieceSize in [1, 2, 7, request.count] {
            let (requests, failure) = parse(request, pieceSize: pieceSize, limits: limits)
            #expect(failure == nil, "in pieces of \(pieceSize)")
            #expect(requests.map(\.body) == [Array("x".utf8)], "in pieces of \(pieceSize)")
        }
        // One byte more is 431 whichever way it arrives.
        let over = Array(("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: y" + trailers + "\r\n").utf8)
        for pieceSize in [1, 2, 7, over.count] {
            #expect(parse(over, pieceSize: pieceSize, limits: limits).failure == .headersTooLarge(limit: 600), "in pieces of \(pieceSize)")
        }
    }
}
