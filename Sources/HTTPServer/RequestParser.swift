/// An incremental HTTP/1.1 request parser (RFC 9112): fed the bytes received so far, it consumes what it can
/// and says what happened. It is a pure value with no I/O, so every rule is unit-tested on raw bytes.
///
/// Strictness is deliberate, to rule out request smuggling: line ends must be CRLF (a bare LF is refused, not
/// guessed at), header names must be tokens with no space before the colon, folded lines and control
/// characters are refused, and a body is framed by exactly one of Content-Length or chunked.
struct RequestParser {
    struct Limits: Equatable {
        var maxRequestLineBytes: Int
        var maxHeaderBytes: Int
        var maxHeaderCount: Int
        var maxBodyBytes: Int

        init(_ configuration: ServerConfiguration) {
            maxRequestLineBytes = configuration.maxRequestLineBytes
            maxHeaderBytes = configuration.maxHeaderBytes
            maxHeaderCount = configuration.maxHeaderCount
            maxBodyBytes = configuration.maxBodyBytes
        }

        init(maxRequestLineBytes: Int = 8192, maxHeaderBytes: Int = 16384, maxHeaderCount: Int = 100, maxBodyBytes: Int = 1 << 20) {
            self.maxRequestLineBytes = maxRequestLineBytes
            self.maxHeaderBytes = maxHeaderBytes
            self.maxHeaderCount = maxHeaderCount
            self.maxBodyBytes = maxBodyBytes
        }
    }

    enum Event {
        /// Everything given was consumed or kept; feed more bytes.
        case needMore
        /// The head asked for `100 Continue` and the body has not all arrived: send the interim response.
        case expectsContinue
        /// A whole request.
        case request(HTTPRequest)
        /// The request is refused; the connection must close after the error response.
        case failure(HTTPServerError, HTTPRequest?)
    }

    private enum State {
        case head(scanned: Int, requestLineEnd: Int?)
        case contentLength(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(count: Int, bytes: Int)
        case failed
    }

    let limits: Limits
    private var state = State.head(scanned: 0, requestLineEnd: nil)
    private var pending: HTTPRequest?
    private var bodyBytes = 0

    init(limits: Limits) {
        self.limits = limits
    }

    /// True between requests: nothing of the next one has been parsed yet.
    var isAtRequestBoundary: Bool {
        if case .head(scanned: 0, requestLineEnd: nil) = state { return true }
        return false
    }

    /// True while a body is being read (for the body timeout).
    var isReadingBody: Bool {
        switch state {
        case .contentLength, .chunkSize, .chunkData, .chunkDataEnd, .trailers: true
        case .head, .failed: false
        }
    }

    /// Parses from the start of `bytes` (the unconsumed input); returns how many bytes it consumed.
    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (consumed: Int, event: Event) {
        var consumed = 0
        while true {
            let rest = UnsafeBufferPointer(rebasing: bytes[consumed...])
            switch state {
            case .failed:
                return (consumed, .needMore)

            case .head(let scanned, let requestLineEnd):
                // RFC 9112 §2.2: ignore empty lines before a request line, even when the CR and the LF arrive in
                // different reads (wait for the byte after a lone CR rather than scanning it as a line).
                if scanned == 0, requestLineEnd == nil, rest.first == .cr {
                    if rest.count == 1 { return (consumed, .needMore) }
                    if rest[1] == .lf {
                        consumed += 2
                        continue
                    }
                }
                switch scanHead(rest, from: scanned, requestLineEnd: requestLineEnd) {
                case .incomplete(let scanned, let requestLineEnd):
                    state = .head(scanned: scanned, requestLineEnd: requestLineEnd)
                    return (consumed, .needMore)
                case .failure(let error):
                    state = .failed
                    return (consumed, .failure(error, nil))
                case .complete(let headEnd, let requestLineEnd):
                    let head = UnsafeBufferPointer(rebasing: rest[..<headEnd])
                    consumed += headEnd
                    switch parseHead(head, requestLineEnd: requestLineEnd) {
                    case .failure(let error, let partial):
                        state = .failed
                        return (consumed, .failure(error, partial))
                    case .success(let request, let framing, let expectsContinue):
                        pending = request
                        bodyBytes = 0
                        switch framing {
                        case .none:
                            return (consumed, finish())
                        case .length(let length):
                            state = .contentLength(remaining: length)
                            pending?.body.reserveCapacity(length)
                        case .chunked:
                            state = .chunkSize
                        }
                        let bodyComplete: Bool
                        if case .length(let length) = framing { bodyComplete = bytes.count - consumed >= length } else { bodyComplete = false }
                        if expectsContinue, !bodyComplete { return (consumed, .expectsContinue) }
                    }
                }

            case .contentLength(let remaining):
                let take = min(remaining, rest.count)
                pending?.body.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<take]))
                consumed += take
                if take == remaining { return (consumed, finish()) }
                state = .contentLength(remaining: remaining - take)
                return (consumed, .needMore)

