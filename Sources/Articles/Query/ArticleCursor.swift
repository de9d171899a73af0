/// Opaque keyset cursor; encodes the sort and the last item's sort key + id. URL-safe base64, no padding.
///
/// Layout before base64: version byte, sort byte, key (8 bytes, big-endian), score (8 bytes), id (UTF-8),
/// then a 2-byte checksum so a hand-edited cursor is rejected rather than silently misread.
public struct ArticleCursor: Sendable, Equatable {
    /// The sort the cursor was made for.
    public var sort: ArticleSort
    /// The last item's primary time key: its publish time (newest/oldest/relevance) or update time (updated).
    public var key: Int64
    /// The last item's search score (relevance only; 0 otherwise).
    public var score: Int64
    /// The last item's id.
    public var id: Article.ID

    /// A cursor positioned after an item with these keys.
    public init(sort: ArticleSort, key: Int64, score: Int64 = 0, id: Article.ID) {
        self.sort = sort
        self.key = key
        self.score = score
        self.id = id
    }

    /// The URL-safe form to hand to clients.
    public var encoded: String {
        var bytes: [UInt8] = [1, Self.code(of: sort)]
        for value in [key, score] {
            let bits = UInt64(bitPattern: value)
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        }
        bytes.append(contentsOf: id.utf8)
        let check = Self.checksum(bytes)
        bytes.append(UInt8(check >> 8))
        bytes.append(UInt8(check & 0xFF))
        return Base64URL.encode(bytes)
    }

    /// Decodes a cursor this type encoded; nil for anything else.
    public init?(encoded: String) {
        guard let bytes = Base64URL.decode(encoded), bytes.count >= 20, bytes[0] == 1 else { return nil }
        let payload = bytes[..<(bytes.count - 2)]
        let check = UInt16(bytes[bytes.count - 2]) << 8 | UInt16(bytes[bytes.count - 1])
        guard Self.checksum(payload) == check, let sort = Self.sort(code: bytes[1]) else { return nil }
        func int64(at offset: Int) -> Int64 {
            var bits: UInt64 = 0
            for index in offset..<(offset + 8) { bits = bits << 8 | UInt64(bytes[index]) }
            return Int64(bitPattern: bits)
        }
        let idBytes = bytes[18..<(bytes.count - 2)]
        guard let id = String(validating: idBytes, as: UTF8.self), ArticleID.isValid(id) else { return nil }
        self.init(sort: sort, key: int64(at: 2), score: int64(at: 10), id: id)
    }

    private static func code(of sort: ArticleSort) -> UInt8 {
        switch sort {
        case .newest: 1
        case .oldest: 2
        case .updated: 3
        case .relevance: 4
        }
    }

    private static func sort(code: UInt8) -> ArticleSort? {
        switch code {
        case 1: .newest
        case 2: .oldest
        case 3: .updated
        case 4: .relevance
        default: nil
        }
    }

    // FNV-1a folded to 16 bits: not security, just a guard against typos and truncation.
    private static func checksum(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return UInt16(truncatingIfNeeded: hash ^ (hash >> 16))
    }
}

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5).
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(group >> 18 & 63)])
            out.append(alphabet[Int(group >> 12 & 63)])
            if remaining > 1 { out.append(alphabet[Int(group >> 6 & 63)]) }
            if remaining > 2 { out.append(alphabet[Int(group & 63)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3 / 4)
        var group: UInt32 = 0
        var bits = 0
        for byte in input {
            let value = values[Int(byte)]
            guard value != 0xFF else { return nil }
            group = group << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: group >> UInt32(bits)))
            }
        }
        // Leftover bits must be zero, so each byte string has exactly one encoding.
        guard group & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return out
    }
}
