@testable import DatelineAPI
import Foundation
import HTTPServer
import Testing

@Suite("Query strings, dates, tags and JSON escaping", .timeLimit(.minutes(1)))
struct SupportTests {
    @Test("Form decoding: + is a space, %XX a byte; bad escapes and non-UTF-8 are refused")
    func formDecoding() {
        #expect(QueryParameters.formDecode("drought+aid") == "drought aid")
        #expect(QueryParameters.formDecode("a%2Cb%7Cc") == "a,b|c")
        #expect(QueryParameters.formDecode("s%C3%A9cheresse") == "sécheresse")
        #expect(QueryParameters.formDecode("100%") == nil)
        #expect(QueryParameters.formDecode("%zz") == nil)
        #expect(QueryParameters.formDecode("%E9") == nil)
        #expect(QueryParameters.percentDecode("a+b", plusIsSpace: false) == "a+b")
    }

    @Test("Parameters keep their order; unknown ones get a suggestion; _-prefixed ones are ignored")
    func parameters() {
        let parameters = QueryParameters("tag=a&catgory=world&_=1&limt=3&zzzzzz=1")
        #expect(parameters.pairs.map(\.name) == ["tag", "catgory", "_", "limt", "zzzzzz"])
        let unknown = parameters.unknown(allowed: ["tag", "category", "limit"])
        #expect(unknown.map(\.name) == ["catgory", "limt", "zzzzzz"])
        #expect(unknown[0].message == "unknown parameter 'catgory'; did you mean 'category'?")
        #expect(unknown[1].message.contains("did you mean 'limit'?"))
        #expect(!unknown[2].message.contains("did you mean"))
        #expect(parameters.rawQuery(removing: ["catgory", "limt"]) == "tag=a&_=1&zzzzzz=1")
    }

    @Test("Edit distance counts an adjacent swap as one edit")
    func editDistance() {
        #expect(QueryParameters.editDistance(Array("catgory".utf8), Array("category".utf8)) == 1)
        #expect(QueryParameters.editDistance(Array("sotr".utf8), Array("sort".utf8)) == 1)
        #expect(QueryParameters.editDistance(Array("".utf8), Array("abc".utf8)) == 3)
        #expect(QueryParameters.editDistance(Array("kitten".utf8), Array("sitting".utf8)) == 3)
    }

