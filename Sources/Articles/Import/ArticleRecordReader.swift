#if canImport(Glibc)
import Glibc
#endif

/// Reads the import format (a JSON array of article objects) straight from its bytes into records: one pass,
/// no intermediate tree, so 100,000 articles (400 MB of JSON) load in about a second and the peak memory is
/// the file plus the articles. Foundation's JSONDecoder took three times as long and twice the memory.
///
/// Strict JSON (RFC 8259): the file must be valid UTF-8; unknown fields are skipped whatever they hold;
/// `null` is an absent field; a repeated field keeps its last value. The first error stops the read.
struct ArticleRecordReader {
    /// Why the bytes are not an array of article records.
    enum Failure: Error {
        /// The JSON itself is broken at byte `offset`.
        case syntax(offset: Int, message: String)
        /// Article `index`'s `field` has the wrong type or form.
        case field(index: Int, id: String?, slug: String?, field: String, message: String)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Every record, in order.
    mutating func read() throws(Failure) -> [ArticleRecord] {
        skipWhitespace()
        guard peek() == UInt8(ascii: "[") else { throw syntax("is not a JSON array of articles") }
        position += 1
        var records: [ArticleRecord] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
        } else {
            while true {
                records.append(try readRecord(index: records.count))
                skipWhitespace()
                let next = peek()
                position += 1
                if next == UInt8(ascii: ",") { continue }
                if next == UInt8(ascii: "]") { break }
                position -= 1
                throw syntax("expected ',' or ']' after an article")
            }
        }
        skipWhitespace()
        guard position == bytes.count else { throw syntax("has more after the array of articles") }
        return records
    }

    // MARK: Records

