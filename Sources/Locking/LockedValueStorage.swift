#if canImport(Glibc)
public import Glibc
#elseif canImport(Darwin)
public import Darwin
#endif

/// A `LockedValue`'s value and its mutex in one allocation: the value is the header, the mutex the one
/// tail-allocated element (a `pthread_mutex_t` must not move once initialised, so it lives on the heap).
@usableFromInline
final class LockedValueStorage<Value>: ManagedBuffer<Value, pthread_mutex_t> {
    @inlinable
    static func make(_ value: Value) -> LockedValueStorage<Value> {
        let buffer = create(minimumCapacity: 1) { _ in value }
        let storage = unsafeDowncast(buffer, to: LockedValueStorage<Value>.self)
        storage.withUnsafeMutablePointerToElements { mutex in
            var attributes = pthread_mutexattr_t()
            pthread_mutexattr_init(&attributes)
            defer { pthread_mutexattr_destroy(&attributes) }
            #if DEBUG
            // A recursive withLock then fails its precondition instead of hanging.
            pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ERRORCHECK))
            #endif
            let result = pthread_mutex_init(mutex, &attributes)
            precondition(result == 0, "pthread_mutex_init failed: \(result)")
        }
        return storage
    }

    /// The value; touch it only between `lock()` and `unlock()`. The header does not move while `self` lives.
    @inlinable
    var value: UnsafeMutablePointer<Value> { withUnsafeMutablePointerToHeader { $0 } }

    @inlinable
    func lock() {
        let result = withUnsafeMutablePointerToElements { pthread_mutex_lock($0) }
        precondition(result == 0, "pthread_mutex_lock failed: \(result)")
    }

    @inlinable
    func unlock() {
        let result = withUnsafeMutablePointerToElements { pthread_mutex_unlock($0) }
        precondition(result == 0, "pthread_mutex_unlock failed: \(result)")
    }

    deinit {
        _ = withUnsafeMutablePointerToElements { pthread_mutex_destroy($0) }
    }
}
