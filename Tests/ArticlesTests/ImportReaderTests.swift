import Articles
import Foundation
import Testing

/// The import file's JSON reader: strict JSON, escapes, skipped fields, and errors that say where.
@Suite struct ImportReaderTests {
    private func decode(_ json: String) throws -> [Article] {
        try ArticleImport.decode(Data(json.utf8))
    }

    private func failure(_ json: String) -> ArticleImportError? {
        do {
            _ = try ArticleImport.decode(Data(json.utf8))
            return nil
        } catch {
            return error as? ArticleImportError
        }
    }

    @Test("escapes decode, surrogate pairs included; null is an absent field; unknown fields of any shape are skipped")
    func escapesNullsAndUnknownFields() throws {
        let articles = try decode(#"""
        [ {"id":"e1","title":"Quote \" slash \/ back \\ tab\t nl\n \u00e9\u4e2d \ud83d\udcf0","body":"B","category":"c",
           "summary":null,"tags":null,"breaking":null,
           "views":12345,"score":-0.5e+3,"extra":{"nested":[1,2,{"deep":[true,false,null]}],"s":"}]"},"empty":[],"o":{}}
        ]
        """#)
        #expect(articles.count == 1)
        #expect(articles[0].title == "Quote \" slash / back \\ tab\t nl\n é中 📰")
        #expect(articles[0].summary == nil && articles[0].tags == [] && !articles[0].breaking)
        #expect(try decode(" [ ] ").isEmpty)
    }

    @Test("what export writes, any text at all, reads back identically")
    func roundTripsAnyText() throws {
        var article = ArticleGenerator(seed: 5).generate(count: 1)[0]
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0)...0x2FF { if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } }
        scalars += ["\u{2028}", "\u{FEFF}", "\u{1F4F0}", "\u{10FFFF}"]
        article.body = String(String.UnicodeScalarView(scalars))
        article.summary = "\u{0}\u{1F}\"\\/"
        #expect(try ArticleImport.decode(ArticleExport.encode([article])) == [article])
    }

    @Test("broken JSON is a file problem that gives the line and column", arguments: [
        (#"[{"id":"x1",}]"#, "line 1, column 13"),
        ("[\n  {\"id\": \"x1\" \"title\": \"A\"}]", "line 2, column 15"),
        (#"[{"id":"x1"}] trailing"#, "has more after the array"),
        ("[{\"title\":\"tab\tinside\"}]", "control character"),
        (#"[{"title":"\x"}]"#, "invalid escape"),
        (#"[{"title":"\ud800"}]"#, "lone surrogate"),
        (#"[{"n":01}]"#, "line 1, column 8"),
        (#"[{"n":1.}]"#, "invalid number"),
        (#"[{"n":tru}]"#, "invalid value"),
        (#"[{"id":"x1""#, "line 1"),
        ("", "is not a JSON array"),
    ])
    func brokenJSON(json: String, expected: String) throws {
        let error = try #require(failure(json))
        #expect(error.problems.map(\.name) == ["file"])
        #expect(error.description.contains(expected), "\(error.description)")
    }

    @Test("a string that is not valid UTF-8 is refused")
    func invalidUTF8() throws {
        var bytes = Array(#"[{"id":"x1","title":"A"#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#"","body":"B","category":"c"}]"#.utf8)
        do {
            _ = try ArticleImport.decode(Data(bytes))
            Issue.record("invalid UTF-8 was accepted")
        } catch let error as ArticleImportError {
            #expect(error.description.contains("not valid UTF-8"))
        }
    }

    @Test("a mistyped field names the article by the id that follows it")
    func mistypedBeforeID() throws {
        let error = try #require(failure(#"[{"tags":"one","id":"x9","title":"A","body":"B","category":"c"}]"#))
        #expect(error.problems.map(\.name) == ["articles[0].tags"])
        #expect(error.description.contains("article 0 (id x9): tags: must be an array of strings"))
        let notObject = try #require(failure(#"[{"id":"x1","title":"A","body":"B","category":"c"}, 7]"#))
        #expect(notObject.problems.map(\.name) == ["articles[1].article"])
    }
}
