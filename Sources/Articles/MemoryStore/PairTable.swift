/// Word pairs (two term ids, first << 32 | second) ↔ dense pair ids: an open-addressing hash table, like
/// `TermTable` for words. Indexing looks up every adjacent pair of words of every article (42 million at
/// 100,000 articles), so this avoids a `Dictionary` and its SipHash per pair, and keeps each bucket's key
/// beside its id (one cache line per probe).
struct PairTable {
    private struct Bucket {
        /// `empty` when unused: no pair of term ids (each below 2^31) has this key.
        var key: UInt64
        var id: Int32
    }

    private static let empty = UInt64.max
    private var buckets: [Bucket]
    private var mask: Int
    /// Each pair's key, by id.
    private(set) var keys: [UInt64] = []

    init() {
        buckets = [Bucket](repeating: Bucket(key: Self.empty, id: 0), count: 1024)
        mask = 1023
    }

    var count: Int { keys.count }

    @inline(__always)
    static func key(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    /// The id of `key`, adding it when new.
    mutating func id(inserting key: UInt64) -> Int32 {
        var bucket = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while true {
            let found = buckets[bucket]
            if found.key == key { return found.id }
            if found.key == Self.empty { break }
            bucket = (bucket + 1) & mask
        }
        let id = Int32(keys.count)
        keys.append(key)
        buckets[bucket] = Bucket(key: key, id: id)
        if keys.count * 2 > buckets.count { grow() }
        return id
    }

    /// The id of `key`, or nil if no article ever had the pair.
    func id(of key: UInt64) -> Int32? {
        var bucket = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while true {
            let found = buckets[bucket]
            if found.key == key { return found.id }
            if found.key == Self.empty { return nil }
            bucket = (bucket + 1) & mask
        }
    }

    private mutating func grow() {
        let size = buckets.count * 2
        buckets = [Bucket](repeating: Bucket(key: Self.empty, id: 0), count: size)
        mask = size - 1
        for (id, key) in keys.enumerated() {
            var bucket = Int(truncatingIfNeeded: Self.hash(key)) & mask
            while buckets[bucket].key != Self.empty { bucket = (bucket + 1) & mask }
            buckets[bucket] = Bucket(key: key, id: Int32(id))
        }
    }

    // The finaliser of SplitMix64: every bit of the key reaches the low bits (the bucket).
    @inline(__always)
    private static func hash(_ key: UInt64) -> UInt64 {
        var value = key &+ 0x9E37_79B9_7F4A_7C15
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
