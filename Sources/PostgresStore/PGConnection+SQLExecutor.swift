import ArticlesSQL

/// The shared reads and writes (ArticlesSQL) run on a connection through this: each statement is prepared once
/// per connection, its values sent as text.
extension PGConnection: SQLExecutor {
    var dialect: SQLDialect { .postgres }

    func rows(_ statement: SQLStatement) throws -> [[SQLValue]] {
        try execute(cached: statement.text, statement.parameters.map(\.parameterText)).rows
    }

    func run(_ statement: SQLStatement) throws {
        try execute(cached: statement.text, statement.parameters.map(\.parameterText))
    }
}

extension SQLValue {
    /// The value as libpq's text parameter (nil for NULL).
    var parameterText: String? {
        switch self {
        case .null: nil
        case .integer(let value): String(value)
        case .text(let value): value
        }
    }
}
