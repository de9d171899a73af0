/// SQL text with its parameters, ready for a connection to prepare and bind.
public struct SQLStatement: Sendable, Equatable {
    /// The SQL, with the dialect's placeholders.
    public var text: String
    /// One value per placeholder, in order.
    public var parameters: [SQLValue]

    /// `text` with `parameters` bound in order.
    public init(_ text: String, _ parameters: [SQLValue] = []) {
        self.text = text
        self.parameters = parameters
    }
}

/// Builds one statement's text and parameters together, so placeholders and values cannot drift apart.
struct SQLBuilder {
    let dialect: SQLDialect
    private(set) var text = ""
    private(set) var parameters: [SQLValue] = []

    init(_ dialect: SQLDialect) {
        self.dialect = dialect
    }

    /// Adds `value` as a parameter and returns its placeholder.
    mutating func bind(_ value: SQLValue) -> String {
        parameters.append(value)
        return dialect.placeholder(parameters.count)
    }

    /// `(p1, p2, ...)` for the values (at least one).
    mutating func list(_ values: [String]) -> String {
        "(" + values.map { bind(.text($0)) }.joined(separator: ", ") + ")"
    }

    mutating func append(_ sql: String) {
        text += sql
    }

    var statement: SQLStatement {
        SQLStatement(text, parameters)
    }
}
