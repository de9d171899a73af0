@testable import HTTPServer
import Testing

/// Feeds raw bytes to the parser, as the connection does, and collects what it says.
private func parseAll(_ raw: String, limits: RequestParser.Limits = .init(), chunkSize: Int? = nil) -> [RequestParser.Event] {
    var parser = RequestParser(limits: limits)
    var events: [RequestParser.Event] = []
    var buffer: [UInt8] = []
    var start = 0
    let bytes = Array(raw.utf8)
    let pieces: [[UInt8]] = chunkSize.map { size in stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) } } ?? [bytes]
    for piece in pieces {
        buffer += piece
        while true {
            let (consumed, event) = buffer.withUnsafeBufferPointer { parser.parse(UnsafeBufferPointer(rebasing: $0[start...])) }
            start += consumed
            if case .needMore = event { break }
            events.append(event)
            if case .failure = event { return events }
        }
    }
    return events
}

private func requests(_ events: [RequestParser.Event]) -> [HTTPRequest] {
    events.compactMap { if case .request(let request) = $0 { request } else { nil } }
}

private func failure(_ events: [RequestParser.Event]) -> HTTPServerError? {
    for event in events { if case .failure(let error, _) = event { return error } }
    return nil
}

@Suite("RequestParser", .timeLimit(.minutes(1)))
struct RequestParserTests {
    @Test("A simple GET: method, target, path, query, version, headers")
    func simpleGet() throws {
        let parsed = requests(parseAll("GET /articles?tag=a|b HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n"))
        let request = try #require(parsed.first)
        #expect(request.method == "GET")
        #expect(request.target == "/articles?tag=a|b")
        #expect(request.path == "/articles")
        #expect(request.query == "tag=a|b")
        #expect(request.version == .http1_1)
        #expect(request.headers["host"] == "x")
        #expect(request.headers["ACCEPT"] == "*/*")
        #expect(request.body.isEmpty)
    }

    @Test("Byte by byte gives the same requests as all at once, pipelined ones in order")
    func incremental() {
        let raw = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloPUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;name=\"v\"\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: t\r\n\r\n"
        for size in [nil, 1, 2, 7] as [Int?] {
            let parsed = requests(parseAll(raw, chunkSize: size))
            #expect(parsed.map(\.path) == ["/a", "/b", "/c"])
            #expect(parsed.map { String(decoding: $0.body, as: UTF8.self) } == ["", "hello", "abcde"])
        }
    }

    @Test("Empty lines before a request line are ignored; HTTP/1.0 needs no Host")
    func leniencies() {
        #expect(requests(parseAll("\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")).count == 1)
        #expect(requests(parseAll("GET / HTTP/1.0\r\n\r\n")).first?.version == .http1_0)
    }

    @Test("HTTP/1.x above 1.1 is handled as 1.1")
    func minorVersions() {
        #expect(requests(parseAll("GET / HTTP/1.2\r\nHost: x\r\n\r\n")).first?.version == .http1_1)
        #expect(requests(parseAll("GET / HTTP/1.9\r\nHost: x\r\n\r\n")).first?.version == .http1_1)
    }

    @Test("Absolute-form targets give their path and query")
    func absoluteForm() {
        let request = requests(parseAll("GET http://example.com/articles?limit=2 HTTP/1.1\r\nHost: example.com\r\n\r\n")).first
        #expect(request?.path == "/articles")
        #expect(request?.query == "limit=2")
    }

    @Test("Identical duplicate Content-Lengths are one length (RFC 9112 §6.3)")
    func duplicateLengths() {
        let parsed = requests(parseAll("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc"))
        #expect(parsed.first.map { String(decoding: $0.body, as: UTF8.self) } == "abc")
    }

