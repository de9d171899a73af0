/// What the shared reads and writes need from a database connection. A store hands one in for the length of
/// a call (inside a transaction for writes); it is used by one thread at a time.
public protocol SQLExecutor {
    /// The SQL flavour the connection speaks.
    var dialect: SQLDialect { get }
    /// Runs `statement` and returns every row, each value in select-list order.
    func rows(_ statement: SQLStatement) throws -> [[SQLValue]]
    /// Runs `statement` for its effect.
    func run(_ statement: SQLStatement) throws
    /// Runs `statement`, handing each row to `body` as it comes (so a long result is never held whole). The
    /// default collects `rows` first; a connection that can stream should. `body` may run other statements
    /// on the same connection.
    func forEachRow(_ statement: SQLStatement, _ body: ([SQLValue]) throws -> Void) throws
}

extension SQLExecutor {
    public func forEachRow(_ statement: SQLStatement, _ body: ([SQLValue]) throws -> Void) throws {
        for row in try rows(statement) { try body(row) }
    }

    /// The first column of the first row, or nil when there is no row.
    func value(_ statement: SQLStatement) throws -> SQLValue? {
        try rows(statement).first?.first
    }
}

/// A row the shared code cannot read: the database holds something this version did not write.
public struct SQLRowError: Error, CustomStringConvertible {
    /// What was wrong, for the log.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
