/// The search index's vocabulary: folded words ↔ dense term ids, in an open-addressing hash table over one
/// byte arena (building the index looks up every word of every article, so this avoids a String and a
/// SipHash per word).
struct TermTable {
    /// Term id + 1 per bucket; 0 = empty.
    private var buckets: [Int32]
    private var mask: Int
    /// The words' bytes, back to back; word `i` is `arena[starts[i]..<starts[i + 1]]`.
    private var arena: [UInt8] = []
    private var starts: [Int32] = [0]
    private var hashes: [UInt64] = []

    init() {
        buckets = [Int32](repeating: 0, count: 1024)
        mask = 1023
    }

    var count: Int { hashes.count }

    /// The id of `word`, adding it when new.
    mutating func id(inserting word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(word)
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = buckets[bucket]
            if entry == 0 { break }
            if hashes[Int(entry - 1)] == hash && matches(Int(entry - 1), word) { return entry - 1 }
            bucket = (bucket + 1) & mask
        }
        let id = Int32(hashes.count)
        arena.append(contentsOf: word)
        starts.append(Int32(arena.count))
        hashes.append(hash)
        buckets[bucket] = id + 1
        if hashes.count * 2 > buckets.count { grow() }
        return id
    }

    /// The id of `word`, or nil if no article ever had it.
    func id(of word: String) -> Int32? {
        var word = word
        return word.withUTF8 { bytes in
            let hash = Self.hash(bytes)
            var bucket = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = buckets[bucket]
                if entry == 0 { return nil }
                if hashes[Int(entry - 1)] == hash && matches(Int(entry - 1), bytes) { return entry - 1 }
                bucket = (bucket + 1) & mask
            }
        }
    }

    /// Calls `body` with the bytes of term `id`.
    func withWord<Result>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        arena.withUnsafeBufferPointer { arena in
            body(UnsafeBufferPointer(rebasing: arena[Int(starts[id])..<Int(starts[id + 1])]))
        }
    }

    private func matches(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        let end = Int(starts[id + 1])
        guard end - start == word.count else { return false }
        for offset in 0..<word.count where arena[start + offset] != word[offset] { return false }
        return true
    }

    private mutating func grow() {
        let size = buckets.count * 2
        buckets = [Int32](repeating: 0, count: size)
        mask = size - 1
        for id in hashes.indices {
            var bucket = Int(truncatingIfNeeded: hashes[id]) & mask
            while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
            buckets[bucket] = Int32(id + 1)
        }
    }

    // FNV-1a over the bytes, then a final mix so the low bits (the bucket) depend on every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }
}
