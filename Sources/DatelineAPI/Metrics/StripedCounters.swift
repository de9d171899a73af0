#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Integer counters for per-request paths: no lock, and no cache line that every thread writes.
///
/// Each thread adds to one of several stripes of relaxed atomics, picked from its thread id, so event loops
/// on different cores rarely touch the same memory; a scrape sums the stripes. An `add` costs one
/// uncontended atomic add. (swift-prometheus's histogram takes a lock per observation, which every request
/// would then contend for.)
final class StripedCounters: @unchecked Sendable {
    /// Counters in one stripe.
    let width: Int
    private let stride: Int
    private let stripes: Int
    // @unchecked Sendable: the memory is only ever reached through atomics, and is freed in deinit.
    private let storage: UnsafeMutablePointer<Atomic<Int>>

    init(width: Int, stripes: Int = 8) {
        self.width = width
        // Whole cache lines per stripe, plus one, so two stripes never share a line.
        self.stride = (width + 7) / 8 * 8 + 8
        self.stripes = stripes
        storage = .allocate(capacity: stride * stripes)
        for index in 0..<(stride * stripes) { (storage + index).initialize(to: Atomic(0)) }
    }

    deinit {
        storage.deinitialize(count: stride * stripes)
        storage.deallocate()
    }

    /// Adds `amount` to counter `index` in the calling thread's stripe.
    @inline(__always)
    func add(_ index: Int, _ amount: Int = 1) {
        storage[Self.stripe(of: stripes) * stride + index].add(amount, ordering: .relaxed)
    }

    /// Counter `index` over every stripe.
    func sum(_ index: Int) -> Int {
        var total = 0
        for stripe in 0..<stripes { total &+= storage[stripe * stride + index].load(ordering: .relaxed) }
        return total
    }

    /// A stripe for the calling thread: its id (a pointer-sized value, different per thread) hashed.
    @inline(__always)
    private static func stripe(of count: Int) -> Int {
        #if canImport(Glibc)
        let id = UInt64(pthread_self())
        #else
        let id = UInt64(UInt(bitPattern: pthread_self()))
        #endif
        // Fibonacci hashing; thread ids differ in their middle bits (stacks are megabytes apart).
        return Int(truncatingIfNeeded: ((id >> 12) &* 0x9E37_79B9_7F4A_7C15) >> 40) % count
    }
}
