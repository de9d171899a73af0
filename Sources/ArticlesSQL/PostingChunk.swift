/// The articles of one chunk of `seq` numbers (`PostingChunk.size` of them) that hold one search token: a set of
/// offsets 0..<size, stored as text so both databases keep it in a plain TEXT column.
///
/// Stored form (the smaller of two, as roaring bitmaps choose): `a` then three hex digits per offset, ascending,
/// for a sparse set; `b` then the bitmap's `size / 8` bytes in hex (bit `i` of byte `i / 8` is offset `i`) for a
/// dense one. A chunk's text is at most 1,025 characters, so a row never leaves PostgreSQL's page for TOAST.
struct PostingChunk: Equatable {
    /// Offsets per chunk: one chunk of 100,000 articles is 25 rows per token.
    static let size = 4096
    /// 64-bit words in a dense chunk.
    static let words = size / 64

    /// The bitmap, `words` words (offset `i` is bit `i % 64` of word `i / 64`).
    private(set) var bits: [UInt64]

    /// The empty set.
    init() {
        bits = Array(repeating: 0, count: Self.words)
    }

    /// Every offset.
    static let full: PostingChunk = {
        var chunk = PostingChunk()
        chunk.bits = Array(repeating: ~0, count: words)
        return chunk
    }()

    /// The set a stored text holds; nil when the text is not one this type wrote.
    init?(stored text: String) {
        var text = text
        // A search reads a few hundred of these per query: decoded straight from the string's UTF-8.
        let decoded = text.withUTF8 { utf8 -> [UInt64]? in
            var bits = [UInt64](repeating: 0, count: Self.words)
            guard let kind = utf8.first else { return nil }
            var bad: UInt8 = 0
            switch kind {
            case UInt8(ascii: "a"):
                guard (utf8.count - 1) % 3 == 0 else { return nil }
                var index = 1
                while index < utf8.count {
                    let a = Self.nibbles[Int(utf8[index])], b = Self.nibbles[Int(utf8[index + 1])], c = Self.nibbles[Int(utf8[index + 2])]
                    bad |= a | b | c
                    let offset = Int(a & 15) << 8 | Int(b & 15) << 4 | Int(c & 15)
                    bits[offset >> 6] |= 1 << UInt64(offset & 63)
                    index += 3
                }
            case UInt8(ascii: "b"):
                guard utf8.count == 1 + Self.size / 4 else { return nil }
                for word in 0..<Self.words {
                    var value: UInt64 = 0
                    for byte in 0..<8 {
                        let at = 1 + 16 * word + 2 * byte
                        let high = Self.nibbles[Int(utf8[at])], low = Self.nibbles[Int(utf8[at + 1])]
                        bad |= high | low
                        value |= UInt64((high & 15) << 4 | (low & 15)) << UInt64(byte * 8)
                    }
                    bits[word] = value
                }
            default:
                return nil
            }
            return bad & 0x80 == 0 ? bits : nil
        }
        guard let decoded else { return nil }
        bits = decoded
    }

    /// Each byte's hex value, or 0x80 for a byte that is no lowercase hex digit.
    private static let nibbles: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x30...0x39: UInt8(byte - 0x30)
        case 0x61...0x66: UInt8(byte - 0x61 + 10)
        default: 0x80
        }
    }

    /// How many offsets the set holds.
    var count: Int {
        bits.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    var isEmpty: Bool {
        bits.allSatisfy { $0 == 0 }
    }

    mutating func insert(_ offset: Int) {
        bits[offset >> 6] |= 1 << UInt64(offset & 63)
    }

    mutating func remove(_ offset: Int) {
        bits[offset >> 6] &= ~(1 << UInt64(offset & 63))
    }

    func contains(_ offset: Int) -> Bool {
        bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    /// Adds every offset of `other`.
    mutating func formUnion(_ other: PostingChunk) {
        for index in 0..<Self.words { bits[index] |= other.bits[index] }
    }

    /// Keeps only the offsets `other` holds too.
    mutating func formIntersection(_ other: PostingChunk) {
        for index in 0..<Self.words { bits[index] &= other.bits[index] }
    }

    /// Removes every offset of `other`.
    mutating func subtract(_ other: PostingChunk) {
        for index in 0..<Self.words { bits[index] &= ~other.bits[index] }
    }

    /// The stored text (see the type's comment).
    var stored: String {
        let count = count
        var out: [UInt8] = []
        if count * 3 < Self.size / 4 {
            out.reserveCapacity(1 + 3 * count)
            out.append(UInt8(ascii: "a"))
            for (index, word) in bits.enumerated() where word != 0 {
                var rest = word
                while rest != 0 {
                    let offset = index << 6 | rest.trailingZeroBitCount
                    out.append(Self.hex[offset >> 8])
                    out.append(Self.hex[(offset >> 4) & 15])
                    out.append(Self.hex[offset & 15])
                    rest &= rest - 1
                }
            }
        } else {
            out.reserveCapacity(1 + Self.size / 4)
            out.append(UInt8(ascii: "b"))
            for byteIndex in 0..<(Self.size / 8) {
                let byte = Int((bits[byteIndex >> 3] >> UInt64((byteIndex & 7) * 8)) & 0xFF)
                out.append(Self.hex[byte >> 4])
                out.append(Self.hex[byte & 15])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
