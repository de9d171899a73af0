/// One value bound to, or read from, a SQL statement. Articles need only these three.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)

    /// The text, or nil (NULL or an integer).
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The integer, or nil (NULL or text).
    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }
}

extension SQLValue {
    /// `.text(value)`, or `.null` for nil.
    static func text(_ value: String?) -> SQLValue {
        value.map { .text($0) } ?? .null
    }

    /// `.integer(value)`, or `.null` for nil.
    static func integer(_ value: Int64?) -> SQLValue {
        value.map { .integer($0) } ?? .null
    }
}
