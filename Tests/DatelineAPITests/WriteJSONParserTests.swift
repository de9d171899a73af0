@testable import DatelineAPI
import Testing

@Suite("The write bodies' JSON parser", .timeLimit(.minutes(1)))
struct WriteJSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    private func failure(_ text: String) -> JSONParser.SyntaxError? {
        do {
            _ = try JSONParser.parse(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test("Values, escapes and surrogate pairs; members keep their order; true is not 1")
    func values() throws {
        let value = try parse(#" {"b":[true,false,null,-1.5e3,0],"a":"x\"\\\/\n\u00e9\ud83d\ude00"} "#)
        #expect(value == .object([
            ("b", .array([.bool(true), .bool(false), .null, .number("-1.5e3"), .number("0")])),
            ("a", .string("x\"\\/\né😀")),
        ]))
        #expect(try parse("\"ünïcode ok\"") == .string("ünïcode ok"))
    }

    @Test("Where it broke: line, column and byte offset")
    func positions() throws {
        let error = try #require(failure("{\n  \"a\": 1,\n  \"b\" 2\n}"))
        #expect(error.line == 3 && error.column == 7 && error.offset == 18)
        #expect(error.description.hasPrefix("line 3, column 7 (byte 18)"))
        let end = try #require(failure("[1, 2"))
        #expect(end.line == 1 && end.column == 6)
    }

    @Test("Not JSON: trailing data, bad literals, leading zeros, lone surrogates, raw control characters, bad UTF-8, deep nesting")
    func rejects() {
        for text in ["", "{} x", "tru", "01", "1.", "-", "\"\\ud800\"", "\"\\udc00\"", "\"a\u{1}\"", "{\"a\" 1}", "{,}", "[1,]", "\"\\x\"",
                     String(repeating: "[", count: 65) + String(repeating: "]", count: 65)] {
            #expect(failure(text) != nil, "\(text.prefix(20))")
        }
        #expect((try? JSONParser.parse([0x22, 0xFF, 0x22])) == nil)
        #expect((try? parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64))) != nil)
    }
}
