/// A failure reported by libpq or the server: `sqlState` is PostgreSQL's five-character code when the server sent
/// one; `connectionLost` is true when the connection can no longer be used (it is then dropped from the pool).
struct PGError: Error, CustomStringConvertible {
    var message: String
    var sqlState: String?
    var connectionLost: Bool

    var description: String { sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message }

    /// unique_violation.
    var isUniqueViolation: Bool { sqlState == "23505" }

    /// Errors that mean "the database cannot answer now" rather than "this request is wrong": a lost connection,
    /// connection exceptions (class 08), shutdown and start-up (57P0x), a statement timeout or cancel (57014),
    /// insufficient resources (class 53) and serialisation or deadlock failures of an overloaded server (40xxx).
    var meansUnavailable: Bool {
        if connectionLost { return true }
        guard let sqlState else { return true }
        return sqlState.hasPrefix("08") || sqlState.hasPrefix("57") || sqlState.hasPrefix("53") || sqlState.hasPrefix("40")
    }
}
