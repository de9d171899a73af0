/// `method SP request-target SP HTTP-version` (RFC 9112 §3), strictly: single spaces, a token method, a
/// target with no white space or control characters, and `HTTP/d.d`.
struct RequestLine: Equatable {
    var method: String
    var target: String
    var path: String
    var query: String?
    var version: HTTPVersion

    enum Result {
        case success(RequestLine)
        case failure(HTTPServerError)
    }

    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Result {
        guard let firstSpace = line.firstIndex(of: .space), firstSpace > 0 else { return .failure(.malformedRequestLine) }
        for index in 0..<firstSpace where !line[index].isTokenCharacter { return .failure(.malformedRequestLine) }
        let afterMethod = firstSpace + 1
        guard let secondSpaceOffset = UnsafeBufferPointer(rebasing: line[afterMethod...]).firstIndex(of: .space) else {
            return .failure(.malformedRequestLine)
        }
        let secondSpace = afterMethod + secondSpaceOffset
        guard secondSpace > afterMethod else { return .failure(.malformedRequestLine) }
        let version = UnsafeBufferPointer(rebasing: line[(secondSpace + 1)...])
        guard version.count == 8, version.starts(with: Self.httpSlash), version[6] == UInt8(ascii: "."),
              let major = version[5].decimalValue, let minor = version[7].decimalValue else {
            return .failure(.malformedRequestLine)
        }
        let targetBytes = UnsafeBufferPointer(rebasing: line[afterMethod..<secondSpace])
        for byte in targetBytes where byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "#") {
            return .failure(.malformedRequestLine)
        }
        guard major == 1 else { return .failure(.unsupportedVersion) }
        guard let target = String(validating: targetBytes, as: UTF8.self) else { return .failure(.malformedRequestLine) }
        let method = String(decoding: UnsafeBufferPointer(rebasing: line[..<firstSpace]), as: UTF8.self)

        let httpVersion = HTTPVersion(major: 1, minor: minor == 0 ? 0 : 1)
        // Origin form (`/path?query`), nearly every request: split at the byte `?` in the bytes at hand (as a
        // Character, `?` followed by a combining mark — raw UTF-8 in the query — would not be found). The
        // halves of valid UTF-8 cut at an ASCII byte are valid UTF-8.
        if targetBytes.first == UInt8(ascii: "/") {
            guard let question = targetBytes.firstIndex(of: UInt8(ascii: "?")) else {
                return .success(RequestLine(method: method, target: target, path: target, query: nil, version: httpVersion))
            }
            let path = String(decoding: UnsafeBufferPointer(rebasing: targetBytes[..<question]), as: UTF8.self)
            let query = String(decoding: UnsafeBufferPointer(rebasing: targetBytes[(question + 1)...]), as: UTF8.self)
            return .success(RequestLine(method: method, target: target, path: path, query: query, version: httpVersion))
        }

        // Absolute form (`http://host/path`), or `*` for OPTIONS.
        var pathAndQuery: Substring
        if target == "*", method == "OPTIONS" {
            pathAndQuery = "*"
        } else if let schemeEnd = target.firstRange(of: "://"),
                  ["http", "https"].contains(target[..<schemeEnd.lowerBound].lowercased()) {
            let afterAuthority = target[schemeEnd.upperBound...]
            guard let slash = afterAuthority.utf8.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else {
                pathAndQuery = "/"
                return .success(RequestLine(method: method, target: target, path: "/", query: nil,
                                            version: HTTPVersion(major: 1, minor: minor == 0 ? 0 : 1)))
            }
            pathAndQuery = afterAuthority[slash...]
            if pathAndQuery.utf8.first == UInt8(ascii: "?") { pathAndQuery = "/" + pathAndQuery }
        } else {
            return .failure(.malformedRequestLine)
        }
        let path: String
        let query: String?
        // Split at the byte `?`: as a Character, `?` followed by a combining mark (raw UTF-8 in the query) is
        // another grapheme and would not be found.
        if let question = pathAndQuery.utf8.firstIndex(of: UInt8(ascii: "?")) {
            path = String(pathAndQuery[..<question])
            query = String(pathAndQuery[pathAndQuery.utf8.index(after: question)...])
        } else {
            path = String(pathAndQuery)
            query = nil
        }
        // HTTP/1.x above 1.1 is handled as 1.1 (RFC 9110 §2.5).
        return .success(RequestLine(method: method, target: target, path: path, query: query,
                                    version: HTTPVersion(major: 1, minor: minor == 0 ? 0 : 1)))
    }

    private static let httpSlash = Array("HTTP/".utf8)
}

extension UInt8 {
    var decimalValue: Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) ? Int(self - UInt8(ascii: "0")) : nil
    }
}
