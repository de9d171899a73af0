import HTTPServer

/// The JSON object of a write request: its media type checked (415), its bytes parsed (400), its top level an
/// object (422).
enum WriteBody {
    /// `application/json` for POST and PUT.
    static let json: Set<String> = ["application/json"]
    /// PATCH takes a merge patch (RFC 7396) or plain JSON.
    static let mergePatch: Set<String> = ["application/merge-patch+json", "application/json"]

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
