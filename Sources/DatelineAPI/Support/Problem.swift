public import HTTPServer

/// An RFC 9457 problem document: the body of every error response.
public struct Problem: Error, Sendable {
    /// One bad query parameter or body field, named in the document's `errors`.
    public struct Entry: Sendable, Equatable {
        /// `"parameter"` or `"field"`: which JSON key names the culprit.
        public var kind: String
        public var name: String
        public var message: String

        public static func parameter(_ name: String, _ message: String) -> Entry {
            Entry(kind: "parameter", name: name, message: message)
        }

        public static func field(_ name: String, _ message: String) -> Entry {
            Entry(kind: "field", name: name, message: message)
        }
    }

    public var status: HTTPStatus
    /// A sentence a curl user can act on.
    public var detail: String
    public var errors: [Entry]
    /// Extra response headers (`WWW-Authenticate`, `Allow`, …).
    public var headers: [(String, String)]

    public init(_ status: HTTPStatus, detail: String, errors: [Entry] = [], headers: [(String, String)] = []) {
        self.status = status
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    /// The JSON body: `{"type":"about:blank","title":…,"status":…,"detail":…,"errors":[…]}`.
    var body: [UInt8] {
        var json = JSONWriter(capacity: 256)
        json.beginObject()
        json.key("type"); json.string("about:blank")
        json.key("title"); json.string(status.reasonPhrase)
        json.key("status"); json.int(status.code)
        json.key("detail"); json.string(detail)
        if !errors.isEmpty {
            json.key("errors")
            json.beginArray()
            for entry in errors {
                json.beginObject()
                json.key(entry.kind); json.string(entry.name)
                json.key("message"); json.string(entry.message)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        return json.bytes
    }

    /// The whole response: problem+json, `Cache-Control: no-store`.
    var response: HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/problem+json")
        headers.add("Cache-Control", "no-store")
        for (name, value) in self.headers { headers.add(name, value) }
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}

/// An error that knows how it looks to an API client.
public protocol ProblemConvertible: Error {
    var problem: Problem { get }
}

extension Problem {
    static func notFound(_ detail: String) -> Problem { Problem(.notFound, detail: detail) }

    static func badParameters(_ entries: [Entry]) -> Problem {
        let names = entries.map { "'\($0.name)'" }
        let detail: String
        if entries.count == 1, let entry = entries.first {
            detail = "The query parameter '\(entry.name)' is invalid: \(entry.message)."
        } else {
            detail = "The query parameters \(names.joined(separator: ", ")) are invalid; see errors."
        }
        return Problem(.badRequest, detail: detail, errors: entries)
    }

    static func methodNotAllowed(_ method: String, allowed: [String]) -> Problem {
        Problem(
            .methodNotAllowed,
            detail: "The method \(method) is not allowed here; use \(allowed.joined(separator: ", ")).",
            headers: [("Allow", allowed.joined(separator: ", "))]
        )
    }

    static func unauthorized(_ detail: String) -> Problem {
        Problem(.unauthorized, detail: detail, headers: [("WWW-Authenticate", "Bearer")])
    }
}
