/// Word pairs (two term ids, first << 32 | second) ↔ dense pair ids: an open-addressing hash table, like
/// `TermTable` for words. Indexing looks up every adjacent pair of words of every article, so this avoids a
/// `Dictionary` and its SipHash per pair.
struct PairTable {
    /// Pair id + 1 per bucket; 0 = empty.
    private var buckets: [Int32]
    private var mask: Int
    /// Each pair's key, by id.
    private(set) var keys: [UInt64] = []

    init() {
        buckets = [Int32](repeating: 0, count: 1024)
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
            let entry = buckets[bucket]
            if entry == 0 { break }
            if keys[Int(entry - 1)] == key { return entry - 1 }
            bucket = (bucket + 1) & mask
        }
        let id = Int32(keys.count)
        keys.append(key)
        buckets[bucket] = id + 1
        if keys.count * 2 > buckets.count { grow() }
        return id
    }

    /// The id of `key`, or nil if no article ever had the pair.
    func id(of key: UInt64) -> Int32? {
        var bucket = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while true {
            let entry = buckets[bucket]
            if entry == 0 { return nil }
            if keys[Int(entry - 1)] == key { return entry - 1 }
            bucket = (bucket + 1) & mask
        }
    }

    private mutating func grow() {
        let size = buckets.count * 2
        buckets = [Int32](repeating: 0, count: size)
        mask = size - 1
        for id in keys.indices {
            var bucket = Int(truncatingIfNeeded: Self.hash(keys[id])) & mask
            while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
            buckets[bucket] = Int32(id + 1)
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
