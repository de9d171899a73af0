import Dispatch
import Locking

/// A bounded pool of PostgreSQL connections, opened on demand. A call takes one, runs, and gives it back; a
/// connection that broke is dropped (the next call opens a fresh one). After a failed connect, calls fail at once
/// for a short back-off instead of each waiting out a connect timeout, so requests answer 503 quickly while the
/// database is down and the pool recovers by itself when it is back.
final class ConnectionPool: Sendable {
    /// The most connections open at once.
    let size: Int
    private let url: String
    private let slots: DispatchSemaphore
    private let waitLimit: Duration
    private let backOff: Duration
    private let statementTimeout: Duration
    private let state = LockedValue<State>(State())

    private struct State {
        var idle: [PGConnection] = []
        var retryAfter: ContinuousClock.Instant?
        var lastFailure = ""
    }

    init(url: String, size: Int = 8, waitLimit: Duration = .seconds(5), backOff: Duration = .milliseconds(500),
         statementTimeout: Duration = .seconds(15)) {
        self.url = url
        self.statementTimeout = statementTimeout
        self.size = size
        self.waitLimit = waitLimit
        self.backOff = backOff
        slots = DispatchSemaphore(value: size)
    }

    /// Runs `body` on a pooled connection. Throws `PGError` (with `meansUnavailable` when the database cannot
    /// answer: down, unreachable, or every connection busy past the wait limit).
    func withConnection<T>(_ body: (PGConnection) throws -> T) throws -> T {
        let seconds = Double(waitLimit.components.seconds) + Double(waitLimit.components.attoseconds) / 1e18
        guard slots.wait(timeout: .now() + seconds) == .success else {
            throw PGError(message: "all \(size) database connections stayed busy for \(waitLimit)", sqlState: "53300", connectionLost: false)
        }
        defer { slots.signal() }
        let connection = try take()
        do {
            let value = try body(connection)
            give(connection)
            return value
        } catch {
            // A connection that is fine (a constraint error, say) goes back. One that broke is dropped, and so
            // are the idle ones: they most likely lost the same server, and each would fail one more call.
            if connection.isHealthy {
                give(connection)
            } else {
                close()
            }
            throw error
        }
    }

    /// Closes the idle connections (busy ones close when given back after this).
    func close() {
        state.withLock { $0.idle.removeAll() }
    }

    private func take() throws -> PGConnection {
        let (idle, failure): (PGConnection?, String?) = state.withLock { state in
            if let connection = state.idle.popLast() { return (connection, nil) }
            if let retryAfter = state.retryAfter, ContinuousClock.now < retryAfter { return (nil, state.lastFailure) }
            return (nil, nil)
        }
        if let idle {
            if idle.isHealthy { return idle }
            return try take()
        }
        if let failure { throw PGError(message: failure, sqlState: nil, connectionLost: true) }
        do {
            let connection = try PGConnection(url: url, statementTimeout: statementTimeout)
            state.withLock { $0.retryAfter = nil }
            return connection
        } catch let error as PGError {
            state.withLock { state in
                state.retryAfter = ContinuousClock.now + backOff
                state.lastFailure = error.message
            }
            throw error
        }
    }

    private func give(_ connection: PGConnection) {
        state.withLock { $0.idle.append(connection) }
    }
}