    private mutating func readRecord(index: Int) throws(Failure) -> ArticleRecord {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else {
            if peek() == nil { throw syntax("ends inside the array of articles") }
            throw Failure.field(index: index, id: nil, slug: nil, field: "article", message: "must be a JSON object")
        }
        position += 1
        var record = ArticleRecord()
        // A type error names the article by id or slug, which may come after the bad field: it is raised
        // once the object has been read.
        var deferred: (field: String, message: String)?
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return record
        }
        while true {
            skipWhitespace()
            let key = try readString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw syntax("expected ':' after a field name") }
            position += 1
            skipWhitespace()
            do throws(FieldError) {
                switch key {
                case "id": record.id = try optionalString()
                case "slug": record.slug = try optionalString()
                case "title": record.title = try optionalString()
                case "summary": record.summary = try optionalString()
                case "body": record.body = try optionalString()
                case "author": record.author = try optionalString()
                case "category": record.category = try optionalString()
                case "language": record.language = try optionalString()
                case "tags": record.tags = try optionalStrings()
                case "related": record.related = try optionalStrings()
                case "breaking": record.breaking = try optionalBool()
                case "status":
                    if let text = try optionalString() {
                        guard let status = ArticleStatus(rawValue: text) else { throw FieldError.invalid("must be one of draft, published, archived") }
                        record.status = status
                    }
                case "publishedAt": record.publishedAt = try optionalTimestamp()
                case "createdAt": record.createdAt = try optionalTimestamp()
                case "updatedAt": record.updatedAt = try optionalTimestamp()
                default:
                    do { try skipValue() } catch { throw .syntax(error) }
                }
            } catch {
                switch error {
                case .syntax(let failure): throw failure
                case .wrong(let message):
                    if deferred == nil { deferred = (key, message) }
                    try skipValue()
                case .invalid(let message):
                    if deferred == nil { deferred = (key, message) }
                }
            }
            skipWhitespace()
            let next = peek()
            position += 1
            if next == UInt8(ascii: ",") { continue }
            if next == UInt8(ascii: "}") { break }
            position -= 1
            throw syntax("expected ',' or '}' in an article")
        }
        if let deferred {
            throw Failure.field(index: index, id: record.id, slug: record.slug, field: deferred.field, message: deferred.message)
        }
        return record
    }

    /// A field's value of the wrong kind (left unread), of the right kind but a bad form (read), or broken JSON.
    private enum FieldError: Error {
        case wrong(String)
        case invalid(String)
        case syntax(Failure)
    }

    private mutating func isNull() -> Bool {
        guard bytes.count - position >= 4, bytes[position] == UInt8(ascii: "n") else { return false }
        guard bytes[position + 1] == UInt8(ascii: "u"), bytes[position + 2] == UInt8(ascii: "l"),
              bytes[position + 3] == UInt8(ascii: "l") else { return false }
        position += 4
        return true
    }

    private mutating func optionalString() throws(FieldError) -> String? {
        if isNull() { return nil }
        guard peek() == UInt8(ascii: "\"") else { throw .wrong("must be a string") }
        do { return try readString() } catch { throw .syntax(error) }
    }

    private mutating func optionalStrings() throws(FieldError) -> [String]? {
        if isNull() { return nil }
        guard peek() == UInt8(ascii: "[") else { throw .wrong("must be an array of strings") }
        let start = position
        position += 1
        var values: [String] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return values
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                position = start
                throw .wrong("must be an array of strings")
            }
            do { values.append(try readString()) } catch { throw .syntax(error) }
            skipWhitespace()
            let next = peek()
            position += 1
            if next == UInt8(ascii: ",") { continue }
            if next == UInt8(ascii: "]") { return values }
            position -= 1
            throw .syntax(syntax("expected ',' or ']' in an array of strings"))
        }
    }

    private mutating func optionalBool() throws(FieldError) -> Bool? {
        if isNull() { return nil }
        if matches("true") { return true }
        if matches("false") { return false }
        throw .wrong("must be true or false")
    }

    private mutating func optionalTimestamp() throws(FieldError) -> Timestamp? {
        guard let text = try optionalString() else { return nil }
        guard let timestamp = Timestamp(rfc3339: text) else { throw .invalid("must be an RFC 3339 timestamp string") }
        return timestamp
    }

    private mutating func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[position + offset] != pointer[offset] { return false }
        position += count
        return true
    }

    // MARK: JSON

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private func syntax(_ message: String) -> Failure {
        .syntax(offset: position, message: message)
    }

    /// A string at `position` (which holds its opening quote); escapes decoded, UTF-8 validated.
    private mutating func readString() throws(Failure) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw syntax("expected a string") }
        position += 1
        let start = position
        var run = plainRun()
        // The common case: no escapes, so the bytes are the string.
        if peek() == UInt8(ascii: "\"") {
            position += 1
            return try validated(UnsafeBufferPointer(rebasing: bytes[run]), at: start)
        }
        // Escapes (a body's "\n\n" between paragraphs): runs of plain bytes are copied whole between them.
        var decoded: [UInt8] = []
        while true {
            decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run]))
            guard let byte = peek() else { throw syntax("ends inside a string") }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return try decoded.withUnsafeBufferPointer { buffer throws(Failure) in try validated(buffer, at: start) }
            case UInt8(ascii: "\\"):
                position += 1
                try readEscape(into: &decoded)
            default:
                throw syntax("has a control character inside a string")
            }
            run = plainRun()
        }
    }

    /// Advances over bytes that stand for themselves in a string (not a quote, backslash or control
    /// character) and returns their range. A local index over the raw pointer keeps this to a few
    /// instructions a byte: bodies are most of a file.
    private mutating func plainRun() -> Range<Int> {
        let start = position
        guard let base = bytes.baseAddress else { return start..<start }
        var index = start
        let end = bytes.count
        while index < end {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        position = index
        return start..<index
    }

    /// The string of `utf8`, which must be valid UTF-8. `String(decoding:)` has the fast validating copy
    /// (`String(validating:)` took a generic path costing more than the rest of the read); it repairs bad
    /// input instead of refusing it, so the result is compared with the input, a memcmp.
    private func validated(_ utf8: UnsafeBufferPointer<UInt8>, at start: Int) throws(Failure) -> String {
        var text = String(decoding: utf8, as: UTF8.self)
        let same = text.utf8.count == utf8.count && text.withUTF8 { decoded in
            decoded.count == 0 || memcmp(decoded.baseAddress!, utf8.baseAddress!, decoded.count) == 0
        }
        guard same else { throw Failure.syntax(offset: start, message: "holds a string that is not valid UTF-8") }
        return text
    }

    private mutating func readEscape(into decoded: inout [UInt8]) throws(Failure) {
        guard let byte = peek() else { throw syntax("ends inside a string") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(byte)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low one.
                guard matches("\\u") else { throw syntax("has a lone surrogate in a \\u escape") }
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw syntax("has a lone surrogate in a \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw syntax("has a lone surrogate in a \\u escape")
            }
            guard let value = Unicode.Scalar(scalar) else { throw syntax("has an invalid \\u escape") }
            decoded.append(contentsOf: UTF8.encode(value)!)
        default:
            position -= 1
            throw syntax("has an invalid escape in a string")
        }
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        guard bytes.count - position >= 4 else { throw syntax("ends inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw syntax("has an invalid \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Skips any JSON value (an unknown field's, or a mistyped one).
    private mutating func skipValue() throws(Failure) {
        skipWhitespace()
        guard let byte = peek() else { throw syntax("ends where a value was expected") }
        switch byte {
        case UInt8(ascii: "\""):
            _ = try readString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            position += 1
            skipWhitespace()
            if peek() == close {
                position += 1
                return
            }
            while true {
                if close == UInt8(ascii: "}") {
                    skipWhitespace()
                    _ = try readString()
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ":") else { throw syntax("expected ':' after a field name") }
                    position += 1
                }
                try skipValue()
                skipWhitespace()
                let next = peek()
                position += 1
                if next == UInt8(ascii: ",") { continue }
                if next == close { return }
                position -= 1
                throw syntax("expected ',' or '\(Character(Unicode.Scalar(close)))'")
            }
        default:
            if matches("true") || matches("false") || matches("null") { return }
            try skipNumber()
        }
    }

    /// A number as RFC 8259 spells it: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func skipNumber() throws(Failure) {
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
        } else {
            guard skipDigits() > 0 else { throw syntax("has an invalid value") }
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard skipDigits() > 0 else { throw syntax("has an invalid number") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() > 0 else { throw syntax("has an invalid number") }
        }
    }

    private mutating func skipDigits() -> Int {
        let start = position
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { position += 1 }
        return position - start
    }
}