    @Test("HTTP dates round-trip and known values format as RFC 9110 says")
    func httpDates() {
        #expect(HTTPDate.format(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(secondsSince1970: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        for seconds: Int64 in [0, 951_782_400, 1_757_142_300, 4_102_444_800] {
            #expect(HTTPDate.parse(HTTPDate.format(secondsSince1970: seconds)) == seconds)
        }
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("garbage") == nil)
    }

    @Test("xxHash64 agrees with the reference implementation at every length class")
    func xxHash64Vectors() {
        // Digests from the reference implementation (Python's xxhash package), seed 0.
        #expect(XXHash64.hash([]) == 0xef46_db37_51d8_e999)
        #expect(XXHash64.hash(Array("a".utf8)) == 0xd24e_c4f1_a98c_6e5b)
        #expect(XXHash64.hash(Array("abc".utf8)) == 0x44bc_2cf5_ad77_0999)
        #expect(XXHash64.hash(Array("hello".utf8)) == 0x26c7_827d_889f_6da3)
        #expect(XXHash64.hash(Array("0123456789abcdef0123456789abcdef012".utf8)) == 0xf674_e02f_06c1_4d72)
        let long = (0..<3).flatMap { _ in (0...255).map { UInt8($0) } } + Array("tail!".utf8)
        #expect(XXHash64.hash(long) == 0x26bb_ff34_e506_daff)
        #expect(EntityTag.of(Array("hello".utf8)) == "\"26c7827d889f6da3\"")
        #expect(EntityTag.of([]) == "\"ef46db3751d8e999\"")
    }

    @Test("If-None-Match: lists, weak tags and *")
    func entityTags() {
        let tag = EntityTag.of(Array("hello".utf8))
        #expect(tag == EntityTag.of(Array("hello".utf8)))
        #expect(tag != EntityTag.of(Array("hellp".utf8)))
        #expect(EntityTag.noneMatchHits(tag, tag: tag))
        #expect(EntityTag.noneMatchHits("\"x\", \(tag)", tag: tag))
        #expect(EntityTag.noneMatchHits("W/\(tag)", tag: tag))
        #expect(EntityTag.noneMatchHits("*", tag: tag))
        #expect(!EntityTag.noneMatchHits("\"x\"", tag: tag))
    }

    @Test("JSON strings are escaped as RFC 8259 requires")
    func jsonEscaping() {
        var json = JSONWriter()
        json.beginObject()
        json.key("text"); json.string("quote \" backslash \\ newline \n tab \t bell \u{07} é “curly”")
        json.key("n"); json.int(-1203)
        json.key("list"); json.beginArray(); json.int(0); json.bool(true); json.null(); json.endArray()
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self)
            == #"{"text":"quote \" backslash \\ newline \n tab \t bell \u0007 é “curly”","n":-1203,"list":[0,true,null]}"#)
    }

    @Test("JSON escaping finds a special character at every position of the eight-byte scan")
    func jsonEscapingEveryPosition() throws {
        let specials: [Character] = ["\"", "\\", "\n", "\u{00}", "\u{1F}", " ", "\u{7F}", "é", "!", "#", "]", "\u{21}"]
        for length in 1...20 {
            for position in 0..<length {
                for special in specials {
                    var text = String(repeating: "a", count: length)
                    let index = text.index(text.startIndex, offsetBy: position)
                    text.replaceSubrange(index...index, with: String(special))
                    var json = JSONWriter()
                    json.beginArray(); json.string(text); json.endArray()
                    let decoded = try JSONDecoder().decode([String].self, from: Data(json.bytes))
                    #expect(decoded == [text], "length \(length), position \(position), \(special.unicodeScalars.first!.value)")
                }
            }
        }
    }

    @Test("Routes are matched from the path; refs are percent-decoded")
    func routes() {
        #expect(Route(path: "/articles") == .articles)
        #expect(Route(path: "/articles/abc") == .article(ref: "abc"))
        #expect(Route(path: "/articles/a%62c") == .article(ref: "abc"))
        #expect(Route(path: "/articles/abc/related") == .related(ref: "abc"))
        #expect(Route(path: "/articles/") == .staticFile)
        #expect(Route(path: "/articles/abc/other") == .staticFile)
        #expect(Route(path: "/health") == .health)
        #expect(Route(path: "/") == .staticFile)
        let collections: [(String, Route)] = [
            ("/categories", .categories), ("/tags", .tags), ("/authors", .authors), ("/ready", .ready),
            ("/events", .events), ("/metrics", .metrics), ("/openapi.json", .openAPI),
        ]
        for (path, route) in collections { #expect(Route(path: path) == route, "\(path)") }
        for path in ["/health/", "/tagsx", "/Articles", "/articles/abc/", "/articles//related", "/articles/abc/related/",
                     "/articles/abc/related/x", "/articles/abc/relate", "/index.html", "/tags/sudan", ""] {
            #expect(Route(path: path) == .staticFile, "\(path)")
        }
    }

    @Test("Editor tokens compare in constant time and refuse malformed headers")
    func editorAuth() throws {
        let auth = EditorAuth(tokens: ["alpha", "beta"])
        #expect(try auth.authenticate(nil) == false)
        #expect(try auth.authenticate("Bearer beta") == true)
        #expect(try auth.authenticate("bearer alpha") == true)
        #expect(throws: Problem.self) { try auth.authenticate("Bearer alph") }
        #expect(throws: Problem.self) { try auth.authenticate("Basic YWxwaGE=") }
        #expect(throws: Problem.self) { try EditorAuth(tokens: []).authenticate("Bearer anything") }
        #expect(EditorAuth.constantTimeEquals(Array("abc".utf8), Array("abc".utf8)))
        #expect(!EditorAuth.constantTimeEquals(Array("abc".utf8), Array("abcd".utf8)))
    }
}