            case .chunkSize:
                guard let lineEnd = Self.lineEnd(rest) else {
                    if rest.count > Self.maxChunkLineBytes { return fail(consumed, .invalidChunk("a chunk-size line is longer than \(Self.maxChunkLineBytes) bytes")) }
                    if let bareLF = rest.firstIndex(of: .lf), bareLF == 0 || rest[bareLF - 1] != .cr {
                        return fail(consumed, .invalidChunk("a line ends in a bare LF"))
                    }
                    return (consumed, .needMore)
                }
                guard lineEnd <= Self.maxChunkLineBytes else {
                    return fail(consumed, .invalidChunk("a chunk-size line is longer than \(Self.maxChunkLineBytes) bytes"))
                }
                let size: Int
                switch Self.chunkSize(UnsafeBufferPointer(rebasing: rest[..<lineEnd])) {
                case .failure(let why): return fail(consumed, .invalidChunk(why))
                case .success(let value): size = value
                }
                consumed += lineEnd + 2
                if size == 0 {
                    state = .trailers(count: 0, bytes: 0)
                } else {
                    guard size <= limits.maxBodyBytes - bodyBytes else { return fail(consumed, .bodyTooLarge(limit: limits.maxBodyBytes)) }
                    bodyBytes += size
                    state = .chunkData(remaining: size)
                }

