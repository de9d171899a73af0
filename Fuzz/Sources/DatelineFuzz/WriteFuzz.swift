import Articles
@testable import DatelineAPI
import HTTPServer

/// The write API's JSON parser and validation: the input is the body of an editor's `POST /articles`. The
/// parser's output written back as JSON parses to the same value; the route answers 201, 400 or 422, never
/// a 5xx; and an article it creates passes every rule (then it is deleted, so the store stays the sample).
func fuzzWrite(_ input: UnsafeBufferPointer<UInt8>) {
    let body = Array(input)
    if let value = try? JSONParser.parse(body) {
        let written = FuzzJSON.encode(value)
        let reparsed: JSONValue
        do {
            reparsed = try JSONParser.parse(written)
        } catch {
            fatalError("the parser's own value written back does not parse: \(error.description)")
        }
        check(reparsed == value, "JSON → value → JSON → value changed the value")
    }
    let response = FuzzApp.answer("POST", "/articles", headers: [("Content-Type", "application/json")], body: body, editor: true)
    check([201, 400, 409, 422].contains(response.status.code), "POST /articles answered \(response.status.code)")
    guard response.status.code == 201 else { return }
    guard let location = response.headers["Location"], location.hasPrefix("/articles/") else {
        fatalError("a 201 without a Location")
    }
    let id = String(location.dropFirst("/articles/".count))
    guard let created = try? FuzzApp.store.article(ref: id) else { fatalError("the created article \(id) is not in the store") }
    let problems = ArticleValidator.problems(in: created)
    check(problems.isEmpty, "a created article breaks rules: \(problems)")
    do {
        try FuzzApp.store.delete(id: id, expected: nil)
    } catch {
        fatalError("the created article \(id) cannot be deleted: \(error)")
    }
}

/// Writes a `JSONValue` back as JSON (numbers as they were written).
enum FuzzJSON {
    static func encode(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        write(value, to: &writer)
        return writer.bytes
    }

    private static func write(_ value: JSONValue, to writer: inout JSONWriter) {
        switch value {
        case .null: writer.null()
        case .bool(let flag): writer.bool(flag)
        case .number(let text): writer.raw(Array(text.utf8))
        case .string(let text): writer.string(text)
        case .array(let items):
            writer.beginArray()
            for item in items { write(item, to: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for (key, member) in members {
                writer.key(key)
                write(member, to: &writer)
            }
            writer.endObject()
        }
    }
}
