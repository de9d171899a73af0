/// Generates new ids: lowercase letters+digits, <= 32 chars, never reused (12 random base-36 characters: 62 bits).
public enum ArticleID {
    /// The longest id.
    public static let maximumLength = 32

    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    /// A fresh random id of 12 base-36 characters, starting with a letter.
    public static func generate() -> Article.ID {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = [alphabet[Int.random(in: 10..<36, using: &generator)]]
        for _ in 1..<12 { bytes.append(alphabet[Int.random(in: 0..<36, using: &generator)]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Lowercase ASCII letters and digits only, 1 to 32 of them.
    public static func isValid(_ id: String) -> Bool {
        let bytes = id.utf8
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        return bytes.allSatisfy { $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x30 && $0 <= 0x39 }
    }
}
