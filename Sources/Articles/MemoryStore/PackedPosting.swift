/// A posting packed into 32 bits: the article's slot in the high 28, the fields the word (or word pair) occurs
/// in in the low 4 (`MemoryIndex.FieldBit`). Half the size of a (slot, fields) struct, and a list of them
/// sorted by slot is sorted as plain integers, so "the first posting at or after slot s" compares
/// `posting < s << 4` without unpacking.
enum PackedPosting {
    /// Slots must stay below this; `MemoryIndex` renumbers its slots before reaching it.
    static let slotLimit = 1 << 28

    @inline(__always)
    static func make(slot: Int32, fields: UInt8) -> UInt32 {
        UInt32(truncatingIfNeeded: slot) << 4 | UInt32(fields)
    }

    @inline(__always)
    static func slot(_ posting: UInt32) -> Int32 {
        Int32(truncatingIfNeeded: posting >> 4)
    }

    @inline(__always)
    static func fields(_ posting: UInt32) -> UInt8 {
        UInt8(truncatingIfNeeded: posting & 0xF)
    }

    /// The smallest packed value of `slot` (every posting of a smaller slot is below it).
    @inline(__always)
    static func floor(_ slot: Int32) -> UInt32 {
        UInt32(truncatingIfNeeded: slot) << 4
    }

    /// The first index at or after `start` whose posting's slot is at least `slot`: galloping (1, 2, 4 ...
    /// ahead, then a binary search in the last step), so walking a long list in step with a short one
    /// costs about the short one's length times a logarithm, and two lists of like length are merged.
    @inline(__always)
    static func seek(_ slot: Int32, in list: UnsafeBufferPointer<UInt32>, from start: Int) -> Int {
        let target = floor(slot)
        var low = start
        if low >= list.count || list[low] >= target { return low }
        var step = 1
        var high = low + step
        while high < list.count && list[high] < target {
            low = high
            step &<<= 1
            high = low + step
        }
        // list[low] < target, and list[high] >= target or high is past the end.
        high = min(high, list.count)
        low += 1
        while low < high {
            let middle = (low + high) >> 1
            if list[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
