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

    /// The set a stored text holds; nil when the text is not one this type wrote.
    init?(stored text: String) {
        self.init()
        let utf8 = Array(text.utf8)
        guard let kind = utf8.first else { return nil }
        switch kind {
        case UInt8(ascii: "a"):
            guard (utf8.count - 1) % 3 == 0 else { return nil }
            var index = 1
            while index < utf8.count {
                guard let a = Self.nibble(utf8[index]), let b = Self.nibble(utf8[index + 1]), let c = Self.nibble(utf8[index + 2])
                else { return nil }
                let offset = Int(a) << 8 | Int(b) << 4 | Int(c)
                bits[offset >> 6] |= 1 << UInt64(offset & 63)
                index += 3
            }
        case UInt8(ascii: "b"):
            guard utf8.count == 1 + Self.size / 4 else { return nil }
            for byteIndex in 0..<(Self.size / 8) {
                guard let high = Self.nibble(utf8[1 + 2 * byteIndex]), let low = Self.nibble(utf8[2 + 2 * byteIndex]) else { return nil }
                bits[byteIndex >> 3] |= UInt64(high << 4 | low) << UInt64((byteIndex & 7) * 8)
            }
        default:
            return nil
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

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
