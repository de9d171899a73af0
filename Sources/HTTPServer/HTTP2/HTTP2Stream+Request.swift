extension HTTP2Stream {
    /// One decoded request header field. Pseudo-headers fill the request line; the others go to `headers`,
    /// counted against HTTP/1's limits (a refused request is still decoded, then answered 414 or 431).
    func receiveHeader(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>, limits: RequestParser.Limits) {
        if name.first == UInt8(ascii: ":") {
            if name.elementsEqual(Self.pathName) {
                guard value.count <= limits.maxRequestLineBytes else {
                    refusal = refusal ?? .requestLineTooLong(limit: limits.maxRequestLineBytes)
                    return
                }
                path = String(decoding: value, as: UTF8.self)
            } else if name.elementsEqual(Self.methodName) {
                method = String(decoding: value, as: UTF8.self)
            } else if name.elementsEqual(Self.authorityName) {
                authority = String(decoding: value, as: UTF8.self)
            }
            return
        }
        headerBytes += name.count + value.count + 4
        guard refusal == nil else { return }
        guard headerBytes <= limits.maxHeaderBytes else {
            refusal = .headersTooLarge(limit: limits.maxHeaderBytes)
            return
        }
        guard headers.count < limits.maxHeaderCount else {
            refusal = .tooManyHeaders(limit: limits.maxHeaderCount)
            return
        }
        if name.elementsEqual(Self.contentLengthName) {
            // nghttp2 checks that the DATA frames add up to it; a declared length over the limit is 413 now.
            if let length = Int(String(decoding: value, as: UTF8.self)), length > limits.maxBodyBytes {
                refusal = .bodyTooLarge(limit: limits.maxBodyBytes)
                return
            }
        }
        headers.add(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// Request body bytes; past `maxBodyBytes` the request is refused (413) and the rest dropped.
    func receiveBody(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) {
        guard !answered, refusal == nil else { return }
        guard body.count + bytes.count <= limit else {
            refusal = .bodyTooLarge(limit: limit)
            body = []
            return
        }
        body.append(contentsOf: bytes)
    }

    /// The request as HTTP/1 would have parsed it: `:path` split at `?` into path and query, `:authority`
    /// as `Host` (unless the client sent one).
    func makeRequest(remoteAddress: String) -> HTTPRequest {
        let requestPath: String
        let query: String?
        if let question = path.utf8.firstIndex(of: UInt8(ascii: "?")) {
            requestPath = String(path[..<question])
            query = String(path[path.utf8.index(after: question)...])
        } else {
            requestPath = path
            query = nil
        }
        var headers = headers
        if let authority, !headers.contains("Host") { headers.add("Host", authority) }
        return HTTPRequest(
            method: method, target: path, path: requestPath, query: query, version: .http2, headers: headers,
            body: body, remoteAddress: remoteAddress, receivedAt: receivedAt
        )
    }

    private static let pathName = Array(":path".utf8)
    private static let methodName = Array(":method".utf8)
    private static let authorityName = Array(":authority".utf8)
    private static let contentLengthName = Array("content-length".utf8)
}
