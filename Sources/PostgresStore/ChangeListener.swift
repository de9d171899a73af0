import Dispatch
import Foundation
import Synchronization

/// A thread with its own connection that LISTENs on the change channel and reports each notification's
/// version. It reconnects by itself after an outage (backing off up to 2 s) and then reports nil: "catch up
/// with the database", since notifications sent while it was away are lost. After each report it records in
/// `store_listeners` the version handed over through, which writers on other instances wait for.
final class ChangeListener: Sendable {
    /// The application name of listener connections, by which writers find the live ones.
    static let role = "dateline-listener"

    private let url: String
    private let channel: String
    private let running = Atomic<Bool>(false)
    private let backendPID = Atomic<Int32>(0)
    private let finished = DispatchSemaphore(value: 0)

    init(url: String, channel: String) {
        self.url = url
        self.channel = channel
    }

    /// The server process of the listening connection (0 while disconnected).
    var pid: Int32 { backendPID.load(ordering: .acquiring) }

    /// Starts the thread; `report` runs on it and returns the version handed over through.
    func start(_ report: @escaping @Sendable (UInt64?) -> UInt64) {
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

    private func run(_ report: @Sendable (UInt64?) -> UInt64) {
        var backOff = Duration.milliseconds(100)
        while isRunning {
            guard let connection = try? PGConnection(url: url, role: Self.role), let pid = try? register(connection) else {
                pause(backOff)
                backOff = min(backOff * 2, .seconds(2))
                continue
            }
            backOff = .milliseconds(100)
            backendPID.store(pid, ordering: .releasing)
            acknowledge(report(nil), on: connection)
            listen(on: connection, report)
            backendPID.store(0, ordering: .releasing)
        }
    }

    /// LISTENs and enters the connection in `store_listeners` (nothing handed over yet); returns its pid.
    private func register(_ connection: PGConnection) throws -> Int32 {
        try connection.execute("LISTEN \(channel)")
        let row = try connection.execute("""
            INSERT INTO store_listeners (pid, delivered) VALUES (pg_backend_pid(), 0)
            ON CONFLICT (pid) DO UPDATE SET delivered = 0 RETURNING pid
            """)
        guard let pid = row.scalar?.integer else { throw PGError(message: "no pid", sqlState: nil, connectionLost: false) }
        return Int32(pid)
    }

    /// Records that changes through `version` have been handed over on this instance.
    private func acknowledge(_ version: UInt64, on connection: PGConnection) {
        _ = try? connection.execute(
            prepared: "acknowledge", "UPDATE store_listeners SET delivered = $1 WHERE pid = pg_backend_pid()", [String(version)])
    }

    /// Waits for notifications until the connection fails or the listener stops.
    private func listen(on connection: PGConnection, _ report: @Sendable (UInt64?) -> UInt64) {
        while isRunning {
            // First what libpq already holds: notifications that arrived while a statement ran on this
            // connection (registering, acknowledging) are queued there, and the socket will not signal them.
            var newest: UInt64?
            while let notification = connection.nextNotification() {
                let version = notification.payload.split(separator: " ", maxSplits: 1).first.flatMap { UInt64($0) }
                if let version { newest = max(newest ?? 0, version) }
            }
            if let newest {
                acknowledge(report(newest), on: connection)
                continue
            }
            if !connection.isHealthy { return }
            var descriptor = pollfd(fd: connection.socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 250)
            if ready < 0 && errno != EINTR { return }
            guard ready > 0 else { continue }
            guard connection.consumeInput() else { return }
        }
    }

    /// Sleeps `duration` in short steps, so `stop` is not held up.
    private func pause(_ duration: Duration) {
        let end = ContinuousClock.now + duration
        while isRunning && ContinuousClock.now < end { usleep(50_000) }
    }
}
