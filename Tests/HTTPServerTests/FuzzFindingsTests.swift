@testable import HTTPServer
import Testing

/// Inputs the fuzz targets (Fuzz/, `make fuzz`) found to break an invariant, kept here so each bug stays
/// fixed. Each test names the target and the input it found.
@Suite("Fuzz findings: HTTP/1.1", .timeLimit(.minutes(1)))
struct HTTPFuzzFindingsTests {
    /// Feeds `bytes` `pieceSize` at a time, as reads arrive, and returns the requests and the failure, if any.
    private func parse(_ bytes: [UInt8], pieceSize: Int) -> (requests: [HTTPRequest], failure: HTTPServerError?) {
        var parser = RequestParser(limits: .init())
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
}
