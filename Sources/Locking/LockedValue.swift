/// A value that one thread at a time may read or change: the interface of `Synchronization.Mutex`, over a
/// POSIX mutex. Dateline uses it for every lock instead of `Mutex`.
///
/// Why not `Mutex`: on Linux it locks with futex system calls of its own, which ThreadSanitizer does not see,
/// so every access made under it is reported as a data race (`make test-sanitize`). ThreadSanitizer
/// intercepts `pthread_mutex_lock`, so under this lock it sees the ordering and reports only real races.
/// Uncontended, both are one atomic compare-and-swap to lock and one to unlock (`make bench-callgrind` shows
/// no difference per request; see docs/DECISIONS.md).
///
/// Unlike `Mutex`, a `LockedValue` is a reference: copies share one value and one lock, so it can be an
/// array element or captured by closures. The lock is not recursive: calling `withLock` again from inside
/// `body` on the same value deadlocks (debug builds stop with a precondition failure instead).
// public, not package: with `package`, this toolchain keeps `@inlinable` bodies from other modules' optimizer,
// and every call went through the unspecialised generic `withLock` (tens of instructions per request more).
// Locking is no product of the package, so this is still not part of Dateline's API.
public struct LockedValue<Value>: @unchecked Sendable {
    // @unchecked: `Value` is reached only through `withLock`, under the mutex; `sending` on the way in and
    // out keeps non-Sendable values from escaping the lock, exactly as `Mutex` does.
    @usableFromInline let storage: LockedValueStorage<Value>

    /// A lock holding `value`.
    @inlinable
    public init(_ value: sending Value) {
        storage = LockedValueStorage.make(value)
    }

    /// Runs `body` on the value with the lock held, and returns what it returns; the lock is released when
    /// `body` returns or throws.
    @inlinable
    public func withLock<Result, Failure: Error>(
        _ body: (inout sending Value) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        storage.lock()
        defer { storage.unlock() }
        // nonisolated(unsafe): the lock, not the type checker, is what keeps other threads off the value.
        nonisolated(unsafe) let value = storage.value
        return try body(&value.pointee)
    }
}
