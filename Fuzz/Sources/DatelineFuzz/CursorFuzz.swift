@testable import Articles

/// The cursor decoder: whatever a client sends as `cursor=` either decodes to a cursor whose encoding is
/// exactly the text given (a cursor has one encoding), or is refused. Never a trap.
func fuzzCursor(_ input: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: input, as: UTF8.self)
    if let cursor = ArticleCursor(encoded: text) {
        check(cursor.encoded == text, "cursor \(text) re-encodes as \(cursor.encoded)")
        check(ArticleCursor(encoded: cursor.encoded) == cursor, "cursor \(text) decodes differently the second time")
    }
}
