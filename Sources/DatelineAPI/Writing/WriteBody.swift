import HTTPServer

/// The JSON object of a write request: its media type checked (415), its bytes parsed (400), its top level an
/// object (422).
enum WriteBody {
    /// `application/json` for POST and PUT.
    static let json: Set<String> = ["application/json"]
    /// PATCH takes a merge patch (RFC 7396) or plain JSON.
    static let mergePatch: Set<String> = ["application/merge-patch+json", "application/json"]

    /// `request` with its body decoded: `Content-Encoding: gzip` is inflated, to at most `limit` bytes (413
    /// beyond, however small the compressed body; 400 when it is not gzip); `identity` or no coding leaves it
    /// as it is; any other coding is 415.
    static func decoded(_ request: HTTPRequest, limit: Int) throws -> HTTPRequest {
        let codings = request.headers.values(for: "Content-Encoding")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingSpaces.lowercased() }
            .filter { $0 != "identity" && !$0.isEmpty }
        guard !codings.isEmpty else { return request }
        guard codings == ["gzip"] || codings == ["x-gzip"] else {
            throw Problem(
                .unsupportedMediaType,
                detail: "The body's Content-Encoding is '\(codings.joined(separator: ", "))'; send it as gzip or without a Content-Encoding.",
                headers: [("Accept-Encoding", "gzip")]
            )
        }
        var request = request
        request.headers.remove("Content-Encoding")
        guard !request.body.isEmpty else { return request }
        do {
            request.body = try Inflate.gunzip(request.body, limit: limit)
        } catch .tooLarge(let limit) {
            throw Problem(.contentTooLarge, detail: "The gzip body inflates to more than \(limit) bytes, the limit for a request body.")
        } catch .malformed(let reason) {
            throw Problem(.badRequest, detail: "The body is sent with Content-Encoding: gzip but is not valid gzip (\(reason)).")
        }
        return request
    }

    /// The members of the body's top-level object, in order.
    static func object(of request: HTTPRequest, accepting mediaTypes: Set<String>) throws -> [(key: String, value: JSONValue)] {
        let accepted = mediaTypes.sorted().joined(separator: " or ")
        guard let contentType = request.headers["Content-Type"] else {
            if request.body.isEmpty {
                throw Problem(.badRequest, detail: "This request needs a JSON object as its body, sent as \(accepted).")
            }
            throw Problem(.unsupportedMediaType, detail: "The body has no Content-Type; send it as \(accepted).")
        }
        guard isAccepted(contentType, mediaTypes) else {
            throw Problem(.unsupportedMediaType, detail: "The body is '\(contentType)'; send it as \(accepted) (UTF-8).")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(request.body)
        } catch {
            throw Problem(.badRequest, detail: "The body is not valid JSON at \(error.description).")
        }
        guard case .object(let members) = value else {
            throw Problem(.unprocessableContent, detail: "The body must be a JSON object of article fields, not \(value.typeName).")
        }
        return members
    }

    /// The media type (case-insensitive) is one of `mediaTypes`, and a `charset`, if given, is UTF-8.
    static func isAccepted(_ contentType: String, _ mediaTypes: Set<String>) -> Bool {
        var parts = contentType.split(separator: ";").map { $0.trimmingSpaces.lowercased() }
        guard !parts.isEmpty, mediaTypes.contains(parts.removeFirst()) else { return false }
        for parameter in parts {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { String($0.trimmingSpaces) }
            if pair.first == "charset", pair.count == 2 {
                let charset = pair[1].replacingQuotes
                guard charset == "utf-8" || charset == "utf8" else { return false }
            }
        }
        return true
    }
}

extension String {
    /// Without one pair of surrounding double quotes.
    fileprivate var replacingQuotes: String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}