    @Test("Expect: 100-continue is reported before the body, only when the body is still to come")
    func expectContinue() {
        let events = parseAll("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
        #expect(events.count == 1)
        if case .expectsContinue = events.first {} else { Issue.record("expected .expectsContinue, got \(events)") }
        let whole = parseAll("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc")
        #expect(requests(whole).count == 1)
        #expect(whole.count == 1)
    }

    static let rejected: [(String, HTTPServerError)] = [
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", .conflictingLength),
        ("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", .conflictingLength),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", .differingContentLengths),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\nabcd", .differingContentLengths),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -3\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x10\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .invalidChunk("a chunk size is not hexadecimal")),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3 junk\r\nabc\r\n0\r\n\r\n", .invalidChunk("a chunk extension is malformed")),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;\r\nabc\r\n0\r\n\r\n", .invalidChunk("a chunk extension has no name")),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n", .invalidChunk("chunk data is not followed by CRLF")),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n", .invalidChunk("a line ends in a bare LF")),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n", .invalidChunk("a chunk size has too many digits")),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Folded: one\r\n two\r\n\r\n", .obsFold),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Bad: a\u{01}b\r\n\r\n", .invalidHeader("a field value has a control character")),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Bad: a\rb\r\n\r\n", .invalidHeader("a field value has a control character")),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Bad : a\r\n\r\n", .invalidHeader("white space before the colon")),
        ("GET / HTTP/1.1\r\nHost: a\r\nX(Bad): a\r\n\r\n", .invalidHeader("a field name has a character that is not allowed")),
        ("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", .invalidHeader("a field has no colon")),
        ("GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n", .invalidHeader("a line ends in a bare LF")),
        ("GET / HTTP/1.1\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET / HTTP/1.1x\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET / HTTQ/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET nope HTTP/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET /\u{7F} HTTP/1.1\r\nHost: a\r\n\r\n", .malformedRequestLine),
        ("GET / HTTP/1.1\r\n\r\n", .missingHost),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", .missingHost),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", .unsupportedTransferCoding("gzip")),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", .unsupportedTransferCoding("chunked, gzip")),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\n\r\n", .unsupportedTransferCoding("identity")),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", .unsupportedVersion),
        ("GET / HTTP/0.9\r\nHost: a\r\n\r\n", .unsupportedVersion),
        ("GET / HTTP/3.0\r\nHost: a\r\n\r\n", .unsupportedVersion),
    ]

    @Test("Strict parsing rejects each smuggling and syntax case", arguments: rejected)
    func rejects(_ raw: String, _ expected: HTTPServerError) {
        #expect(failure(parseAll(raw)) == expected, "\(raw.debugDescription)")
        #expect(failure(parseAll(raw, chunkSize: 1)) == expected, "byte by byte: \(raw.debugDescription)")
        #expect(expected.status.code == 400 || expected.status.code == 501 || expected.status.code == 505)
    }

    @Test("Limits: request line 414, header bytes and count 431, body 413 (declared and chunked)")
    func limits() {
        let limits = RequestParser.Limits(maxRequestLineBytes: 32, maxHeaderBytes: 64, maxHeaderCount: 3, maxBodyBytes: 10)
        #expect(failure(parseAll("GET /\(String(repeating: "a", count: 40)) HTTP/1.1\r\n", limits: limits)) == .requestLineTooLong(limit: 32))
        #expect(failure(parseAll("GET /\(String(repeating: "a", count: 40))", limits: limits)) == .requestLineTooLong(limit: 32))
        #expect(failure(parseAll("GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "b", count: 80))\r\n\r\n", limits: limits)) == .headersTooLarge(limit: 64))
        #expect(failure(parseAll("GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "b", count: 80))", limits: limits)) == .headersTooLarge(limit: 64))
        #expect(failure(parseAll("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits)) == .tooManyHeaders(limit: 3))
        #expect(failure(parseAll("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", limits: limits)) == .bodyTooLarge(limit: 10))
        #expect(failure(parseAll("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", limits: limits)) == .bodyTooLarge(limit: 10))
        #expect(failure(parseAll("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\nabcdef\r\n", limits: limits)) == .bodyTooLarge(limit: 10))
        #expect(requests(parseAll("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789", limits: limits)).count == 1)
    }

    @Test("Keep-alive: 1.1 by default, Connection: close honoured, 1.0 only when asked")
    func keepAlive() {
        func wants(_ raw: String) -> Bool? { requests(parseAll(raw)).first?.wantsKeepAlive }
        #expect(wants("GET / HTTP/1.1\r\nHost: a\r\n\r\n") == true)
        #expect(wants("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n") == false)
        #expect(wants("GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, Close\r\n\r\n") == false)
        #expect(wants("GET / HTTP/1.0\r\n\r\n") == false)
        #expect(wants("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") == true)
    }

    @Test("tchar is exactly RFC 9110's set, for every byte")
    func tokenCharacters() {
        let symbols = Array("!#$%&'*+-.^_`|~".utf8)
        for byte in UInt8.min...UInt8.max {
            let letter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) && byte < 0x80
            let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            #expect(byte.isTokenCharacter == (letter || digit || symbols.contains(byte)), "byte \(byte)")
        }
    }
}
