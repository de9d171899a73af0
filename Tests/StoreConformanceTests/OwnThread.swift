import Foundation

/// Runs blocking work on a thread of its own and waits for it. A long synchronous test body would otherwise
/// hold one of the test runner's few cooperative threads (two on a two-core machine) and starve the other
/// suites into their time limits. `body` cannot record issues (it runs outside the test's task): it returns
/// what it found and the test records it.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