            case .chunkData(let remaining):
                let take = min(remaining, rest.count)
                pending?.body.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<take]))
                consumed += take
                guard take == remaining else {
                    state = .chunkData(remaining: remaining - take)
                    return (consumed, .needMore)
                }
                state = .chunkDataEnd

            case .chunkDataEnd:
                guard rest.count >= 2 else {
                    if rest.count == 1, rest[0] != .cr { return fail(consumed, .invalidChunk("chunk data is not followed by CRLF")) }
                    return (consumed, .needMore)
                }
                guard rest[0] == .cr, rest[1] == .lf else { return fail(consumed, .invalidChunk("chunk data is not followed by CRLF")) }
                consumed += 2
                state = .chunkSize

            case .trailers(let count, let total):
                guard let lineEnd = Self.lineEnd(rest) else {
                    // Only the bytes before a bare LF count towards the limit (they are all a read cut elsewhere
                    // would have seen), so the answer does not depend on where reads end. Nor does a last CR,
                    // which may be half of the CRLF that ends the trailers (an empty line costs nothing).
                    let bareLF = rest.firstIndex(of: .lf)
                    let pending = bareLF ?? (rest.last == .cr ? rest.count - 1 : rest.count)
                    if total + pending > limits.maxHeaderBytes {
                        return fail(consumed, .headersTooLarge(limit: limits.maxHeaderBytes))
                    }
                    if bareLF != nil { return fail(consumed, .invalidChunk("a trailer line ends in a bare LF")) }
                    return (consumed, .needMore)
                }
                consumed += lineEnd + 2
                if lineEnd == 0 { return (consumed, finish()) }
                // Trailer fields are checked like header fields, then dropped: nothing here needs them.
                // The size first: read in smaller pieces, a line over the limit is refused before it ends.
                guard total + lineEnd + 2 <= limits.maxHeaderBytes else { return fail(consumed, .headersTooLarge(limit: limits.maxHeaderBytes)) }
                let line = UnsafeBufferPointer(rebasing: rest[..<lineEnd])
                if case .failure(let error) = Self.headerField(line) { return fail(consumed, error) }
                guard count + 1 <= limits.maxHeaderCount else { return fail(consumed, .tooManyHeaders(limit: limits.maxHeaderCount)) }
                state = .trailers(count: count + 1, bytes: total + lineEnd + 2)
            }
        }
    }

    private mutating func finish() -> Event {
        state = .head(scanned: 0, requestLineEnd: nil)
        guard let request = pending else { return .needMore }
        pending = nil
        return .request(request)
    }

    private mutating func fail(_ consumed: Int, _ error: HTTPServerError) -> (consumed: Int, event: Event) {
        state = .failed
        let partial = pending
        pending = nil
        return (consumed, .failure(error, partial))
    }

    // MARK: The head

    private enum HeadScan {
        case incomplete(scanned: Int, requestLineEnd: Int?)
        case complete(headEnd: Int, requestLineEnd: Int)
        case failure(HTTPServerError)
    }

    /// Finds the end of the head (CRLF CRLF), enforcing line ends and the size limits as bytes arrive.
    private func scanHead(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, requestLineEnd: Int?) -> HeadScan {
        var requestLineEnd = requestLineEnd
        var index = start
        while index < bytes.count {
            // The limits are checked at every byte, not only where a read happens to end, so the answer is the
            // same however the head is cut into reads (the checks after the loop are these, at its end).
            if let lineEnd = requestLineEnd {
                if index - lineEnd - 2 > limits.maxHeaderBytes + 1 { return .failure(.headersTooLarge(limit: limits.maxHeaderBytes)) }
            } else if index > limits.maxRequestLineBytes + 1 {
                return .failure(.requestLineTooLong(limit: limits.maxRequestLineBytes))
            }
            if bytes[index] == .lf {
                guard index > 0, bytes[index - 1] == .cr else {
                    return .failure(requestLineEnd == nil ? .malformedRequestLine : .invalidHeader("a line ends in a bare LF"))
                }
                if let lineEnd = requestLineEnd {
                    if index >= 3, bytes[index - 2] == .lf, bytes[index - 3] == .cr, index - 3 >= lineEnd {
                        return .complete(headEnd: index + 1, requestLineEnd: lineEnd)
                    }
                } else {
                    requestLineEnd = index - 1
                    if index - 1 > limits.maxRequestLineBytes { return .failure(.requestLineTooLong(limit: limits.maxRequestLineBytes)) }
                }
            }
            index += 1
        }
        if let lineEnd = requestLineEnd {
            // Up to the limit of field bytes, and the CR of the final empty line.
            if bytes.count - lineEnd - 2 > limits.maxHeaderBytes + 1 { return .failure(.headersTooLarge(limit: limits.maxHeaderBytes)) }
        } else if bytes.count > limits.maxRequestLineBytes + 1 {
            return .failure(.requestLineTooLong(limit: limits.maxRequestLineBytes))
        }
        return .incomplete(scanned: bytes.count, requestLineEnd: requestLineEnd)
    }

    private enum Framing { case none, length(Int), chunked }

    private enum HeadResult {
        case success(HTTPRequest, Framing, expectsContinue: Bool)
        case failure(HTTPServerError, HTTPRequest?)
    }

    /// Parses a complete head: request line, fields, and the body's framing.
    private func parseHead(_ head: UnsafeBufferPointer<UInt8>, requestLineEnd: Int) -> HeadResult {
        let line = UnsafeBufferPointer(rebasing: head[..<requestLineEnd])
        let requestLine: RequestLine
        switch RequestLine.parse(line) {
        case .failure(let error): return .failure(error, nil)
        case .success(let parsed): requestLine = parsed
        }

        var headers = HTTPHeaders()
        var fieldBytes = 0
        var index = requestLineEnd + 2
        let end = head.count - 2   // the final empty line
        while index < end {
            var lineEnd = index
            while head[lineEnd] != .cr { lineEnd += 1 }
            // A CR not followed by LF is a control character inside a line, not a line end.
            guard head[lineEnd + 1] == .lf else { return .failure(.invalidHeader("a field value has a control character"), nil) }
            let field = UnsafeBufferPointer(rebasing: head[index..<lineEnd])
            fieldBytes += field.count + 2
            guard fieldBytes <= limits.maxHeaderBytes else { return .failure(.headersTooLarge(limit: limits.maxHeaderBytes), nil) }
            switch Self.headerField(field) {
            case .failure(let error): return .failure(error, nil)
            case .success(let name, let value):
                guard headers.count < limits.maxHeaderCount else { return .failure(.tooManyHeaders(limit: limits.maxHeaderCount), nil) }
                headers.add(name, value)
            }
            index = lineEnd + 2
        }

        let request = HTTPRequest(
            method: requestLine.method, target: requestLine.target, path: requestLine.path, query: requestLine.query,
            version: requestLine.version, headers: headers
        )
        let hosts = headers.values(for: "Host").count
        if hosts > 1 || (hosts == 0 && requestLine.version.minor >= 1) { return .failure(.missingHost, request) }

        let framing: Framing
        switch Self.framing(headers, maxBodyBytes: limits.maxBodyBytes) {
        case .failure(let error): return .failure(error, request)
        case .success(let value): framing = value
        }
        let hasBody: Bool
        switch framing {
        case .none: hasBody = false
        case .length(let length): hasBody = length > 0
        case .chunked: hasBody = true
        }
        let expectsContinue = hasBody && requestLine.version.minor >= 1
            && headers["Expect"].map { HTTPHeaders.namesMatch($0.trimmingOWS, "100-continue") } == true
        if case .length(0) = framing { return .success(request, .none, expectsContinue: false) }
        return .success(request, framing, expectsContinue: expectsContinue)
    }

    private enum FramingResult {
        case success(Framing)
        case failure(HTTPServerError)
    }

    /// RFC 9112 §6: Transfer-Encoding (only `chunked`) or Content-Length, never both.
    private static func framing(_ headers: HTTPHeaders, maxBodyBytes: Int) -> FramingResult {
        let codings = headers.values(for: "Transfer-Encoding")
        let lengths = headers.values(for: "Content-Length")
        if !codings.isEmpty {
            guard lengths.isEmpty else { return .failure(.conflictingLength) }
            let elements = codings.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { $0.trimmingOWS.lowercased() }
            guard elements == ["chunked"] else { return .failure(.unsupportedTransferCoding(codings.joined(separator: ", "))) }
            return .success(.chunked)
        }
        guard !lengths.isEmpty else { return .success(.none) }
        var length: Int?
        for element in lengths.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let digits = element.trimmingOWS
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                return .failure(.invalidContentLength)
            }
            // More digits than fit is certainly over any body limit.
            guard digits.utf8.count <= 18, let value = Int(digits) else { return .failure(.bodyTooLarge(limit: maxBodyBytes)) }
            if let earlier = length, earlier != value { return .failure(.differingContentLengths) }
            length = value
        }
        guard let length else { return .failure(.invalidContentLength) }
        guard length <= maxBodyBytes else { return .failure(.bodyTooLarge(limit: maxBodyBytes)) }
        return .success(.length(length))
    }

    private enum FieldResult {
        case success(name: String, value: String)
        case failure(HTTPServerError)
    }

    /// `name ":" OWS value OWS` with a token name and no control characters (HTAB aside) in the value.
    private static func headerField(_ line: UnsafeBufferPointer<UInt8>) -> FieldResult {
        guard let first = line.first else { return .failure(.invalidHeader("an empty header line")) }
        if first == .space || first == .tab { return .failure(.obsFold) }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return .failure(.invalidHeader("a field has no colon")) }
        guard colon > 0 else { return .failure(.invalidHeader("a field has an empty name")) }
        for index in 0..<colon where !line[index].isTokenCharacter {
            return .failure(.invalidHeader(line[index] == .space || line[index] == .tab
                ? "white space before the colon" : "a field name has a character that is not allowed"))
        }
        var start = colon + 1
        var end = line.count
        while start < end, line[start] == .space || line[start] == .tab { start += 1 }
        while end > start, line[end - 1] == .space || line[end - 1] == .tab { end -= 1 }
        for index in start..<end {
            let byte = line[index]
            if (byte < 0x20 && byte != .tab) || byte == 0x7F {
                return .failure(.invalidHeader("a field value has a control character"))
            }
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: line[..<colon]), as: UTF8.self)
        let value = String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
        return .success(name: name, value: value)
    }

    // MARK: Chunks

    static let maxChunkLineBytes = 4096

    /// The index of the CR of the first CRLF, or nil if no complete line is there yet.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let lf = bytes.firstIndex(of: .lf), lf > 0, bytes[lf - 1] == .cr else { return nil }
        return lf - 1
    }

    private enum SizeResult {
        case success(Int)
        case failure(String)
    }

    /// `1*HEXDIG *( BWS ";" BWS name [ BWS "=" BWS ( token / quoted-string ) ] )`.
    private static func chunkSize(_ line: UnsafeBufferPointer<UInt8>) -> SizeResult {
        var index = 0
        var size = 0
        while index < line.count, let digit = line[index].hexValue {
            guard index < 15 else { return .failure("a chunk size has too many digits") }
            size = size << 4 | Int(digit)
            index += 1
        }
        guard index > 0 else { return .failure("a chunk size is not hexadecimal") }
        func skipWhitespace() { while index < line.count, line[index] == .space || line[index] == .tab { index += 1 } }
        func token() -> Bool {
            let start = index
            while index < line.count, line[index].isTokenCharacter { index += 1 }
            return index > start
        }
        while true {
            skipWhitespace()
            guard index < line.count else { return .success(size) }
            guard line[index] == UInt8(ascii: ";") else { return .failure("a chunk extension is malformed") }
            index += 1
            skipWhitespace()
            guard token() else { return .failure("a chunk extension has no name") }
            skipWhitespace()
            guard index < line.count, line[index] == UInt8(ascii: "=") else { continue }
            index += 1
            skipWhitespace()
            if index < line.count, line[index] == UInt8(ascii: "\"") {
                index += 1
                var closed = false
                while index < line.count {
                    let byte = line[index]
                    if byte == UInt8(ascii: "\"") { closed = true; index += 1; break }
                    if byte == UInt8(ascii: "\\") { index += 2; continue }
                    if (byte < 0x20 && byte != .tab) || byte == 0x7F { return .failure("a chunk extension has a control character") }
                    index += 1
                }
                guard closed, index <= line.count else { return .failure("a chunk extension has an unterminated quoted string") }
            } else if !token() {
                return .failure("a chunk extension has an empty value")
            }
        }
    }
}

extension UInt8 {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// RFC 9110 §5.6.2 tchar: ALPHA, DIGIT and ``!#$%&'*+-.^_`|~``. The set is two constant 64-bit words (bytes
    /// 0–63 and 64–127; none above): a static table would cost a lazy-initialisation check on every byte of
    /// every header name, parsed or written.
    @inline(__always)
    var isTokenCharacter: Bool {
        switch self >> 6 {
        case 0: (0x03ff_6cfa_0000_0000 as UInt64) >> (self & 63) & 1 == 1
        case 1: (0x57ff_ffff_c7ff_fffe as UInt64) >> (self & 63) & 1 == 1
        default: false
        }
    }

    var hexValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): self - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
