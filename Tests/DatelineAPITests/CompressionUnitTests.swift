@testable import DatelineAPI
import HTTPServer
import Testing

@Suite("gzip, Accept-Encoding and ETag forms, as values", .timeLimit(.minutes(1)))
struct CompressionUnitTests {
    @Test("Accept-Encoding: q-values, gzip;q=0, identity;q=0, *, x-gzip, case, malformed q", arguments: [
        // (header, gzip wins)
        ("gzip", true),
        ("gzip, deflate, br", true),
        ("gzip, deflate, br, zstd", true),
        ("deflate, gzip", true),
        ("br", false),
        ("", false),
        ("gzip;q=0", false),
        ("gzip; q=0.000", false),
        ("GZIP;Q=1", true),
        ("x-gzip", true),
        ("*", true),
        ("*;q=0", false),
        ("*;q=0, identity", false),
        ("identity;q=0, gzip;q=0.1", true),
        ("gzip;q=0.5, identity;q=0.8", false),
        ("gzip;q=0.8, identity;q=0.5", true),
        ("gzip;q=0.5", true),
        ("gzip;q=0.5, *", false),
        ("identity", false),
        ("gzip;q=2", false),
        ("gzip;q=0.5.1", false),
        ("gzip;q=1.001", false),
        ("br;q=1, gzip;q=0.001", true),
        ("  gzip ; q=1 ; level=9 ", true),
        ("gzip;q=0, *", false),
    ])
    func acceptEncoding(header: String, gzipWins: Bool) {
        var headers = HTTPHeaders()
        headers.add("accept-encoding", header)
        #expect(AcceptEncoding(headers).prefersGzip == gzipWins, "\(header)")
        #expect(AcceptEncoding(parsing: header).prefersGzip == gzipWins, "\(header)")
    }

    @Test("No Accept-Encoding means identity; several fields are read together")
    func absentAndRepeated() {
        #expect(AcceptEncoding(HTTPHeaders()) == .identityOnly)
        #expect(!AcceptEncoding(HTTPHeaders([("Accept", "*/*")])).prefersGzip)
        #expect(AcceptEncoding(HTTPHeaders([("Accept-Encoding", "br"), ("Accept-Encoding", "gzip")])).prefersGzip)
        #expect(!AcceptEncoding(HTTPHeaders([("Accept-Encoding", "gzip"), ("Accept-Encoding", "gzip;q=0")])).prefersGzip)
        #expect(AcceptEncoding(parsing: "gzip;q=0.125, identity;q=0.1") == AcceptEncoding(gzip: 125, identity: 100))
    }

    @Test("gzip round-trips through inflate, equal input gives equal bytes, and the output is gzip")
    func roundTrip() throws {
        let text = Array(String(repeating: "Drought aid reaches Ethiopia. ", count: 200).utf8)
        let compressed = Gzip.compress(text)
        #expect(compressed.count < text.count / 5)
        #expect(Array(compressed.prefix(3)) == [0x1f, 0x8b, 0x08])
        #expect(Gzip.compress(text) == compressed)
        #expect(try Inflate.gunzip(compressed, limit: text.count) == text)
        #expect(try Inflate.gunzip(Gzip.compress([]), limit: 0) == [])
        // Two members, as `cat a.gz b.gz` makes, inflate to both contents.
        #expect(try Inflate.gunzip(Gzip.compress(Array("ab".utf8)) + Gzip.compress(Array("cd".utf8)), limit: 10) == Array("abcd".utf8))
    }

    @Test("Inflate stops at the limit of what comes out, and names corrupt or cut input")
    func inflateLimits() throws {
        let zeros = Gzip.compress([UInt8](repeating: 0, count: 4 * 1024 * 1024))
        #expect(zeros.count < 8 * 1024)
        #expect(throws: Inflate.Failure.tooLarge(limit: 1024 * 1024)) { try Inflate.gunzip(zeros, limit: 1024 * 1024) }
        #expect(try Inflate.gunzip(zeros, limit: 4 * 1024 * 1024).count == 4 * 1024 * 1024)

        let text = Gzip.compress(Array("{\"title\":\"x\"}".utf8))
        for bad in [Array("{\"title\":\"x\"}".utf8), Array(text.dropLast(4)), Array(text.prefix(5)), [], text + [0x00, 0x01]] {
            #expect(throws: Inflate.Failure.self) { try Inflate.gunzip(bad, limit: 1024) }
        }
        var corrupt = text
        corrupt[12] ^= 0xff
        #expect(throws: Inflate.Failure.self) { try Inflate.gunzip(corrupt, limit: 1024) }
    }

    @Test("The gzip form's tag is the identity tag with -gzip; If-None-Match and If-Match take either")
    func entityTagForms() {
        let tag = EntityTag.of(Array("body".utf8))
        let gzipTag = EntityTag.gzipForm(of: tag)
        #expect(gzipTag == String(tag.dropLast()) + "-gzip\"")
        #expect(EntityTag.noneMatchHits(gzipTag, tag: tag))
        #expect(EntityTag.noneMatchHits("W/\(gzipTag)", tag: tag))
        #expect(EntityTag.noneMatchHits("\"other\", \(gzipTag)", tag: tag))
        #expect(!EntityTag.noneMatchHits(String(tag.dropLast()) + "-br\"", tag: tag))
        #expect(!EntityTag.noneMatchHits("\"-gzip\"", tag: tag))
        #expect(IfMatch.matches(gzipTag, tag: tag))
        #expect(IfMatch.matches(tag, tag: tag))
        #expect(!IfMatch.matches("W/\(gzipTag)", tag: tag))
    }

    @Test("Compressible types: JSON, problem+json, text, JavaScript, SVG; not event streams or images", arguments: [
        ("application/json; charset=utf-8", true),
        ("application/problem+json", true),
        ("text/html; charset=utf-8", true),
        ("text/css", true),
        ("Text/Plain", true),
        ("text/javascript; charset=utf-8", true),
        ("application/javascript", true),
        ("image/svg+xml", true),
        ("application/manifest+json", true),
        ("text/event-stream", false),
        ("text/event-stream; charset=utf-8", false),
        ("image/png", false),
        ("font/woff2", false),
        ("application/octet-stream", false),
    ])
    func compressible(type: String, expected: Bool) {
        #expect(Compressible.isCompressible(contentType: type) == expected, "\(type)")
    }

    @Test("CORS origins: '*' or scheme://host[:port]")
    func corsOrigins() {
        for good in ["*", "https://news.example", "http://localhost:3000", "https://[::1]:8443"] {
            #expect(CORSPolicy.isValidOrigin(good), "\(good)")
        }
        for bad in ["news.example", "https://news.example/", "https://news.example/path", "https://", "", "https://a b"] {
            #expect(!CORSPolicy.isValidOrigin(bad), "\(bad)")
        }
        let policy = CORSPolicy(origins: ["https://News.Example"])
        #expect(policy.allowOrigin(for: "https://news.example") == "https://news.example")
        #expect(policy.allowOrigin(for: "https://news.example.evil") == nil)
        #expect(CORSPolicy(origins: ["*"]).allowOrigin(for: "null") == "*")
    }
}
