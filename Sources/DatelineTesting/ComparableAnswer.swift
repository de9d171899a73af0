/// What must be the same whether a route is asked over HTTP/1.1 or HTTP/2: the status, the end-to-end
/// header fields in order (names lower-cased; `Date` and hop-by-hop fields left out), and the body bytes.
public struct ComparableAnswer: Equatable, Sendable, CustomStringConvertible {
    public var status: Int
    /// `name: value`, in the order sent.
    public var headers: [String]
    public var body: [UInt8]

    /// From an HTTP/1.1 answer, leaving out the fields named in `ignoring` (lower case) as well.
    public init(_ response: RawHTTPResponse, ignoring: Set<String> = []) {
        status = response.status
        headers = Self.fields(response.headers, ignoring: ignoring)
        body = response.body
    }

    /// From an HTTP/2 answer, leaving out the fields named in `ignoring` (lower case) as well.
    public init(_ response: HTTP2Client.Response, ignoring: Set<String> = []) {
        status = response.status ?? 0
        headers = Self.fields(response.headers, ignoring: ignoring)
        body = response.body
    }

    public var description: String {
        "\(status)\n\(headers.joined(separator: "\n"))\n\n\(String(decoding: body, as: UTF8.self))"
    }

    private static let leftOut: Set<String> = ["date", "connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection"]

    private static func fields(_ fields: [(String, String)], ignoring: Set<String>) -> [String] {
        fields.compactMap { name, value in
            let name = name.lowercased()
            return leftOut.contains(name) || ignoring.contains(name) ? nil : "\(name): \(value)"
        }
    }
}

/// Asks the same request over HTTP/1.1 (a fresh connection) and over `client` (HTTP/2) and returns both
/// answers, ready to compare.
public func answersOverBothVersions(
    port: Int, client: HTTP2Client, method: String = "GET", path: String, headers: [(String, String)] = [],
    ignoring: Set<String> = []
) throws -> (http1: ComparableAnswer, http2: ComparableAnswer) {
    let http1 = try RawHTTPClient(port: port)
    defer { http1.close() }
    var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    for (name, value) in headers { request += "\(name): \(value)\r\n" }
    try http1.send(request + "\r\n")
    let first = try http1.readResponse(headRequest: method == "HEAD")
    let second = try client.get(path, method: method, headers: headers)
    return (ComparableAnswer(first, ignoring: ignoring), ComparableAnswer(second, ignoring: ignoring))
}
