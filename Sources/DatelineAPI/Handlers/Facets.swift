import Articles
import HTTPServer

extension DatelineApplication {
    /// `GET /categories`, `/tags` (with `limit` and prefix `q`), `/authors`: counts over what readers see.
    func facets(_ kind: FacetKind, _ context: RequestContext) throws -> HTTPResponse {
        let allowed = kind == .tag ? ["limit", "q"] : []
        var problems = unknownParameters(context, allowed: allowed)
        var limit: Int?
        var prefix: String?
        if kind == .tag {
            limit = 100
            if let value = context.parameters.value("limit") {
                if let number = Int(value), (1...1000).contains(number) {
                    limit = number
                } else {
                    problems.append(.parameter("limit", "must be a whole number from 1 to 1000, not '\(value)'"))
                }
            }
            if let value = context.parameters.value("q") {
                if value.isEmpty {
                    problems.append(.parameter("q", "must not be empty; give the first letters of a tag"))
                } else {
                    prefix = value
                }
            }
        }
        guard problems.isEmpty else { throw Problem.badParameters(problems) }
        let facets = try store.facets(kind, prefix: prefix, limit: limit, now: context.now)

        var json = JSONWriter(capacity: 64 + facets.count * 40)
        json.beginObject()
        json.key("data")
        json.beginArray()
        for facet in facets {
            json.beginObject()
            json.key("name"); json.string(facet.name)
            json.key("count"); json.int(facet.count)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return jsonResponse(json.bytes, context)
    }
}
