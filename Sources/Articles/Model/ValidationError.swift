/// Thrown when one or more parameters/fields are bad; `problems` has one entry per bad one (all at once).
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One entry per bad parameter or field.
    public var problems: [FieldProblem]

    /// An error listing `problems`.
    public init(problems: [FieldProblem]) {
        self.problems = problems
    }

    /// "title: must not be empty; tags[2]: must be slug-shaped".
    public var description: String {
        problems.map { "\($0.name): \($0.message)" }.joined(separator: "; ")
    }
}
