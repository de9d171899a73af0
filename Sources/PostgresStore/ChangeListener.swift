import Dispatch
import Foundation
import Synchronization

/// A thread with its own connection that LISTENs on the change channel and reports each notification's
/// version. It reconnects by itself after an outage (backing off up to 2 s) and then reports nil: "catch up
/// with the database", since notifications sent while it was away are lost.
final class ChangeListener: Sendable {
    private let url: String
    private let channel: String
    private let running = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    init(url: String, channel: String) {
        self.url = url
        self.channel = channel
    }

    /// Starts the thread; `report` runs on it.
    func start(_ report: @escaping @Sendable (UInt64?) -> Void) {
        running.store(true, ordering: .releasing)
        let thread = Thread { [self] in
            run(report)
            finished.signal()
        }
        thread.name = "dateline-pg-listen"
        thread.start()
    }

    /// Stops the thread (within about a quarter of a second) and waits for it.
    func stop() {
        guard running.exchange(false, ordering: .acquiringAndReleasing) else { return }
        _ = finished.wait(timeout: .now() + 3)
    }

    private var isRunning: Bool { running.load(ordering: .acquiring) }

    private func run(_ report: @Sendable (UInt64?) -> Void) {
        var backOff = Duration.milliseconds(100)
        while isRunning {
            guard let connection = try? PGConnection(url: url), (try? connection.execute("LISTEN \(channel)")) != nil else {
                pause(backOff)
                backOff = min(backOff * 2, .seconds(2))
                continue
            }
            backOff = .milliseconds(100)
            report(nil)
            listen(on: connection, report)
        }
    }

    /// Waits for notifications until the connection fails or the listener stops.
    private func listen(on connection: PGConnection, _ report: @Sendable (UInt64?) -> Void) {
        while isRunning {
            var descriptor = pollfd(fd: connection.socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 250)
            if ready < 0 && errno != EINTR { return }
            guard ready > 0 else { continue }
            guard connection.consumeInput() else { return }
            var newest: UInt64?
            while let notification = connection.nextNotification() {
                let version = notification.payload.split(separator: " ", maxSplits: 1).first.flatMap { UInt64($0) }
                if let version { newest = max(newest ?? 0, version) }
            }
            if let newest { report(newest) }
            if !connection.isHealthy { return }
        }
    }

    /// Sleeps `duration` in short steps, so `stop` is not held up.
    private func pause(_ duration: Duration) {
        let end = ContinuousClock.now + duration
        while isRunning && ContinuousClock.now < end { usleep(50_000) }
    }
}
