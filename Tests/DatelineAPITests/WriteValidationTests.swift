import Articles
import DatelineTesting
import Foundation
import Testing

/// A JSON string literal of `text`.
func jsonString(_ text: String) -> String {
    String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
}

@Suite("Write bodies: 400, 413, 415 and 422, with nothing written", .timeLimit(.minutes(1)))
struct WriteValidationTests {
    @Test("A body that is not JSON is a 400 saying where it broke")
    func notJSON() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            let broken = try editorWrite("POST", "/articles", port: port, json: "{\n  \"title\": \"x\",\n  \"body\": oops\n}")
            try expectProblem(broken, 400)
            let detail = try #require(try jsonObject(broken)["detail"] as? String)
            #expect(detail.contains("line 3, column 11"), "\(detail)")
            for body in ["{\"title\":", "", "{\"a\":1}}", "{'title':'x'}", "{\"title\":\"tab\there\"}"] {
                try expectProblem(try editorWrite("POST", "/articles", port: port, json: body), 400)
            }
            let patch = try editorWrite("PATCH", "/articles/n1", port: port, json: "[1,2", contentType: "application/merge-patch+json")
            try expectProblem(patch, 400)
            #expect((try jsonObject(patch)["detail"] as? String)?.contains("line 1, column 5") == true)
            try expectProblem(try editorWrite("PUT", "/articles/n1", port: port, json: "nul"), 400)
            #expect(try store.allArticles() == before)
        }
    }

    @Test("Another media type, or a body without Content-Type, is a 415")
    func mediaTypes() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            for contentType in ["text/plain", "application/xml", "application/json; charset=latin1", "application/merge-patch+json"] {
                try expectProblem(try editorWrite("POST", "/articles", port: port, json: floodsStory, contentType: contentType), 415)
                try expectProblem(try editorWrite("PUT", "/articles/n1", port: port, json: floodsStory, contentType: contentType), 415)
            }
            try expectProblem(try editorWrite("PATCH", "/articles/n1", port: port, json: #"{"title":"x"}"#, contentType: "text/plain"), 415)
            let bare = try send("POST", "/articles", port: port, headers: [editorAuthorization], body: floodsStory)
            try expectProblem(bare, 415)
            #expect(try store.allArticles() == before)
            // Parameters and case do not matter.
            let upper = try editorWrite("POST", "/articles", port: port, json: floodsStory, contentType: "Application/JSON; Charset=\"UTF-8\"")
            #expect(upper.status == 201)
        }
    }

    @Test("A body over the limit is a 413")
    func tooLarge() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            let client = try RawHTTPClient(port: port)
            defer { client.close() }
            try client.send("POST /articles HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer \(Fixtures.editorToken)\r\nContent-Type: application/json\r\nContent-Length: \(1024 * 1024 + 1)\r\n\r\n")
            try expectProblem(try client.readResponse(), 413)
            #expect(try store.allArticles() == before)
        }
    }

    @Test("422 lists every bad field at once: rules, unknown and read-only fields, wrong values")
    func everyBadField() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            let body = """
            {"title":"  ","body":" \\n ","category":"World News","tags":["ok","Bad Tag","ok"],"language":"english",
             "summary":\(jsonString(String(repeating: "s", count: 1001))),"author":\(jsonString(String(repeating: "a", count: 121))),
             "related":["n1","n1"],"slug":"Bad Slug","status":"live","publishedAt":"yesterday","breaking":"yes",
             "id":"abc","createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-01T00:00:00Z","colour":"red","titel":"x"}
            """
            let response = try editorWrite("POST", "/articles", port: port, json: body)
            try expectProblem(response, 422)
            let entries = try problemEntries(response)
            #expect(Set(entries.map(\.name)) == [
                "title", "body", "category", "tags[1]", "tags[2]", "language", "summary", "author", "related[1]", "slug",
                "status", "publishedAt", "breaking", "id", "createdAt", "updatedAt", "colour", "titel",
            ])
            #expect(entries.count == 18, "\(entries)")
            #expect(entries.first { $0.name == "titel" }?.message.contains("did you mean 'title'?") == true)
            #expect(entries.allSatisfy { !$0.message.isEmpty })
            let errors = try #require(try jsonObject(response)["errors"] as? [[String: Any]])
            #expect(errors.allSatisfy { $0["field"] is String && $0["message"] is String && $0.count == 2 })
            #expect(try store.allArticles() == before)
        }
    }

    @Test("Wrong JSON types are 422s naming the field; a body that is not an object is a 422")
    func wrongTypes() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            let response = try editorWrite("POST", "/articles", port: port, json: #"{"title":5,"body":["b"],"category":{"a":1},"tags":"x","related":[1,"n1",null],"breaking":"true","summary":false,"language":null}"#)
            try expectProblem(response, 422)
            #expect(Set(try problemEntries(response).map(\.name)) == ["title", "body", "category", "tags", "related[0]", "related[2]", "breaking", "summary"])
            for body in ["[]", "\"text\"", "42", "null"] {
                try expectProblem(try editorWrite("POST", "/articles", port: port, json: body), 422)
            }
            let patch = try editorWrite("PATCH", "/articles/n1", port: port, json: #"{"tags":[true]}"#)
            try expectProblem(patch, 422)
            #expect(try problemEntries(patch).map(\.name) == ["tags[0]"])
            #expect(try store.allArticles() == before)
        }
    }

    @Test("Required fields: title, body and category")
    func required() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            let empty = try editorWrite("POST", "/articles", port: port, json: "{}")
            try expectProblem(empty, 422)
            #expect(try problemEntries(empty).map(\.name) == ["title", "body", "category"])
            let put = try editorWrite("PUT", "/articles/n1", port: port, json: #"{"title":"Only a title"}"#)
            try expectProblem(put, 422)
            #expect(try problemEntries(put).map(\.name) == ["body", "category"])
            #expect(try store.allArticles() == before)
        }
    }

    @Test("Every rule of the article table, at its boundary: just inside is accepted, just outside is a 422")
    func articleTable() async throws {
        let tags21 = (1...21).map { "\"t\($0)\"" }.joined(separator: ",")
        let tags20 = (1...20).map { "\"t\($0)\"" }.joined(separator: ",")
        let combining = String(repeating: "e\u{301}", count: 300)
        let cases: [(fields: String, badField: String?)] = [
            (#""title":\#(jsonString(String(repeating: "t", count: 300)))"#, nil),
            (#""title":\#(jsonString(String(repeating: "t", count: 301)))"#, "title"),
            (#""title":\#(jsonString(combining))"#, nil),
            (#""title":\#(jsonString("  " + String(repeating: "t", count: 300) + "  "))"#, nil),
            (#""summary":\#(jsonString(String(repeating: "s", count: 1000)))"#, nil),
            (#""summary":\#(jsonString(String(repeating: "s", count: 1001)))"#, "summary"),
            (#""body":\#(jsonString(String(repeating: "b", count: 200_000)))"#, nil),
            (#""body":\#(jsonString(String(repeating: "b", count: 200_001)))"#, "body"),
            (#""author":\#(jsonString(String(repeating: "a", count: 120)))"#, nil),
            (#""author":\#(jsonString(String(repeating: "a", count: 121)))"#, "author"),
            (#""category":"middle-east""#, nil),
            (#""category":"Middle East""#, "category"),
            (#""category":"""#, "category"),
            (#""tags":[\#(tags20)]"#, nil),
            (#""tags":[\#(tags21)]"#, "tags"),
            (#""tags":[\#(jsonString(String(repeating: "x", count: 50)))]"#, nil),
            (#""tags":[\#(jsonString(String(repeating: "x", count: 51)))]"#, "tags[0]"),
            (#""tags":["a","b","a"]"#, "tags[2]"),
            (#""tags":["-a"]"#, "tags[0]"),
            (#""language":"pt-BR""#, nil),
            (#""language":"sw""#, nil),
            (#""language":"e""#, "language"),
            (#""language":"en_GB""#, "language"),
            (#""breaking":true"#, nil),
            (#""status":"archived""#, nil),
            (#""status":"Published""#, "status"),
            (#""publishedAt":"2025-02-30T00:00:00Z""#, "publishedAt"),
            (#""publishedAt":"2025-09-06""#, "publishedAt"),
            (#""slug":\#(jsonString(String(repeating: "s", count: 120)))"#, nil),
            (#""slug":\#(jsonString(String(repeating: "s", count: 121)))"#, "slug"),
            (#""slug":"a--b""#, "slug"),
            (#""slug":"-ab""#, "slug"),
            (#""slug":"UPPER""#, "slug"),
            (#""related":["n1","n2","n3","n4","n5","n6","n7","n8","n9","n10"]"#, nil),
            (#""related":["n1","n2","n3","n4","n5","n6","n7","n8","n9","n10","n1"]"#, "related"),
            (#""related":["N1"]"#, "related[0]"),
        ]
        try await withWriteServer { port, store in
            for (fields, badField) in cases {
                // The case's fields win over the defaults (a later key would be a duplicate, so merge by hand).
                var base = ["title": #""Boundary""#, "body": #""b""#, "category": #""world""#]
                let key = String(fields.dropFirst().prefix { $0 != "\"" })
                base[key] = nil
                let body = "{" + ([fields] + base.map { "\"\($0.key)\":\($0.value)" }).joined(separator: ",") + "}"
                let before = try store.allArticles()
                let response = try editorWrite("POST", "/articles", port: port, json: body)
                if let badField {
                    try expectProblem(response, 422)
                    #expect(try problemEntries(response).map(\.name).contains(badField), "\(key): \(response.bodyText.prefix(300))")
                    #expect(try store.allArticles() == before, "\(key)")
                } else {
                    #expect(response.status == 201, "\(key): \(response.bodyText.prefix(300))")
                }
            }
        }
    }

    @Test("A related id may not be the article itself")
    func relatedItself() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            let response = try editorWrite("PATCH", "/articles/n1", port: port, json: #"{"related":["n2","n1"]}"#)
            try expectProblem(response, 422)
            #expect(try problemEntries(response).map(\.name) == ["related[1]"])
            #expect(try store.allArticles() == before)
        }
    }

    @Test("Write routes take no query parameters")
    func parameters() async throws {
        try await withWriteServer { port, store in
            let before = try store.allArticles()
            try expectProblem(try editorWrite("POST", "/articles?draft=1", port: port, json: floodsStory), 400)
            try expectProblem(try editorWrite("PATCH", "/articles/n1?x=1", port: port, json: "{}"), 400)
            #expect(try store.allArticles() == before)
        }
    }
}
