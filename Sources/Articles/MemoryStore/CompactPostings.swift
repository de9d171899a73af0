/// A posting list kept small: per posting, the gap from the previous posting's slot shifted left by 4, with
/// the field bits in the low 4, as a LEB128 varint (7 bits a byte). The word-pair index holds about 420
/// postings an article (one per distinct pair of adjacent words), so at 100,000 articles this is ~2 bytes a
/// posting instead of 4 (`PackedPosting`): ~90 MB less. Read by decoding front to back (`packed()`), which
/// a phrase search does once per pair it needs.
struct CompactPostings {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0
    /// The slot of the last posting; -1 when empty.
    private(set) var lastSlot: Int32 = -1

    var isEmpty: Bool { count == 0 }

    /// Appends a posting; `slot` must be above every slot already in the list.
    mutating func append(slot: Int32, fields: UInt8) {
        Self.encode(UInt64(slot - lastSlot) << 4 | UInt64(fields), into: &bytes)
        lastSlot = slot
        count += 1
    }

    /// Appends a run of postings: the first (`slot`, `fields`), then `count - 1` more whose gaps are already
    /// encoded in `gaps`, the last of them at `lastSlot`.
    mutating func append(slot: Int32, fields: UInt8, gaps: ArraySlice<UInt8>, lastSlot: Int32, count: Int) {
        append(slot: slot, fields: fields)
        bytes.append(contentsOf: gaps)
        self.lastSlot = lastSlot
        self.count += count - 1
    }

    /// Appends `value` as a LEB128 varint.
    @inline(__always)
    static func encode(_ value: UInt64, into bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Calls `body` with each posting's slot and fields, in slot order.
    @inline(__always)
    func forEach(_ body: (Int32, UInt8) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            var slot: Int32 = -1
            var index = 0
            while index < buffer.count {
                var value: UInt64 = 0
                var shift: UInt64 = 0
                var byte: UInt8
                repeat {
                    byte = buffer[index]
                    index += 1
                    value |= UInt64(byte & 0x7F) << shift
                    shift += 7
                } while byte & 0x80 != 0
                slot += Int32(truncatingIfNeeded: value >> 4)
                body(slot, UInt8(truncatingIfNeeded: value & 0xF))
            }
        }
    }

    /// The postings as `PackedPosting`s, for the search's intersection.
    func packed() -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(count)
        forEach { slot, fields in result.append(PackedPosting.make(slot: slot, fields: fields)) }
        return result
    }

    /// Drops the postings whose slot `isDead` says so (re-encoding the gaps).
    mutating func removeAll(where isDead: (Int32) -> Bool) {
        var kept = CompactPostings()
        kept.bytes.reserveCapacity(bytes.count)
        forEach { slot, fields in
            if !isDead(slot) { kept.append(slot: slot, fields: fields) }
        }
        self = kept
    }
}
