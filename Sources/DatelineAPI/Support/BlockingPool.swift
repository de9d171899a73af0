import Foundation
import Locking

/// A fixed set of threads for work that blocks (a database store's calls), so the event loops never wait.
///
/// Bounded both ways: `threads` jobs run at once, at most `queueLimit` wait; a job past that is refused at
/// once (the caller answers 503) rather than queued without end while the database is slow.
final class BlockingPool: Sendable {
    private let state = LockedValue(State())
    private let available = DispatchSemaphore(value: 0)
    private let queueLimit: Int

    private let threadCount: Int

    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var head = 0
        var stopped = false
    }

    /// Starts `threads` worker threads, named for debuggers and `top -H`.
    init(threads: Int, queueLimit: Int) {
        self.queueLimit = queueLimit
        threadCount = max(1, threads)
        for index in 0..<threadCount {
            let thread = Thread { [self] in work() }
            thread.name = "dateline-store-\(index)"
            thread.start()
        }
    }

    /// Queues `job`; false (and nothing queued) when `queueLimit` jobs already wait.
    func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        let queued = state.withLock { state in
            guard !state.stopped, state.jobs.count - state.head < queueLimit else { return false }
            state.jobs.append(job)
            return true
        }
        if queued { available.signal() }
        return queued
    }

    /// Jobs waiting for a thread (for tests and metrics).
    var waiting: Int { state.withLock { $0.jobs.count - $0.head } }

    /// Refuses new jobs; the threads finish what is queued, then end.
    func stop() {
        state.withLock { $0.stopped = true }
        for _ in 0..<threadCount { available.signal() }
    }

    private func work() {
        while true {
            available.wait()
            let (job, ended) = state.withLock { state -> ((@Sendable () -> Void)?, Bool) in
                guard state.head < state.jobs.count else { return (nil, state.stopped) }
                let job = state.jobs[state.head]
                state.head += 1
                if state.head > 1024 && state.head * 2 > state.jobs.count {
                    state.jobs.removeFirst(state.head)
                    state.head = 0
                }
                return (job, false)
            }
            if ended { return }
            job?()
        }
    }
}
