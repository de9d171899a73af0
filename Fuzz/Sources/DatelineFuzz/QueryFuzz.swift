@testable import Articles
@testable import DatelineAPI
@testable import HTTPServer

/// The query string and `ArticleQuery`: the input is the query of `GET /articles?…`. Form decoding and the
/// query parser never trap; a query they accept is within the contract's bounds; and the whole list route
/// answers it with 200, 400 or 401 (for `status` without a token), never a 5xx (FuzzApp checks).
func fuzzQuery(_ input: UnsafeBufferPointer<UInt8>) {
    let raw = String(decoding: input, as: UTF8.self)
    let parameters = QueryParameters(raw)
    if let query = try? ArticleQuery.parse(parameters.pairs(in: ArticleQuery.parameterNames)) {
        check((1...ArticleQuery.maximumLimit).contains(query.limit), "limit \(query.limit) accepted")
        if let page = query.page { check(page >= 1, "page \(page) accepted") }
        if let from = query.from, let to = query.to { check(from <= to, "from after to accepted") }
        if let cursor = query.cursor { check(ArticleCursor(encoded: cursor.encoded) == cursor, "a cursor that does not round-trip") }
    }
    // Only a target the HTTP/1.1 request line accepts reaches the application.
    let target = "/articles?" + raw
    let line = Array("GET \(target) HTTP/1.1".utf8)
    guard case .success = line.withUnsafeBufferPointer({ RequestLine.parse($0) }) else { return }
    let response = FuzzApp.answer("GET", target, editor: input.count % 2 == 0)
    check([200, 400, 401].contains(response.status.code), "GET \(target) answered \(response.status.code): \(String(decoding: response.body, as: UTF8.self))")
}
