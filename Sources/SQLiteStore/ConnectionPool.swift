import Dispatch
import Locking

/// Reader connections, each lent to one caller at a time; a caller waits when all are out.
final class ConnectionPool: Sendable {
    private let idle: LockedValue<[SQLiteConnection]>
    private let available: DispatchSemaphore

    init(_ connections: [SQLiteConnection]) {
        idle = LockedValue(connections)
        available = DispatchSemaphore(value: connections.count)
    }

    func withConnection<T>(_ body: (SQLiteConnection) throws -> T) rethrows -> T {
        available.wait()
        let connection = idle.withLock { $0.removeLast() }
        defer {
            idle.withLock { $0.append(connection) }
            available.signal()
        }
        return try body(connection)
    }
}
