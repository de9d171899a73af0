@testable import DatelineAPI
import DatelineTesting
import Testing

/// Inputs the fuzz targets (Fuzz/, `make fuzz`) found to break an invariant, kept here so each bug stays
/// fixed. Each test names the target and the input it found.
@Suite("Fuzz findings: the API", .timeLimit(.minutes(1)))
struct APIFuzzFindingsTests {
    // Target query, input `\u{657}\u{657}\u{FFFD}` (raw UTF-8 after `/articles?`): the list route answered
    // 404 "no file" because the target was not split at `?`. It is an unknown parameter: 400 naming it.
    @Test("GET /articles with a raw combining mark right after '?' is the list route, answered 400 for the unknown name")
    func combiningMarkAfterQuestionMark() async throws {
        try await withAPIServer { port in
            let response = try get("/articles?\u{657}\u{657}\u{FFFD}", port: port)
            try expectProblem(response, 400)
            #expect(response.bodyText.contains("unknown parameter '\u{657}\u{657}\u{FFFD}'"), "body: \(response.bodyText)")
        }
    }

    // Found with the same input's neighbours: `&` or `=` followed by a combining mark is another Character,
    // so the pairs were not split there.
    @Test("A query splits at the bytes '&' and '=' even when a combining mark follows them")
    func ampersandAndEqualsBeforeCombiningMark() {
        let parameters = QueryParameters("tag=a&\u{301}b=2&lang=\u{301}")
        #expect(parameters.pairs.map(\.name) == ["tag", "\u{301}b", "lang"])
        #expect(parameters.pairs.map(\.value) == ["a", "2", "\u{301}"])
        #expect(parameters.rawQuery(removing: ["tag"]) == "\u{301}b=2&lang=\u{301}")
    }

    // The same class of input in a path (found reading the code the query finding pointed at): `/`, `.`,
    // NUL and `\` followed by a combining mark were hidden inside another Character. A NUL hidden that way
    // reached the file system, which read the path only up to it: `/index.html%00%CC%81.css` was
    // index.html served as CSS.
    @Test("Paths split and are checked at bytes: a combining mark hides no '/', '.' or NUL")
    func combiningMarkInPath() async throws {
        try await withAPIServer { port in
            try expectProblem(try get("/index.html%00%CC%81.css", port: port), 404)
            try expectProblem(try get("/%2E%CC%81%2E%CC%81/secret.txt", port: port), 404)
            #expect(try get("/index.html", port: port).status == 200)
            // A ref segment after a raw combining mark is still the article route's: "no article", not "no file".
            let response = try get("/articles/\u{301}n1", port: port)
            try expectProblem(response, 404)
            #expect(response.bodyText.contains("No article has the id or slug"), "body: \(response.bodyText)")
        }
    }
}
