#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Integer counters for per-request paths: no lock, and no cache line that every thread writes.
///
/// Each thread adds to one of several stripes of relaxed atomics (threads are numbered as they first count),
/// so event loops on different cores do not write the same memory; a scrape sums the stripes. An `add` costs one
/// uncontended atomic add. (swift-prometheus's histogram takes a lock per observation, which every request
/// would then contend for.)
final class StripedCounters: @unchecked Sendable {
    /// Counters in one stripe.
    let width: Int
    private let stride: Int
    private let stripes: Int
    // @unchecked Sendable: the memory is only ever reached through atomics, and is freed in deinit.
    private let storage: UnsafeMutablePointer<Atomic<Int>>

    /// `stripes` must be a power of two.
    init(width: Int, stripes: Int = 8) {
        precondition(stripes > 0 && stripes & (stripes - 1) == 0, "stripes must be a power of two")
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
        add(index, amount, thread: Self.threadNumber())
    }

    /// The same with the caller's `threadNumber()`, for a caller that adds several counters at once.
    @inline(__always)
    func add(_ index: Int, _ amount: Int = 1, thread: Int) {
        storage[(thread & (stripes - 1)) * stride + index].add(amount, ordering: .relaxed)
    }

    /// Counter `index` over every stripe.
    func sum(_ index: Int) -> Int {
        var total = 0
        for stripe in 0..<stripes { total &+= storage[stripe * stride + index].load(ordering: .relaxed) }
        return total
    }

    /// The calling thread's number, which picks its stripe: threads are numbered in the order they first count (kept in a
    /// thread-specific slot), so the event loops, which count from their first request, get stripes of
    /// their own rather than ones a hash of their ids might share.
    @inline(__always)
    static func threadNumber() -> Int {
        if let slot = pthread_getspecific(threadKey) { return Int(bitPattern: slot) - 1 }
        let number = nextThread.add(1, ordering: .relaxed).oldValue
        pthread_setspecific(threadKey, UnsafeRawPointer(bitPattern: number + 1))
        return number
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private static let nextThread = Atomic<Int>(0)
}
