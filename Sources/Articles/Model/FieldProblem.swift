/// One bad query parameter or body field.
public struct FieldProblem: Sendable, Equatable {
    /// Whether `name` is a query parameter or a field of the article body.
    public enum Location: Sendable, Equatable {
        case parameter, field
    }

    /// Parameter or body field.
    public var location: Location
    /// "limit", "title", "articles[3].tags" ...
    public var name: String
    /// A sentence fragment a curl user can act on: "must be between 1 and 100".
    public var message: String

    /// A problem with `name` at `location`.
    public init(location: Location, name: String, message: String) {
        self.location = location
        self.name = name
        self.message = message
    }

    /// A bad query parameter.
    public static func parameter(_ name: String, _ message: String) -> FieldProblem {
        FieldProblem(location: .parameter, name: name, message: message)
    }

    /// A bad body field.
    public static func field(_ name: String, _ message: String) -> FieldProblem {
        FieldProblem(location: .field, name: name, message: message)
    }
}
