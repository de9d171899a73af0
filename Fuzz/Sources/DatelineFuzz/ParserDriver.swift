@testable import HTTPServer

/// Feeds bytes to a `RequestParser` the way `Connection.processInput` does: the unconsumed input is kept,
/// more is appended, and the parser is called until it needs more or fails. Returns what it said, as
/// comparable text, so a run fed in pieces can be checked against the same bytes fed whole.
enum ParserDriver {
    /// Small limits, so the fuzzer reaches every limit check with short inputs.
    static let limits = RequestParser.Limits(maxRequestLineBytes: 200, maxHeaderBytes: 600, maxHeaderCount: 12, maxBodyBytes: 2000)

    static func run(_ bytes: UnsafeBufferPointer<UInt8>, pieceSize: Int) -> [String] {
        var parser = RequestParser(limits: limits)
        var outcome: [String] = []
        var buffer: [UInt8] = []
        var start = 0
        var fed = 0
        while fed < bytes.count {
            let end = min(fed + pieceSize, bytes.count)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[fed..<end]))
            fed = end
            while true {
                let available = buffer.count - start
                let (consumed, event) = buffer.withUnsafeBufferPointer { parser.parse(UnsafeBufferPointer(rebasing: $0[start...])) }
                check(consumed >= 0 && consumed <= available, "consumed \(consumed) of \(available) bytes")
                start += consumed
                switch event {
                case .needMore:
                    break
                case .expectsContinue:
                    // Depends on how much of the body has arrived, so not part of the comparison.
                    continue
                case .request(let request):
                    inspect(request)
                    outcome.append(describe(request))
                    continue
                case .failure(let error, _):
                    outcome.append("failure \(error.status.code)")
                    return outcome
                }
                break
            }
        }
        return outcome
    }

    /// What holds for every request the parser hands out.
    private static func inspect(_ request: HTTPRequest) {
        check(request.body.count <= limits.maxBodyBytes, "a body of \(request.body.count) bytes passed the limit")
        check(request.headers.count <= limits.maxHeaderCount, "\(request.headers.count) header fields passed the limit")
        let lengths = request.headers.values(for: "Content-Length")
        if let length = lengths.first, request.headers.values(for: "Transfer-Encoding").isEmpty {
            let value = Int(length.split(separator: ",").first.map { String($0).trimmingCharacters(in: " \t") } ?? "")
            check(value == request.body.count, "Content-Length \(length) but a body of \(request.body.count) bytes")
        }
        check(request.headers.values(for: "Host").count == 1 || request.version.minor == 0, "a request without one Host")
        check(request.path.utf8.count <= limits.maxRequestLineBytes, "a path longer than the request line limit")
    }

    private static func describe(_ request: HTTPRequest) -> String {
        let headers = request.headers.map { "\($0.name)=\($0.value)" }.joined(separator: "|")
        return "\(request.method) \(request.target) \(request.version) [\(headers)] \(request.body)"
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
